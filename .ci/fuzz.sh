#!/usr/bin/env bash
# libFuzzer run of every tests/fuzz/fuzz_<family>.c target (native clang build with
# ASan + UBSan in build/fuzz). Short by default (`npm test`); longer runs:
#   FUZZ_SECONDS=20 bash .ci/fuzz.sh            # 20 s per target
#   FUZZ_SECONDS=600 bash .ci/fuzz.sh conv pool # only some targets
# The corpus each target grows is kept in build/fuzz/corpus/<family>, so runs build on each
# other; a crash leaves its input in build/fuzz/crash-* (replay: build/fuzz/tests/fuzz/fuzz_<family> <file>).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_TARGET="${FUZZ_SECONDS:-4}"
# The short run in `npm test` uses a fixed seed, so CI explores the same inputs every time (a
# failure there is reproducible, not luck); longer runs (FUZZ_SECONDS set) pick a random seed
# (libFuzzer's -seed=0) unless FUZZ_SEED says otherwise.
if [ -n "${FUZZ_SECONDS:-}" ]; then SEED="${FUZZ_SEED:-0}"; else SEED="${FUZZ_SEED:-1}"; fi
mkdir -p build
(
  # One build at a time (shared with build-wasm.sh and test-c.sh); the runs need no lock.
  flock 9
  if [ ! -f build/fuzz/CMakeCache.txt ]; then
    CC=clang cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWT_FUZZ=ON -DWT_SANITIZE=ON \
      -DWT_BUILD_TESTS=OFF >/dev/null
  fi
  cmake --build build/fuzz -j2 >/dev/null
) 9>build/.lock

if [ "$#" -gt 0 ]; then targets=("$@"); else
  targets=()
  for f in tests/fuzz/fuzz_*.c; do n="${f##*/fuzz_}"; targets+=("${n%.c}"); done
fi
# Scratch allocations of an op may legitimately fail (WT_ENOMEM), so the allocator returns NULL.
export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for t in "${targets[@]}"; do
  mkdir -p "build/fuzz/corpus/$t"
  log="build/fuzz/fuzz_$t.log"
  if ! "build/fuzz/tests/fuzz/fuzz_$t" "build/fuzz/corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -seed="$SEED" \
      -max_len=2048 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/ -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $t FAILED (log: $log)" >&2
    exit 1
  fi
  echo "fuzz: $t ok ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs)"
done
