#!/usr/bin/env bash
# The board under load (issue 24): 200 connections from wrk on loopback against `formation serve`
# (release build) on the 2M-participation database of BENCHMARKS.md, one page at a time.
#
#   Scripts/board-load.sh [SECONDS]      # default 15 s per page
#
# Needs wrk and sqlite3 (apt-get install -y wrk sqlite3). Generates bench-data/db-L.sqlite the first
# time (several minutes) and builds .build-bench/release/formation. Prints, per page, the time of
# the first (unkept) rendering and the latency distribution (p50 to p99, Scripts/board-load.lua), then
# 200 phones opening 5,000 different records, which no kept page serves.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
for tool in wrk sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "board-load: $tool not found (apt-get install -y wrk sqlite3 curl)" >&2; exit 2; }
done
swift build -c release --product formation --scratch-path .build-bench >&2
formation=.build-bench/release/formation
db=bench-data/db-L.sqlite
if [ ! -f "$db" ]; then
    mkdir -p bench-data
    python3 Scripts/bench-generate.py database --database "$db" --formation "$formation" \
        --people 100000 --battles 2000 --sessions 175000 --participations 2000000 >&2
fi
battle=$(sqlite3 "$db" "SELECT id FROM battle ORDER BY startDate DESC LIMIT 1 OFFSET 100")
person=$(sqlite3 "$db" "SELECT personId FROM participation GROUP BY personId ORDER BY count(*) DESC LIMIT 1 OFFSET 50000")
port=8299
"$formation" serve --port "$port" --database "$db" 2>/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/curricula" && break; sleep 0.2; done
# As a phone asks: gzip accepted, Spanish first. The first rendering is timed alone with curl.
for page in / "/battles/$battle" "/people/$person" "/people?q=maria+perez" /workshops/plant-maintenance/lockout-tagout \
            /workshops/freehand-drawing/proportion-by-eye /curricula; do
    first=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} s, %{size_download} bytes gzipped' "http://127.0.0.1:$port$page")
    echo "== $page (first rendering: $first)"
    wrk -t2 -c200 -d"${seconds}s" --timeout 10s -s Scripts/board-load.lua "http://127.0.0.1:$port$page"
done
# 200 phones each opening a different worker's record: nothing kept helps, every answer is rendered.
paths=$(mktemp)
sqlite3 "$db" "SELECT '/people/' || id FROM person ORDER BY random() LIMIT 5000" > "$paths"
echo "== 5,000 different records, /people/ID (every answer rendered), each phone asking once a second"
wrk -t2 -c200 -d"${seconds}s" --timeout 10s -s Scripts/board-load.lua "http://127.0.0.1:$port/" -- "paths=$paths" every=1000
echo "== the same, each phone asking again at once (saturating)"
wrk -t2 -c200 -d"${seconds}s" --timeout 10s -s Scripts/board-load.lua "http://127.0.0.1:$port/" -- "paths=$paths"
rm -f "$paths"
