-- wrk script for Scripts/board-load.sh: asks as a phone does (gzip accepted, Spanish first) and
-- prints the latency percentiles wrk's --latency leaves out (p95) with the errors. Arguments after
-- `--`: `paths=FILE` asks a different address of FILE on every request; `every=MS` makes each
-- connection a phone that waits MS milliseconds after each answer (without it, each asks again at
-- once: a saturating load, far more than phones make).
local paths = {}
local counter = 0
local every = 0

function init(args)
    for _, argument in ipairs(args) do
        local key, value = argument:match("^(%w+)=(.*)$")
        if key == "paths" then
            for line in io.lines(value) do paths[#paths + 1] = line end
        elseif key == "every" then
            every = tonumber(value)
        end
    end
end

function delay()
    return every
end

function request()
    if #paths == 0 then
        return wrk.format("GET", nil, { ["Accept-Encoding"] = "gzip", ["Accept-Language"] = "es-VE,es;q=0.9" })
    end
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1], { ["Accept-Encoding"] = "gzip", ["Accept-Language"] = "es-VE,es;q=0.9" })
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format("requests %d in %.1f s (%.0f/s); p50 %.1f ms, p75 %.1f ms, p90 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; " ..
        "non-2xx/3xx %d, socket errors connect %d read %d write %d timeout %d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(75) / 1000, latency:percentile(90) / 1000,
        latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
