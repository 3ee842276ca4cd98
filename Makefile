# article-reader: the two commands are `make demo` and `make test`.
# Every target runs `setup` first, which installs only what is missing.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 180
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 60
# The shipped wasm is built with the image's pinned nightly (rustc 1.97.0-nightly
# 2026-05-19, checked by setup.sh): std rebuilt with the immediate-abort panic
# strategy and no location/Debug formatting, ~17 KB brotli smaller (README "Build").
# Its own target dir, so the stable test builds never invalidate it.
NIGHTLY_DIR := target/wasm-nightly
WASM := $(NIGHTLY_DIR)/wasm32-unknown-unknown/release/article_reader.wasm
# --emit-relocs: wasm-split-cli needs the linker's relocations to cut the module.
NIGHTLY_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Clink-arg=-zstack-size=131072 -Clink-arg=--emit-relocs
PORT ?= 8080
FUZZ_SECONDS ?= 20

.PHONY: setup build dist demo serve test test-lint test-native test-browser test-e2e fuzz bench screenshots clean

setup:
	@scripts/setup.sh

# cargo decides what is stale; it must run after the browser tests, which build
# the same crate with dev-dependency features.
$(WASM): FORCE | setup
	CARGO_TARGET_DIR=$(NIGHTLY_DIR) RUSTFLAGS="$(NIGHTLY_RUSTFLAGS)" \
	  cargo +nightly build --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort --features split
FORCE:

build: dist

dist: dist/embed.js

dist/embed.js: $(WASM) scripts/build-dist.mjs scripts/wasm-names.mjs src/embed/loader.js package-lock.json
	DIST_WASM=$(WASM) node scripts/build-dist.mjs

## Builds and serves the demo portal page on http://127.0.0.1:$(PORT)
demo: dist
	node scripts/serve.mjs $(PORT)

serve:
	node scripts/serve.mjs $(PORT)

## Runs every test: native, property/fuzz, browser (wasm-bindgen-test), end-to-end, size budget.
test: setup
	$(MAKE) --no-print-directory test-lint test-native test-browser
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory test-engines

## Formatting (rustfmt.toml) and clippy with warnings as errors, native and wasm.
test-lint:
	cargo fmt --check
	node scripts/code-health.mjs
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --release --lib --test 'browser_*' --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --release --lib --features split --quiet -- -D warnings

test-native:
	cargo test --quiet

test-browser: setup
	cargo test --target wasm32-unknown-unknown --release --test 'browser_*'
	@# The same wasm-bindgen tests in Firefox ESR (the runner prefers GECKODRIVER over CHROMEDRIVER; H1, issue 14).
	GECKODRIVER=$(HOME)/.cargo/bin/geckodriver cargo test --target wasm32-unknown-unknown --release --test 'browser_*'

test-e2e: dist
	node tests/e2e/run.mjs

## Property-based fuzzing for a while: the properties of tests/native_proptest.rs
## with fresh random seeds for FUZZ_SECONDS (make fuzz FUZZ_SECONDS=600).
fuzz: setup
	fuzz/proptest.sh $(FUZZ_SECONDS)

## make bench [BENCH_ARGS=--quick] [BENCH_COMPARE=/tmp/ar-before/dist] (see bench/build-before.sh)
bench: dist
	node bench/run.mjs $(if $(BENCH_COMPARE),--compare $(BENCH_COMPARE)) $(BENCH_ARGS)

screenshots: dist
	@scripts/setup-engines.sh
	node scripts/screenshots.mjs

clean:
	rm -rf dist target/wb

# --- H5: coverage-guided fuzzing and the npm package ---
FUZZ_MINUTES ?= 10
.PHONY: fuzz-deep package

## Coverage-guided fuzzing (cargo-fuzz, libFuzzer, nightly) of every target in
## fuzz/fuzz_targets for FUZZ_MINUTES in total; see fuzz/README.md.
fuzz-deep:
	fuzz/deep.sh $(FUZZ_MINUTES)

## The npm package in pkg/ (types/api.mjs checked against the code); see docs/package.md.
package: dist
	node scripts/package.mjs

# --- H1: Firefox and WebKit (issue 14) ---
.PHONY: test-engines

## The core end-to-end suite in Firefox ESR (geckodriver) and WebKitGTK
## (WebKitWebDriver + MiniBrowser under an Xvfb the runner starts and stops),
## over the W3C WebDriver client in tests/webdriver; prints the time per engine.
test-engines: dist
	@scripts/setup-engines.sh
	node --test tests/webdriver/
	node tests/webdriver/run.mjs firefox webkit
