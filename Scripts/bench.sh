#!/usr/bin/env bash
# Benchmarks side by side with their baselines (BENCHMARKS.md):
#
#   Scripts/bench.sh [--no-build] [--quick] [--profile] [Scripts/bench.py options...]
#
# Installs what the runs need when missing (xmllint, sqlite3, GNU time for peak RSS, valgrind for
# --profile), builds `formation` and the in-process probe `formation-bench` (Benchmarks/, a separate
# package that depends on this one by path, so `swift build`/`swift test` never build it) in release
# mode into .build-bench/, then runs Scripts/bench.py at a low CPU priority. Inputs are generated into bench-data/ (git-ignored) and
# kept for the next run; the results land in bench-data/results/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

missing=()
need() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1"); }
need libxml2-utils
need sqlite3
need time
case " $* " in *" --profile "*) need valgrind ;; esac
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --no-build: measure the binaries already in .build-bench/ (say, while someone's edit breaks the build).
if [ "${1:-}" = "--no-build" ]; then
    shift
    [ -x "$root/.build-bench/release/formation" ] || { echo "bench: no .build-bench/release/formation yet" >&2; exit 1; }
    exec nice -n 10 python3 Scripts/bench.py "$@"
fi

echo "bench: building formation and formation-bench (release, .build-bench/)" >&2
mkdir -p "$root/.build-bench"
# SwiftPM can keep the build plan of the path dependency (this package) from before sources were
# added, then fail to link them: drop the plan (not the objects) so that it is made again.
rm -f "$root/.build-bench/release.yaml" "$root/.build-bench/release/description.json"
build=(nice -n 10 swift build -c release --package-path Benchmarks --scratch-path "$root/.build-bench")
# Three tries: in a tree others are editing, swiftc stops when a source changes under it.
for attempt in 1 2 3; do
    if { "${build[@]}" --product formation-bench && "${build[@]}" --product formation; } >"$root/.build-bench/build.log" 2>&1; then
        break
    fi
    if [ "$attempt" = 3 ] || ! grep -q "was modified during the build" "$root/.build-bench/build.log"; then
        grep -E "error" "$root/.build-bench/build.log" | head -40 >&2
        exit 1
    fi
done

exec nice -n 10 python3 Scripts/bench.py "$@"
