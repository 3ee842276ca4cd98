#!/usr/bin/env bash
# Installs what is missing for building and testing article-reader. Idempotent:
# each step checks first, so a machine that has everything passes in ~1 s.
# Needs: Debian, Rust via rustup, Node 20, access to the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

WB_VERSION=0.2.130
need_apt=()

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. The wasm target (the machine ships only the host target).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The image's nightly (the shipped wasm rebuilds std with it; see Makefile). It is
#     pinned by date: no other nightly can be fetched here, so a different one is an error.
NIGHTLY_DATE=2026-05-19
if ! rustc +nightly -V 2>/dev/null | grep -q "$NIGHTLY_DATE"; then
  echo "setup: the nightly toolchain of $NIGHTLY_DATE is required for the dist build (rustc +nightly -V: $(rustc +nightly -V 2>&1))" >&2
  exit 1
fi
if ! rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src'; then
  say "adding rust-src to the nightly toolchain"
  rustup component add rust-src --toolchain nightly
fi
if ! rustup target list --installed --toolchain nightly 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding wasm32-unknown-unknown to the nightly toolchain"
  rustup target add wasm32-unknown-unknown --toolchain nightly
fi

# 2. wasm-bindgen-cli, exactly the crate's version (no --locked: its lock file names a yanked crate).
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WB_VERSION" ] \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 2b. wasm-split-cli (Leptos' code splitting: `make dist` cuts the lazy part of
#     the wasm into its own module), pinned, locked (about 1 minute).
SPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null || [ "$(cat "$HOME/.cargo/.wasm-split-cli-version" 2>/dev/null)" != "$SPLIT_VERSION" ]; then
  say "installing wasm-split-cli $SPLIT_VERSION (about 1 minute)"
  cargo install --locked wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --force
  echo "$SPLIT_VERSION" > "$HOME/.cargo/.wasm-split-cli-version"
fi

# 3. Chromium + ChromeDriver (browser tests, end-to-end tests, screenshots, bench) and brotli (size report).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from apt"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 4. Pinned npm tooling (binaryen's wasm-opt, playwright-core, axe-core) from the lock file.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
scripts/setup-engines.sh  # Firefox ESR, WebKitGTK + Xvfb, geckodriver for `make test-engines` (H1)
