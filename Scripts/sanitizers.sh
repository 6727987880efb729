#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer, then under ThreadSanitizer, each in its own
# build folder (.build-asan, .build-tsan; git-ignored). Each is a full build of its own: expect
# several minutes per sanitizer on two cores. Not part of CI (.ci/run), which must stay short.
#
#   Scripts/sanitizers.sh [address|thread]...      (default: both)
#
# Extra arguments for `swift test` can be given in SWIFT_TEST_FLAGS (e.g. "--filter StoreTests").
# Exits non-zero when a sanitizer reports a problem or a test fails.
set -uo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)

# The CLI tests run the formation binary, built with the same sanitizer, and pass it these options
# (CLIHarness.swift): a report there shows as a wrong exit code (86) in the test that ran it.
# Leak detection is off: commands that fail end with exit(), and LeakSanitizer then counts what
# was still in use (swift-argument-parser's parse state on an invalid value, for one) as leaked.
# Leaks of the pack reader are looked for by Scripts/fuzz.sh, whose libFuzzer checks them.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1:exitcode=86}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:exitcode=86}"

# libfaketime cannot start a sanitized binary (it hangs while the sanitizer's runtime starts): the
# tests that fake the clock run a plain debug build instead (CLIHarness.fakedClockBinary).
swift build --product formation >/dev/null || exit 1
export FORMATION_PLAIN_BINARY="$(swift build --show-bin-path)/formation"

status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "sanitizers.sh: unknown sanitizer '$sanitizer' (address or thread)" >&2; exit 64 ;;
    esac
    echo "== swift test --sanitize=$sanitizer (scratch: $scratch)"
    mkdir -p "$scratch"
    log="$scratch/sanitizer-tests.log"
    # shellcheck disable=SC2086
    swift test --sanitize="$sanitizer" --scratch-path "$scratch" ${SWIFT_TEST_FLAGS:-} >"$log" 2>&1
    result=$?
    grep -E "^(Test run with|✘ Test|✘ Suite|.*Executed [0-9]+ tests)" "$log" | cut -c1-240 | tail -20
    if grep -qE "(AddressSanitizer|ThreadSanitizer|LeakSanitizer):" "$log"; then
        echo "sanitizers.sh: $sanitizer sanitizer reported problems (see $log):" >&2
        grep -E -A12 "^(==[0-9]+==ERROR|WARNING: ThreadSanitizer)" "$log" | head -80 >&2
        result=1
    fi
    [ $result -ne 0 ] && status=1
    echo "== $sanitizer: $([ $result -eq 0 ] && echo clean || echo "FAILED (log: $log)")"
done
exit $status
