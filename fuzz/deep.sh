#!/usr/bin/env bash
# `make fuzz-deep FUZZ_MINUTES=N`: coverage-guided fuzzing of every target in
# fuzz/fuzz_targets (libFuzzer via cargo-fuzz, nightly toolchain) for N minutes
# in total (pipeline 40 %, the others 20 % each), one core. Seeds: fuzz/seed-corpus.mjs; what libFuzzer
# finds stays in fuzz/corpus/<target>/ for the next run, crashes go to
# fuzz/artifacts/<target>/. Prints executions, executions/s and coverage
# (libFuzzer's `cov:` edges and `ft:` features) per target; exits 1 on a crash.
set -euo pipefail
minutes=${1:-10}
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"
../scripts/setup-fuzz.sh
node seed-corpus.mjs
targets=(pipeline url caption text)
declare -A max_len=([pipeline]=65536 [url]=4096 [caption]=4096 [text]=4096)
declare -A share=([pipeline]=4 [url]=2 [caption]=2 [text]=2) # tenths of the time
build_log=$(mktemp)
cargo +nightly fuzz build -s none >"$build_log" 2>&1 || { cat "$build_log"; exit 1; }
tail -1 "$build_log"; rm -f "$build_log"
mkdir -p artifacts
summary=()
crashed=0
for t in "${targets[@]}"; do
  secs=$(( minutes * 6 * ${share[$t]} ))
  (( secs > 0 )) || secs=1
  mkdir -p "artifacts/$t" "corpus/$t"
  log="artifacts/$t.log"
  echo "fuzz-deep: $t for ${secs}s (log: fuzz/$log)"
  rc=0
  cargo +nightly fuzz run -s none "$t" "corpus/$t" -- \
    -max_total_time="$secs" -max_len="${max_len[$t]}" -timeout=10 -dict="dict/$t.dict" \
    -print_final_stats=1 -close_fd_mask=1 >"$log" 2>&1 || rc=$?
  line=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$line"); ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$line")
  corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$line")
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -1)
  found=$(find "artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  if (( rc != 0 || found > 0 )); then
    crashed=1
    grep -E 'panicked|ERROR|Test unit written|SUMMARY' "$log" | head -8 || true
  fi
  summary+=("$(printf '%-9s %6ss %12s execs %8s exec/s  cov %6s  ft %7s  corpus %6s  crashes %s' "$t" "$secs" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$found")")
done
echo
echo "fuzz-deep summary ($minutes min in total):"
printf '  %s\n' "${summary[@]}"
if (( crashed )); then
  echo "fuzz-deep: crash, hang or OOM found: reproduce with 'cd fuzz && cargo +nightly fuzz run -s none <target> artifacts/<target>/<file>'" >&2
  exit 1
fi
