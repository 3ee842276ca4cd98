#!/usr/bin/env bash
# `make fuzz FUZZ_SECONDS=N`: runs the property tests of tests/native_proptest.rs
# (stable toolchain, release build) again and again with fresh random seeds
# until N seconds have passed. Exits 1 with proptest's minimal failing case on
# the first failure. The coverage-guided fuzzers are `make fuzz-deep`.
set -euo pipefail
secs=${1:-20}
cases=${PROPTEST_CASES_PER_RUN:-5000}
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
exe=$(cargo test --release --test native_proptest --no-run --message-format=json 2>/dev/null \
  | grep -o '"executable":"[^"]*native_proptest[^"]*"' | tail -1 | cut -d'"' -f4)
[[ -x "$exe" ]] || { echo "make fuzz: could not build tests/native_proptest.rs" >&2; cargo test --release --test native_proptest --no-run; exit 1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s); end=$(( start + secs )); runs=0
while :; do
  left=$(( end - $(date +%s) ))
  (( left > 0 )) || break
  rc=0
  PROPTEST_CASES=$cases timeout "$left" "$exe" --quiet >"$log" 2>&1 || rc=$?
  (( rc == 124 )) && break # time is up in the middle of a run, nothing failed
  if (( rc != 0 )); then
    cat "$log"
    echo "make fuzz: a property failed after $runs clean runs (see above: proptest prints the minimal case)" >&2
    exit 1
  fi
  runs=$(( runs + 1 ))
done
echo "make fuzz: $runs complete runs of tests/native_proptest.rs x $cases cases per property in $(( $(date +%s) - start )) s (plus the run cut at the time limit), no failure"
