// The one way this project starts Chromium (tests, bench, scripts): the system
// browser (never a downloaded one) with the launch arguments that are known to
// work on this kind of machine (../shared/TOOLCHAIN.md, "Browsers and browser tests").
//   import { launch } from '../scripts/lib/chromium.mjs';
//   const browser = await launch();             // playwright-core Browser
//   const browser = await launch(['--foo']);    // extra arguments appended
// CHROMIUM=/path/to/chrome overrides the executable.
import { chromium } from 'playwright-core';

/** Path of the Chromium binary: $CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Arguments for headless Chromium as root in a container: no sandbox, no GPU,
 *  no QUIC (the local servers speak HTTP/1.1), and none of the background
 *  traffic (updates, sync, first-run) that would add requests to a measurement. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]);

/** Launches the system Chromium through playwright-core. `options` are passed to
 *  `chromium.launch` (e.g. `{ headless: false }`); `args` are appended to CHROMIUM_ARGS. */
export function launch(extraArgs = [], options = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, ...options, args: [...CHROMIUM_ARGS, ...extraArgs, ...(options.args ?? [])] });
}

/** A persistent profile in `userDataDir` (a real disk cache and V8 code cache, which
 *  the incognito contexts of `browser.newContext()` lack): a BrowserContext. */
export function launchPersistent(userDataDir, contextOptions = {}, extraArgs = []) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH, ...contextOptions, args: [...CHROMIUM_ARGS, ...extraArgs, ...(contextOptions.args ?? [])],
  });
}
