// A small W3C WebDriver client (https://www.w3.org/TR/webdriver2/) over plain
// fetch, for the engines Playwright cannot drive here: Firefox ESR through
// geckodriver and WebKitGTK's MiniBrowser through WebKitWebDriver. It also
// starts the drivers on a free loopback port and an Xvfb display for
// MiniBrowser (which has no working headless mode in Debian's build).
// No dependency: nothing here downloads a driver or a browser.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The key of a web element reference in the protocol's JSON. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
/** The key of a shadow root reference. */
export const SHADOW_KEY = 'shadow-6066-11e4-a52e-4f735466cecf';

/** Engines this client knows: binaries and capabilities (../shared/TOOLCHAIN.md). */
export const ENGINES = {
  firefox: {
    driver: process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin/geckodriver'),
    browser: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    needsDisplay: false,
  },
  // Chromium through ChromeDriver: not part of `make test-engines` (Playwright
  // covers Chromium), but the same suite runs there as the reference engine.
  chromium: {
    driver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
    browser: process.env.CHROMIUM ?? '/usr/bin/chromium',
    needsDisplay: false,
  },
  webkit: {
    driver: process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver',
    browser: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    needsDisplay: true,
  },
};

/** An error answered by the remote end ({ value: { error, message, stacktrace } }) or by the transport. */
export class WebDriverError extends Error {
  constructor(error, message, { status = 0, command = '', stacktrace = '' } = {}) {
    super(`${command ? `${command}: ` : ''}${error}: ${message}`);
    this.name = 'WebDriverError';
    this.error = error;
    this.status = status;
    this.command = command;
    this.remoteStack = stacktrace;
  }
}

/**
 * Capabilities for a new session. `prefs` (Firefox only) are about:config
 * preferences; `proxy` is the W3C proxy capability (both engines).
 */
export function capabilities(engine, { prefs = {}, proxy, args = [] } = {}) {
  const e = ENGINES[engine];
  if (!e) throw new Error(`unknown engine "${engine}" (known: ${Object.keys(ENGINES).join(', ')})`);
  let always;
  if (engine === 'firefox') {
    always = { browserName: 'firefox', 'moz:firefoxOptions': { binary: e.browser, args: ['-headless', ...args], prefs } };
  } else if (engine === 'chromium') {
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'];
    always = { browserName: 'chrome', 'goog:chromeOptions': { binary: e.browser, args: [...flags, ...args] } };
  } else {
    always = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: e.browser, args: ['--automation', ...args] } };
  }
  if (proxy) always.proxy = proxy;
  return { capabilities: { alwaysMatch: always } };
}

/**
 * Reads a remote end's answer: the `value` on success, a WebDriverError on an
 * error status or an error object, and a transport error for a body that is
 * not the protocol's JSON (a proxy page, a crashed driver).
 */
export function parseResponse(status, text, command = '') {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError('invalid response', `HTTP ${status}, not JSON: ${String(text).slice(0, 200)}`, { status, command });
  }
  if (json === null || typeof json !== 'object' || !('value' in json)) {
    throw new WebDriverError('invalid response', `HTTP ${status}, no "value": ${String(text).slice(0, 200)}`, { status, command });
  }
  const v = json.value;
  if (status >= 400 || (v && typeof v === 'object' && typeof v.error === 'string')) {
    const err = v && typeof v === 'object' ? v : {};
    throw new WebDriverError(err.error ?? `HTTP ${status}`, err.message ?? String(v), { status, command, stacktrace: err.stacktrace ?? '' });
  }
  return v;
}

/** True for a web element reference as the protocol serializes it. */
export const isElement = (v) => v !== null && typeof v === 'object' && typeof v[ELEMENT_KEY] === 'string';

/** The reference object for an element id (what `execute` takes as an argument). */
export const elementRef = (id) => ({ [ELEMENT_KEY]: id });

/**
 * Replaces every element reference in a value returned by `execute` with an
 * Element bound to the session (arrays and plain objects are walked).
 */
