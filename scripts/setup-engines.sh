#!/usr/bin/env bash
# Installs what is missing for the Firefox and WebKit test runs (tests/webdriver):
# Firefox ESR, WebKitGTK's WebKitWebDriver + MiniBrowser, Xvfb (apt) and
# geckodriver 0.37.1 (cargo, from crates.io: the npm package downloads a binary
# and fails offline). Idempotent and silent when everything is present (~50 ms).
# Xvfb is started and stopped by the test runner itself, not here.
set -euo pipefail

GECKODRIVER_VERSION=0.37.1
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

say() { printf '\033[1msetup-engines:\033[0m %s\n' "$*"; }

need_apt=()
[ -x /usr/bin/firefox-esr ] || need_apt+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || need_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || need_apt+=(xvfb)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from apt"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# geckodriver prints "geckodriver 0.37.1 (...)" on its first line.
gd="$CARGO_BIN/geckodriver"
if [ ! -x "$gd" ] || [ "$("$gd" --version 2>/dev/null | awk 'NR==1{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION with cargo (about 3 minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --force --quiet
fi
