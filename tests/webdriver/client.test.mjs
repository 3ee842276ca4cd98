// Unit tests of the WebDriver client's pure parts and of its HTTP exchanges
// against a fake remote end (no browser). Run: node --test tests/webdriver/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import {
  ELEMENT_KEY, Element, Session, WebDriverError, asyncScriptBody, capabilities, elementRef, freePort, isElement,
  keyActions, KEYS, parseResponse, request, reviveElements, scriptBody, serializeArgs, startDriver,
} from './client.mjs';

test('capabilities: Firefox headless with the ESR binary, prefs and proxy passed through', () => {
  const c = capabilities('firefox', { prefs: { 'ui.systemUsesDarkTheme': 1 }, proxy: { proxyType: 'direct' } });
  const a = c.capabilities.alwaysMatch;
  assert.equal(a.browserName, 'firefox');
  assert.deepEqual(a['moz:firefoxOptions'].args, ['-headless']);
  assert.match(a['moz:firefoxOptions'].binary, /firefox/);
  assert.deepEqual(a['moz:firefoxOptions'].prefs, { 'ui.systemUsesDarkTheme': 1 });
  assert.deepEqual(a.proxy, { proxyType: 'direct' });
  assert.equal('firstMatch' in c.capabilities, false);
});

test('capabilities: WebKit is MiniBrowser with --automation, no proxy unless asked', () => {
  const a = capabilities('webkit').capabilities.alwaysMatch;
  assert.equal(a.browserName, 'MiniBrowser');
  assert.deepEqual(a['webkitgtk:browserOptions'].args, ['--automation']);
  assert.match(a['webkitgtk:browserOptions'].binary, /MiniBrowser$/);
  assert.equal('proxy' in a, false);
  assert.throws(() => capabilities('chrome'), /unknown engine "chrome"/);
});

test('parseResponse: value on success, WebDriverError with the remote error code, transport errors for non-protocol bodies', () => {
  assert.deepEqual(parseResponse(200, '{"value":{"a":1}}'), { a: 1 });
  assert.equal(parseResponse(200, '{"value":null}'), null);
  assert.equal(parseResponse(200, '{"value":0}'), 0);
  // A value that merely has an "error" key that is not a string is data, not an error.
  assert.deepEqual(parseResponse(200, '{"value":{"error":3}}'), { error: 3 });
  const e = assert.throws(() => parseResponse(404, '{"value":{"error":"no such element","message":"nope","stacktrace":"s"}}', 'POST /element'),
    (err) => err instanceof WebDriverError && err.error === 'no such element' && err.status === 404 && err.remoteStack === 's'
      && err.message === 'POST /element: no such element: nope');
  void e;
  // Some drivers answer an error with status 200 and an error object.
  assert.throws(() => parseResponse(200, '{"value":{"error":"javascript error","message":"x is not defined"}}'), /javascript error: x is not defined/);
  assert.throws(() => parseResponse(500, '<html>Bad gateway</html>'), (err) => err.error === 'invalid response' && /HTTP 500, not JSON/.test(err.message));
  assert.throws(() => parseResponse(200, '{"sessionId":"x"}'), (err) => err.error === 'invalid response' && /no "value"/.test(err.message));
  assert.throws(() => parseResponse(200, 'null'), (err) => err.error === 'invalid response');
  assert.throws(() => parseResponse(500, '{"value":"boom"}'), (err) => err.error === 'HTTP 500' && /boom/.test(err.message));
});

test('element references: detected, revived into Element (deeply) and serialized back', () => {
  const s = { fake: true };
  assert.equal(isElement({ [ELEMENT_KEY]: 'abc' }), true);
  assert.equal(isElement({ [ELEMENT_KEY]: 1 }), false);
  assert.equal(isElement(null), false);
  assert.equal(isElement('abc'), false);
  const v = reviveElements({ a: [elementRef('e1'), 2, { b: elementRef('e2') }], c: null, d: 'x' }, s);
  assert.ok(v.a[0] instanceof Element);
  assert.equal(v.a[0].id, 'e1');
  assert.equal(v.a[0].session, s);
  assert.equal(v.a[2].b.id, 'e2');
  assert.equal(v.c, null);
  assert.equal(v.d, 'x');
  assert.deepEqual(serializeArgs([v.a[0], { x: v.a[2].b }, 3, 'y', null]), [elementRef('e1'), { x: elementRef('e2') }, 3, 'y', null]);
  assert.deepEqual(JSON.parse(JSON.stringify(v.a[0])), elementRef('e1'));
});