export function reviveElements(value, session) {
  if (isElement(value)) return new Element(session, value[ELEMENT_KEY]);
  if (Array.isArray(value)) return value.map((v) => reviveElements(v, session));
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = reviveElements(v, session);
    return out;
  }
  return value;
}

/** Turns Element objects in `execute` arguments into references; other values are kept. */
export function serializeArgs(value) {
  if (value instanceof Element) return elementRef(value.id);
  if (Array.isArray(value)) return value.map(serializeArgs);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = serializeArgs(v);
    return out;
  }
  return value;
}

/**
 * The body of a script for `execute`: a function (its source, called with the
 * arguments) or a string (a function body, as the protocol expects).
 */
export function scriptBody(fn) {
  if (typeof fn === 'function') return `return (${fn.toString()}).apply(null, arguments);`;
  if (typeof fn === 'string') return fn;
  throw new TypeError('script must be a function or a function body string');
}

/**
 * The body of an asynchronous script: `fn` returns a value or a promise; its
 * result (or its error, as { __wdError }) goes to the protocol's callback.
 */
export function asyncScriptBody(fn) {
  const src = typeof fn === 'function' ? fn.toString() : `function () { ${fn} }`;
  return `const done = arguments[arguments.length - 1];
const args = Array.prototype.slice.call(arguments, 0, -1);
Promise.resolve().then(() => (${src}).apply(null, args)).then(
  (v) => done(v === undefined ? null : v),
  (e) => done({ __wdError: String(e && e.stack || e) }));`;
}

/** Unicode code points the protocol's key actions use for named keys. */
export const KEYS = {
  Tab: '\uE004', Enter: '\uE007', Space: ' ', Escape: '\uE00C', Backspace: '\uE003', Shift: '\uE008', Control: '\uE009',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010',
};

/**
 * Key actions for `performActions`: each item is a named key (KEYS), a
 * 'Shift+Tab' style chord, or literal text typed character by character.
 */
export function keyActions(items) {
  const actions = [];
  for (const item of items) {
    if (Object.hasOwn(KEYS, item)) {
      actions.push({ type: 'keyDown', value: KEYS[item] }, { type: 'keyUp', value: KEYS[item] });
    } else if (/^[A-Z][a-z]+(\+[A-Z][A-Za-z]*)+$/.test(item) && item.split('+').every((k) => Object.hasOwn(KEYS, k))) {
      const keys = item.split('+').map((k) => KEYS[k]);
      for (const k of keys) actions.push({ type: 'keyDown', value: k });
      for (const k of [...keys].reverse()) actions.push({ type: 'keyUp', value: k });
    } else {
      for (const ch of item) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    }
  }
  return [{ type: 'key', id: 'keyboard', actions }];
}

/** A web element of a session. */
export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  click() { return this.session.cmd('POST', `/element/${this.id}/click`, {}); }
  sendKeys(text) { return this.session.cmd('POST', `/element/${this.id}/value`, { text: String(text) }); }
  clear() { return this.session.cmd('POST', `/element/${this.id}/clear`, {}); }
  text() { return this.session.cmd('GET', `/element/${this.id}/text`); }
  attribute(name) { return this.session.cmd('GET', `/element/${this.id}/attribute/${encodeURIComponent(name)}`); }
  property(name) { return this.session.cmd('GET', `/element/${this.id}/property/${encodeURIComponent(name)}`); }
  rect() { return this.session.cmd('GET', `/element/${this.id}/rect`); }
  async find(selector) { return new Element(this.session, (await this.session.cmd('POST', `/element/${this.id}/element`, { using: 'css selector', value: selector }))[ELEMENT_KEY]); }
  /** This element's pixels as a PNG Buffer (scrolled into view first). */
  async screenshot() { return Buffer.from(await this.session.cmd('GET', `/element/${this.id}/screenshot`), 'base64'); }
  toJSON() { return elementRef(this.id); }
}

/** One WebDriver session. Create with `Session.create(driverUrl, caps)`. */
export class Session {
  constructor(driverUrl, id, caps, { timeout = 60_000 } = {}) {
    this.driverUrl = driverUrl;
    this.id = id;
    this.caps = caps;
    this.timeout = timeout;
  }

