#!/usr/bin/env bash
# The board under load (issue 24): 200 connections from wrk on loopback against `formation serve`
# (release build) on the 2M-participation database of BENCHMARKS.md, one page at a time.
#
#   Scripts/board-load.sh [SECONDS]      # default 15 s per page
#
# Needs wrk and sqlite3 (apt-get install -y wrk sqlite3). Generates bench-data/db-L.sqlite the first
# time (several minutes) and builds .build-bench/release/formation. Prints, per page, the time of
# the first (unkept) rendering and wrk's latency distribution.
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
for page in / "/battles/$battle" "/people/$person" "/people?q=maria+perez" /workshops/plant-maintenance/lockout-tagout /curricula; do
    echo "== $page (first rendering: $(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$page") s)"
    wrk -t2 -c200 -d"${seconds}s" --latency --timeout 10s "http://127.0.0.1:$port$page" \
        | grep -E "Requests/sec|50%|75%|90%|99%|Non-2xx|Socket errors|requests in"
done