test('scriptBody: a function is called with the arguments; a string is used as the body', () => {
  const body = scriptBody((a, b) => a + b);
  // eslint-disable-next-line no-new-func
  assert.equal(new Function(body)(2, 3), 5);
  assert.equal(scriptBody('return 1'), 'return 1');
  assert.throws(() => scriptBody(42), TypeError);
});

test('asyncScriptBody: resolves values and promises through the callback, rejections become { __wdError }', async () => {
  const run = (fn, ...args) => new Promise((done) => new Function(asyncScriptBody(fn))(...args, done)); // eslint-disable-line no-new-func
  assert.equal(await run((a) => a * 2, 21), 42);
  assert.equal(await run(async (a) => { await new Promise((r) => setTimeout(r, 5)); return a; }, 'late'), 'late');
  assert.equal(await run(() => undefined), null, 'undefined is sent as null');
  const err = await run(() => { throw new Error('bad'); });
  assert.match(err.__wdError, /Error: bad/);
  assert.match((await run(() => Promise.reject(new TypeError('no')))).__wdError, /TypeError: no/);
  assert.equal(await run('return 7'), 7, 'a string body');
});

test('keyActions: named keys, chords in order, text per character', () => {
  const [src] = keyActions(['Tab', 'Shift+Tab', 'ab', 'Enter']);
  assert.equal(src.type, 'key');
  const seq = src.actions.map((a) => `${a.type === 'keyDown' ? '+' : '-'}${a.value}`);
  assert.deepEqual(seq, [
    `+${KEYS.Tab}`, `-${KEYS.Tab}`,
    `+${KEYS.Shift}`, `+${KEYS.Tab}`, `-${KEYS.Tab}`, `-${KEYS.Shift}`,
    '+a', '-a', '+b', '-b',
    `+${KEYS.Enter}`, `-${KEYS.Enter}`,
  ]);
  // Text that merely looks like a chord of unknown keys is typed literally.
  assert.equal(keyActions(['Foo+Bar'])[0].actions.length, 14);
});