  /** POST /session; `caps` from `capabilities()`. */
  static async create(driverUrl, caps, opts = {}) {
    const value = await request(driverUrl, 'POST', '/session', caps, opts.timeout ?? 120_000);
    return new Session(driverUrl, value.sessionId, value.capabilities, opts);
  }

  /** A session command (path relative to /session/{id}). */
  cmd(method, path, body) { return request(this.driverUrl, method, `/session/${this.id}${path}`, body, this.timeout); }

  navigate(url) { return this.cmd('POST', '/url', { url }); }
  url() { return this.cmd('GET', '/url'); }
  refresh() { return this.cmd('POST', '/refresh', {}); }
  title() { return this.cmd('GET', '/title'); }
  /** { script, pageLoad, implicit } in ms. */
  setTimeouts(t) { return this.cmd('POST', '/timeouts', t); }

  /** Runs `fn(...args)` in the page (a function or a function body); elements come back as Element. */
  async execute(fn, ...args) {
    const v = await this.cmd('POST', '/execute/sync', { script: scriptBody(fn), args: serializeArgs(args) });
    return reviveElements(v, this);
  }

  /** Runs `fn(...args)` in the page and waits for its promise (script timeout applies). */
  async executeAsync(fn, ...args) {
    const v = await this.cmd('POST', '/execute/async', { script: asyncScriptBody(fn), args: serializeArgs(args) });
    if (v && typeof v === 'object' && typeof v.__wdError === 'string') throw new WebDriverError('javascript error', v.__wdError, { command: 'execute/async' });
    return reviveElements(v, this);
  }

