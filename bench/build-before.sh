#!/usr/bin/env bash
# Builds the dist/ of another commit for `make bench BENCH_COMPARE=...` (before/after
# in the same run), without touching this tree's dist/ or target/:
#   bench/build-before.sh [COMMIT] [DIR]      defaults: ce80137, /tmp/ar-before
# -> DIR/dist (the bundle), DIR/target/wb/article_reader_bg.wasm (names, for the
#    size table: --compare-wasm). A git worktree at DIR (detached), its own
#    CARGO_TARGET_DIR (a cold build: 2-3 min on 2 cores), node_modules shared.
# The commit is built as it built then: cargo with the toolchain its tree selects
# (stable for ce80137), then its own scripts/build-dist.mjs (DIST_OUT, DIST_WB).
set -euo pipefail
commit=${1:-ce80137}
dir=${2:-/tmp/ar-before}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -e "$dir/.git" ]; then
  git -C "$root" worktree add --detach "$dir" "$commit"
fi
[ "$(git -C "$dir" rev-parse HEAD)" = "$(git -C "$root" rev-parse "$commit^{commit}")" ] || { echo "$dir is not at $commit" >&2; exit 1; }
[ -e "$dir/node_modules" ] || ln -s "$root/node_modules" "$dir/node_modules"
cd "$dir"
export CARGO_TARGET_DIR="$dir/target"
cargo build --release --target wasm32-unknown-unknown
DIST_OUT="$dir/dist" DIST_WB="$dir/target/wb" node scripts/build-dist.mjs
echo "before: $dir/dist (make bench BENCH_COMPARE=$dir/dist)"