test('freePort: a usable loopback port, different across calls while held', async () => {
  const a = await freePort();
  assert.ok(a > 1024 && a < 65536);
  const srv = createServer().listen(a, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const b = await freePort();
  assert.notEqual(a, b);
  srv.close();
});

/** A fake remote end that records requests and answers from `handler(method, path, body)`. */
async function fakeDriver(handler) {
  const seen = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (d) => { data += d; });
    req.on('end', () => {
      const body = data ? JSON.parse(data) : undefined;
      seen.push({ method: req.method, path: req.url, body, type: req.headers['content-type'] });
      const [status, out] = handler(req.method, req.url, body);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(typeof out === 'string' ? out : JSON.stringify(out));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, seen, close: () => server.close() };
}

test('Session against a fake remote end: new session, navigate, execute with elements, errors, screenshot, delete', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
  const d = await fakeDriver((m, p, b) => {
    if (m === 'POST' && p === '/session') return [200, { value: { sessionId: 's1', capabilities: { browserName: 'fake', got: b } } }];
    if (p === '/session/s1/url' && m === 'POST') return [200, { value: null }];
    if (p === '/session/s1/execute/sync') {
      if (b.script.includes('throw')) return [500, { value: { error: 'javascript error', message: 'boom', stacktrace: '' } }];
      return [200, { value: { el: elementRef('e9'), args: b.args } }];
    }
    if (p === '/session/s1/element') return [200, { value: elementRef('e1') }];
    if (p === '/session/s1/element/e1/click') return [200, { value: null }];
    if (p === '/session/s1/element/e1/value') return [200, { value: null }];
    if (p === '/session/s1/screenshot') return [200, { value: png.toString('base64') }];
    if (p === '/session/s1/window/rect') return [200, { value: { x: 0, y: 0, width: 800, height: 600 } }];
    if (m === 'POST' && p === '/session/s1/window/new') return [200, { value: { handle: 'w2', type: b.type } }];
    if (m === 'POST' && p === '/session/s1/window') return [200, { value: null }];
    if (m === 'POST' && p === '/session/s1/frame') return [200, { value: null }];
    if (m === 'DELETE' && p === '/session/s1') return [200, { value: null }];
    return [404, { value: { error: 'unknown command', message: p } }];
  });
  try {
    const s = await Session.create(d.url, capabilities('firefox'));
    assert.equal(s.id, 's1');
    assert.equal(s.caps.got.capabilities.alwaysMatch.browserName, 'firefox', 'capabilities sent as JSON');
    await s.navigate('http://127.0.0.1:1/x');
    assert.deepEqual(d.seen.at(-1).body, { url: 'http://127.0.0.1:1/x' });
    assert.match(d.seen.at(-1).type, /application\/json/);
    const el = await s.find('button');
    assert.ok(el instanceof Element);
    await el.click();
    await el.sendKeys(12);
    assert.deepEqual(d.seen.at(-1).body, { text: '12' }, 'send keys sends text as a string');
    const r = await s.execute((x) => x, el, 'two');
    assert.ok(r.el instanceof Element && r.el.id === 'e9', 'returned element revived');
    assert.deepEqual(d.seen.at(-1).body.args, [elementRef('e1'), 'two'], 'element argument serialized');
    assert.ok(r.args[0] instanceof Element && r.args[1] === 'two', 'echoed reference revived too');
    await assert.rejects(s.execute(() => { throw new Error('x'); }), (e) => e instanceof WebDriverError && e.error === 'javascript error' && e.status === 500);
    await assert.rejects(s.cmd('GET', '/nothing'), (e) => e.error === 'unknown command');
    assert.deepEqual(await s.screenshot(), png);
    assert.equal((await s.windowRect()).width, 800);
    assert.equal(await s.newWindow(), 'w2');
    assert.deepEqual(d.seen.at(-1).body, { type: 'tab' });
    await s.switchToWindow('w2');
    assert.deepEqual(d.seen.at(-1).body, { handle: 'w2' });
    await s.switchToFrame(el);
    assert.deepEqual(d.seen.at(-1).body, { id: elementRef('e1') }, 'a frame is named by its element reference');
    await s.switchToFrame(null);
    assert.deepEqual(d.seen.at(-1).body, { id: null }, 'null is the top-level context');
    await s.delete();
    assert.equal(d.seen.at(-1).method, 'DELETE');
    assert.equal(d.seen.at(-1).body, undefined, 'DELETE has no body');
  } finally {
    d.close();
  }
});

test('request: a dead port and a silent server are transport errors with the command named', async () => {
  const port = await freePort();
  await assert.rejects(request(`http://127.0.0.1:${port}`, 'GET', '/status', undefined, 2000),
    (e) => e instanceof WebDriverError && e.error === 'transport' && e.command === 'GET /status');
  const silent = createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((r) => silent.once('listening', r));
  await assert.rejects(request(`http://127.0.0.1:${silent.address().port}`, 'POST', '/session/abc/url', { url: 'x' }, 300),
    (e) => e.error === 'transport' && /no answer within 300 ms/.test(e.message) && e.command === 'POST /url');
  silent.closeAllConnections();
  silent.close();
});

test('startDriver: a missing driver binary is reported with the setup script to run', async () => {
  const prev = process.env.GECKODRIVER;
  const { ENGINES } = await import('./client.mjs');
  const keep = ENGINES.firefox.driver;
  ENGINES.firefox.driver = '/nonexistent/geckodriver';
  try {
    await assert.rejects(startDriver('firefox'), /firefox driver not found at \/nonexistent\/geckodriver: run scripts\/setup-engines.sh/);
    await assert.rejects(startDriver('opera'), /unknown engine "opera"/);
  } finally {
    ENGINES.firefox.driver = keep;
    if (prev !== undefined) process.env.GECKODRIVER = prev;
  }
});
