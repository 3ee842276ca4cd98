# article-reader: the two commands are `make demo` and `make test`.
# Every target runs `setup` first, which installs only what is missing.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 180
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 60
WASM := target/wasm32-unknown-unknown/release/article_reader.wasm
PORT ?= 8080
FUZZ_SECONDS ?= 20

.PHONY: setup build dist demo serve test test-native test-browser test-e2e fuzz bench screenshots clean

setup:
	@scripts/setup.sh

# cargo decides what is stale; it must run after the browser tests, which build
# the same crate with dev-dependency features.
$(WASM): FORCE | setup
	cargo build --release --target wasm32-unknown-unknown
FORCE:

build: dist

dist: dist/embed.js

dist/embed.js: $(WASM) scripts/build-dist.mjs scripts/wasm-names.mjs src/embed/loader.js package-lock.json
	node scripts/build-dist.mjs

## Builds and serves the demo portal page on http://127.0.0.1:$(PORT)
demo: dist
	node scripts/serve.mjs $(PORT)

serve:
	node scripts/serve.mjs $(PORT)

## Runs every test: native, property/fuzz, browser (wasm-bindgen-test), end-to-end, size budget.
test: setup
	$(MAKE) --no-print-directory test-native test-browser
	$(MAKE) --no-print-directory test-e2e

test-native:
	cargo test --quiet

test-browser: setup
	cargo test --target wasm32-unknown-unknown --release --test 'browser_*'

test-e2e: dist
	node tests/e2e/run.mjs

## Longer fuzzing on demand: make fuzz FUZZ_SECONDS=600
fuzz:
	PROPTEST_CASES=$$(( $(FUZZ_SECONDS) * 2000 )) cargo test --release --test native_fuzz

bench: dist
	node bench/run.mjs

screenshots: dist
	node scripts/screenshots.mjs

clean:
	rm -rf dist target/wb