  /** Polls `fn(...args)` in the page until it returns a truthy value; returns that value. */
  async waitFor(fn, { timeout = 15_000, interval = 50, args = [], message } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.execute(fn, ...args);
      if (last) return last;
      if (Date.now() > end) throw new Error(`${message ?? 'condition'} not met within ${timeout} ms (last: ${JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, interval));
    }
  }

  async find(selector) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    return new Element(this, v[ELEMENT_KEY]);
  }
  async findAll(selector) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: selector });
    return v.map((e) => new Element(this, e[ELEMENT_KEY]));
  }
  /** The element matching `selector` inside the open shadow root of the host matching `hostSelector` (found by script). */
  async findInShadow(hostSelector, selector) {
    const el = await this.execute((h, s) => {
      const host = document.querySelector(h);
      return (host && host.shadowRoot && host.shadowRoot.querySelector(s)) || null;
    }, hostSelector, selector);
    if (!(el instanceof Element)) throw new WebDriverError('no such element', `${hostSelector} ▸ ${selector}`, { command: 'findInShadow' });
    return el;
  }
  /** Key presses sent to the focused element (see keyActions). */
  async keys(...items) {
    await this.cmd('POST', '/actions', { actions: keyActions(items) });
    await this.cmd('DELETE', '/actions');
  }

  /** Later commands run in the iframe `el` (an Element), or in the top-level page with `null`. */
  switchToFrame(el) { return this.cmd('POST', '/frame', { id: el === null ? null : elementRef(el.id) }); }
  switchToParent() { return this.cmd('POST', '/frame/parent', {}); }

  /** The current top-level browsing context's handle. */
  windowHandle() { return this.cmd('GET', '/window'); }
  /** Opens a new tab (or window) and returns its handle; the current context does not change. */
  async newWindow(type = 'tab') { return (await this.cmd('POST', '/window/new', { type })).handle; }
  switchToWindow(handle) { return this.cmd('POST', '/window', { handle }); }
  /** Closes the current top-level context; returns the remaining handles. */
  closeWindow() { return this.cmd('DELETE', '/window'); }

  windowRect() { return this.cmd('GET', '/window/rect'); }
  setWindowRect(rect) { return this.cmd('POST', '/window/rect', rect); }

  /**
   * Resizes the window so that the page's layout viewport (innerWidth ×
   * innerHeight) is `width` × `height`; returns what the page reports.
   * Browsers may refuse small windows: the caller checks the result.
   */
  async setViewport(width, height) {
    for (let i = 0; i < 3; i++) {
      const [w, h] = await this.execute(() => [window.innerWidth, window.innerHeight]);
      if (w === width && h === height) break;
      const r = await this.windowRect();
      await this.setWindowRect({ width: r.width + width - w, height: r.height + height - h });
    }
    const [w, h] = await this.execute(() => [window.innerWidth, window.innerHeight]);
    return { width: w, height: h };
  }

  /** The visible viewport as a PNG Buffer. */
  async screenshot() { return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'); }

  async delete() { await this.cmd('DELETE', ''); }
}

/** One HTTP round trip to the remote end. */
export async function request(driverUrl, method, path, body, timeout = 60_000) {
  const command = `${method} ${path.replace(/^\/session\/[^/]+/, '')}`;
  let res;
  try {
    res = await fetch(driverUrl + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    throw new WebDriverError('transport', `${e.name === 'TimeoutError' ? `no answer within ${timeout} ms` : e.message}`, { command });
  }
  return parseResponse(res.status, await res.text(), command);
}

/** A free TCP port on 127.0.0.1 (bound, then released). */
export function freePort() {
  return new Promise((ok, no) => {
    const s = createServer();
    s.on('error', no);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** Spawns a child and keeps its last output for error messages. */
function spawnLogged(cmd, args, env) {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.log = '';
  const keep = (d) => { child.log = (child.log + d).slice(-4000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return child;
}

/** Stops a child: SIGTERM, then SIGKILL after `grace` ms. */
export async function stopChild(child, grace = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), grace);
  await child.exited;
  clearTimeout(t);
}

/**
 * Starts Xvfb on a display it picks itself (-displayfd) and resolves to
 * { display: ':N', stop() }.
 */
export async function startXvfb({ screen = '1280x1024x24', timeout = 10_000 } = {}) {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', screen, '-nolisten', 'tcp', '-noreset'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err = (err + d).slice(-2000); });
  child.exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  const display = await new Promise((ok, no) => {
    let out = '';
    const t = setTimeout(() => no(new Error(`Xvfb gave no display within ${timeout} ms: ${err}`)), timeout);
    child.stdio[3].on('data', (d) => {
      out += d;
      const m = out.match(/^(\d+)\n/);
      if (m) { clearTimeout(t); ok(`:${m[1]}`); }
    });
    child.once('error', (e) => { clearTimeout(t); no(new Error(`cannot start Xvfb (apt-get install xvfb): ${e.message}`)); });
    child.once('exit', (code) => { clearTimeout(t); no(new Error(`Xvfb exited (${code}): ${err}`)); });
  });
  return { display, process: child, stop: () => stopChild(child) };
}

/**
 * Starts the engine's driver on a free port and waits until GET /status says
 * ready. Resolves to { url, process, stop() }. `display` is passed as DISPLAY.
 */
export async function startDriver(engine, { display, timeout = 20_000 } = {}) {
  const e = ENGINES[engine];
  if (!e) throw new Error(`unknown engine "${engine}"`);
  for (const [what, path] of [['driver', e.driver], ['browser', e.browser]]) {
    if (!existsSync(path)) throw new Error(`${engine} ${what} not found at ${path}: run scripts/setup-engines.sh`);
  }
  const port = await freePort();
  const args = engine === 'firefox' ? ['--host', '127.0.0.1', '--port', String(port)]
    : engine === 'chromium' ? [`--port=${port}`] // loopback only by default
      : [`--host=127.0.0.1`, `--port=${port}`];
  const env = { ...process.env };
  if (display) env.DISPLAY = display;
  const child = spawnLogged(e.driver, args, env);
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + timeout;
  let exited = null;
  child.exited.then((x) => { exited = x; });
  for (;;) {
    if (exited) throw new Error(`${engine} driver exited (${JSON.stringify(exited)}): ${child.log}`);
    try {
      const v = await request(url, 'GET', '/status', undefined, 2000);
      if (v && v.ready !== false) break;
    } catch { /* not listening yet */ }
    if (Date.now() > end) { await stopChild(child); throw new Error(`${engine} driver not ready within ${timeout} ms: ${child.log}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, process: child, stop: () => stopChild(child) };
}
