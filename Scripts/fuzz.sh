#!/usr/bin/env bash
# Fuzzes the curriculum pack reader (FormationXML's CurriculumPackReader) with libFuzzer and
# AddressSanitizer.
#
#   Scripts/fuzz.sh [SECONDS] [libFuzzer flags...]      (default: 60 seconds)
#
# Builds the separate package in Fuzz/ (it depends on this one by path, so `swift build` and
# `swift test` never build it) into .build-fuzz/, seeds fuzz-corpus/ (git-ignored) with the shipped
# packs and the kept regression inputs, and runs. The corpus grows across runs. A crash, leak or
# hang is written to .build-fuzz/crashes/ and the script exits non-zero; keep the input under
# Tests/FormationXMLTests/Fixtures/fuzz/ once fixed. Runs at the lowest CPU priority.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
scratch="$root/.build-fuzz"
corpus="$root/fuzz-corpus"
artifacts="$scratch/crashes"

build=(swift build -c debug --package-path "$root/Fuzz" --scratch-path "$scratch"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product formation-fuzz)
mkdir -p "$scratch"
# The linker's "Cannot export local symbol '__asan_…'" warnings are noise: keep the log aside.
if ! nice -n 19 "${build[@]}" >"$scratch/build.log" 2>&1; then
    grep -v 'Cannot export local symbol' "$scratch/build.log" | tail -40 >&2
    exit 1
fi
binary="$("${build[@]}" --show-bin-path)/formation-fuzz"

mkdir -p "$corpus" "$artifacts"
cp -n "$root"/Curricula/*.xml "$corpus"/
if [ -d "$root/Tests/FormationXMLTests/Fixtures/fuzz" ]; then
    find "$root/Tests/FormationXMLTests/Fixtures/fuzz" -type f -exec cp -n {} "$corpus"/ \;
fi

log="$scratch/fuzz.log"
status=0
# Packs are up to ~130 KB; -max_len leaves room to grow them. -timeout: one input reading for
# a minute is a hang worth reporting (a pack reads in well under a second even with ASan; the
# margin is for a machine busy with builds, where this lowest-priority process may wait).
nice -n 19 "$binary" "$corpus" \
    -dict="$root/Fuzz/curriculum.dict" \
    -max_len=262144 -timeout=60 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$@" >"$log" 2>&1 || status=$?

# The closing figures: executions, coverage, corpus and speed (libFuzzer's last status line).
grep -E '^#[0-9]+[[:space:]].*cov: ' "$log" | tail -1 || true
grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true
grep -E '^stat::' "$log" || true
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: libFuzzer stopped with status $status; the report is in $log:" >&2
    grep -E 'ERROR|SUMMARY|Test unit written|artifact' "$log" >&2 || tail -40 "$log" >&2
fi
exit "$status"
