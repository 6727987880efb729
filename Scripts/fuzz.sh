#!/usr/bin/env bash
# Fuzzes a reader of files from outside with libFuzzer and AddressSanitizer: the curriculum pack
# reader (FormationXML's CurriculumPackReader), the battle record reader (BattleRecordReader) or
# the typed sign-in sheet reader (FormationUseCases' AttendanceSheet).
#
#   Scripts/fuzz.sh [SECONDS] [libFuzzer flags...]      (default: 60 seconds)
#   FORMATION_FUZZ_TARGET=record Scripts/fuzz.sh 1800   (pack, record or csv; default: pack)
#
# The record corpus starts from a small battle exported by a debug build of formation.
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
target="${FORMATION_FUZZ_TARGET:-pack}"
export FORMATION_FUZZ_TARGET="$target"
corpus="$root/fuzz-corpus"
[ "$target" = pack ] || corpus="$root/fuzz-corpus-$target"
artifacts="$scratch/crashes-$target"

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
dictionary=(-dict="$root/Fuzz/curriculum.dict")
case "$target" in
pack)
    cp -n "$root"/Curricula/*.xml "$corpus"/
    if [ -d "$root/Tests/FormationXMLTests/Fixtures/fuzz" ]; then
        find "$root/Tests/FormationXMLTests/Fixtures/fuzz" -type f -exec cp -n {} "$corpus"/ \;
    fi
    ;;
record)
    # A real record to start from: a small battle exported by a debug build of formation.
    if [ -z "$(ls -A "$corpus")" ]; then
        swift build --package-path "$root" --product formation >/dev/null
        formation="$(swift build --package-path "$root" --show-bin-path)/formation"
        db="$(mktemp -d)/seed.sqlite"
        "$formation" import "$root"/Curricula/*.xml --database "$db" >/dev/null 2>&1
        "$formation" plant add "La Gaviota" --state Sucre --database "$db" >/dev/null
        "$formation" person add "Ana Rivas" --plant "La Gaviota" --database "$db" >/dev/null
        "$formation" person add "José Rondón" --database "$db" >/dev/null
        "$formation" battle add B --plant "La Gaviota" --start 2026-12-01 --end 2026-12-02 --time-zone America/Caracas --database "$db" >/dev/null
        "$formation" session add --battle B --workshop proportion-by-eye --start "2026-12-01 09:00" --end "2026-12-01 11:00" \
            --place Taller --facilitator "Ana Rivas" --force --database "$db" >/dev/null 2>&1
        "$formation" shift add --battle B --person "José Rondón" --start "2026-12-01 12:00" --end "2026-12-01 18:00" --database "$db" >/dev/null
        "$formation" battle export B --as record -o "$corpus/seed-record.xml" --database "$db"
    fi
    ;;
csv)
    cp -n "$root"/Tests/FormationUseCasesTests/Fixtures/sheets/*.csv "$corpus"/
    dictionary=()
    ;;
*) echo "fuzz.sh: FORMATION_FUZZ_TARGET is pack, record or csv" >&2; exit 64 ;;
esac

log="$scratch/fuzz-$target.log"
status=0
# Packs are up to ~130 KB; -max_len leaves room to grow them. -timeout: one input reading for
# a minute is a hang worth reporting (a pack reads in well under a second even with ASan; the
# margin is for a machine busy with builds, where this lowest-priority process may wait).
nice -n 19 "$binary" "$corpus" \
    "${dictionary[@]}" \
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
