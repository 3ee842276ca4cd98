#!/usr/bin/env bash
# Installs what `make fuzz-deep` needs, only what is missing (about 2 s when
# everything is present; the first cargo-fuzz build takes ~2-3 min on 2 cores):
# - the image's nightly toolchain with rust-src (libFuzzer needs -Zsanitizer),
# - cargo-fuzz, pinned.
# Not run by `make test`: fuzzing is on demand.
set -euo pipefail
CARGO_FUZZ_VERSION=0.13.2
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "setup-fuzz: the nightly toolchain is missing (the machine image ships it; see ../shared/TOOLCHAIN.md)" >&2
  exit 1
fi
if ! rustup component list --toolchain nightly --installed | grep -q '^rust-src'; then
  rustup component add rust-src --toolchain nightly
fi
if [[ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked \
    || cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
