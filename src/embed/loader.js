/*! article-reader embed loader v__VERSION__ | the only file a page references */
// Classic script, read top to bottom:
//   1. constants          5. the wasm (glue inlined here, wasm fetched with SRI)
//   2. support checks     6. the article request, started before the wasm is ready
//   3. Trusted Types      7. one record per widget: mount, setConfig, unmount
//   4. errors             8. discovery: <article-reader>, [data-article-reader]
//                         9. window.ArticleReader (nothing else goes on window)
// Nothing thrown here may reach the host page: every entry point from the page
// (custom element callbacks, the observer, promises) catches and reports through
// an `article-reader:error` event and the console instead.
(function () {
  'use strict';
  var w = window, d = document;
  if (w.ArticleReader) return; // loaded twice: the first copy already runs everything

  // ---- 1. Constants (filled by scripts/build-dist.mjs) ----
  var WASM = '__WASM__', WASM_SRI = '__WASM_SRI__', VERSION = '__VERSION__';
  var ATTRS = __ATTRS__; // OPTION_NAMES of src/config.rs, without `data`
  var DATA_ATTRS = ATTRS.map(function (a) { return 'data-' + a; });
  var TT_POLICY = 'article-reader';
  var MAX_BODY = 32 * 1024 * 1024; // MAX_BYTES of src/embed/load.rs
  // The placeholder shown until the wasm arrives: the host's own children (a plain
  // link) through a <slot>, in the space the skeleton will take (see ISOLATION in shadow.rs).
  var PRE_CSS = ':host{display:block}:host([hidden]){display:none}' +
    '.ar-pre{display:block;min-height:var(--ar-min-height,100vh)}';

  // Files resolve against this script's own URL, never the page's <base href>.
  var me = d.currentScript;
  var base = (me && me.src) || (function () {
    var s = d.querySelectorAll('script[src*="embed"]');
    return s.length ? s[s.length - 1].src : location.href;
  })();

  // ---- 2. Support checks ----
  // Without these the widget cannot work: the host's own content stays as it is.
  var supported = typeof w.WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' &&
    typeof Element.prototype.attachShadow === 'function' && typeof w.CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in d;

  // ---- 3. Trusted Types ----
  // One policy, `article-reader`, for DOMParser's inert parse of an article body (never
  // inserted: the sanitizer rebuilds it from an allowlist), and for a `<template>`'s
  // innerHTML should a Leptos view template come back. build-dist.mjs routes the
  // glue's HTML sinks (today only parseFromString) through __arHtml.
  var ttPolicy = null, ttBlocked = false;
  if (w.trustedTypes && typeof w.trustedTypes.createPolicy === 'function') {
    try {
      ttPolicy = w.trustedTypes.createPolicy(TT_POLICY, { createHTML: function (s) { return s; } });
    } catch (e) {
      // The page's CSP allows no policy of this name. If it also enforces Trusted
      // Types for HTML, the widget cannot render: every mount fails the documented way.
      try { d.createElement('template').innerHTML = ''; } catch (x) { ttBlocked = true; }
    }
  }
  function __arHtml(html, el) {
    return ttPolicy && (el === undefined || el instanceof HTMLTemplateElement) ? ttPolicy.createHTML(html) : html;
  }

  // ---- 4. Errors ----
  function warn(message, e) {
    try { if (w.console) console.warn('article-reader: ' + message, e === undefined ? '' : e); } catch (x) { /* ignore */ }
  }

  function emitError(el, kind, message) {
    try {
      el.dispatchEvent(new CustomEvent('article-reader:error', {
        bubbles: true, composed: true, detail: { kind: kind, status: null, message: String(message) }
      }));
    } catch (e) { /* never let a host listener break us */ }
  }

  // A trap (`RuntimeError: unreachable`...) leaves the shared wasm instance in an unknown
  // state: widgets mounted after it get a fresh instance (the compiled module is cached).
  function poisoned(e) {
    if (!(w.WebAssembly && e instanceof WebAssembly.RuntimeError)) return false;
    modulePromise = null;
    return true;
  }

  function toError(e) {
    return e instanceof Error ? e : new Error(String(e && e.message || e));
  }

  // Loaded from <head>, placeholders are picked up as the parser inserts them (their
  // space is reserved before the first paint); the widget itself mounts once the
  // document is parsed, so children such as inline JSON are complete by then.
  var parsed = d.readyState !== 'loading' ? Promise.resolve() : new Promise(function (ok) {
    d.addEventListener('DOMContentLoaded', ok, { once: true });
  });

  // ---- 5. The wasm ----
  // The wasm-bindgen glue, inlined by the build as a function (no extra request).
  var glue = '__GLUE__';
  var modulePromise = null;
  function wasm() {
    if (!modulePromise) {
      var bin = new URL(WASM, base);
      // Streaming instantiation of a response checked against the build's sha384.
      // (Hashing a tee of the stream beside compileStreaming, to compile during the
      // download, measured no faster: V8 compiles lazily, on each function's first call.)
      var binResponse = fetch(bin, { integrity: WASM_SRI, credentials: 'same-origin' });
      binResponse.catch(function () {}); // reported through the init below
      // While the wasm downloads the main thread is idle: the page's first
      // localStorage access (the reader's size and theme are read at mount) loads the
      // whole storage area synchronously, so touch it now rather than in the first render.
      setTimeout(function () { try { void w.localStorage.length; } catch (e) { /* storage blocked */ } }, 0);
      modulePromise = Promise.resolve().then(function () {
        var m = glue();
        return m.default({ module_or_path: binResponse }).then(function () { return m; });
      });
      modulePromise.catch(function (e) {
        warn('could not load ' + bin.href + ' (check the CSP `script-src` with \'wasm-unsafe-eval\', CORS, that the file was deployed next to embed.js and is unmodified):', e);
        modulePromise = null; // a later mount may retry the download
      });
    }
    return modulePromise;
  }

  // ---- 6. The article request, started before the wasm is ready ----
  // The widget (gloo-net on the Rust side) takes this response for its first load when
  // the URL it resolves is the same; Retry, a new `src` and timeouts stay on its side.
  function articleUrl(el, opts) {
    if (opts && opts.data != null) return null;
    var src = opts && opts.src != null ? opts.src : (el.getAttribute('src') || el.getAttribute('data-src'));
    if (typeof src !== 'string' || !src) return null;
    try { var u = new URL(src, d.baseURI); } catch (e) { return null; }
    return /^https?:$/.test(u.protocol) ? u.href : null;
  }
  function lazy(el, opts) {
    var v = opts && opts.loading != null ? opts.loading : (el.getAttribute('loading') || el.getAttribute('data-loading'));
    return v === 'lazy';
  }
  function nearViewport(el) {
    var r = el.getBoundingClientRect(), h = w.innerHeight || d.documentElement.clientHeight;
    return r.bottom > -400 && r.top < h + 400; // the wasm side's IntersectionObserver margin
  }
  function prefetch(rec) {
    if (rec.prefetch || rec.dead || rec.handle) return;
    var url = articleUrl(rec.el, rec.options);
    if (!url || (lazy(rec.el, rec.options) && !nearViewport(rec.el))) return;
    var ctl = typeof AbortController === 'function' ? new AbortController() : null;
    var response = fetch(url, { headers: { Accept: 'application/json' }, signal: ctl ? ctl.signal : undefined });
    // The body is read while the wasm downloads: `text()` of a received body still
    // resolves a task later, and the page would paint the loading state in between.
    // Only a 2xx within the widget's size limit (MAX_BYTES, src/embed/load.rs) is
    // read; otherwise `body` is null and the widget reads or refuses the response.
    var body = response.then(function (r) {
      var len = Number(r.headers.get('content-length'));
      return r.ok && !(len > MAX_BODY) ? readText(r) : null;
    });
    response.catch(function () {}); // the widget reports it
    body.catch(function () {});
    rec.prefetch = { url: url, response: response, body: body, abort: ctl };
  }
  // The text of a response, decoded as it arrives in tasks of at most ~40 ms
  // (`text()` decodes a 16 MB body in one task of over a second on a phone), or
  // its byte count as soon as that passes MAX_BODY (the widget then reports the
  // limit). Without a readable stream, null: the widget reads the response.
  function readText(r) {
    if (!r.body || typeof r.body.getReader !== 'function' || typeof TextDecoder !== 'function') return null;
    var reader = r.body.getReader(), dec = new TextDecoder(), parts = [], bytes = 0, start = 0;
    var now = function () { return w.performance ? w.performance.now() : Date.now(); };
    function step() {
      return reader.read().then(function (c) {
        if (c.done) return parts.join('') + dec.decode();
        bytes += c.value.byteLength;
        if (bytes > MAX_BODY) { reader.cancel().catch(function () {}); return bytes; }
        parts.push(dec.decode(c.value, { stream: true }));
        if (now() - start < 40) return step();
        return new Promise(function (res) { setTimeout(res, 0); }).then(function () { start = now(); return step(); });
      });
    }
    start = now();
    return step();
  }
  function dropPrefetch(rec) {
    if (rec.prefetch && rec.prefetch.abort) { try { rec.prefetch.abort.abort(); } catch (e) { /* ignore */ } }
    rec.prefetch = null;
  }

  // ---- 7. One record per widget ----
  var preSheet = null;
  function placeholder(el) {
    var root = el.shadowRoot || el.attachShadow({ mode: 'open' }); // throws for <img>, <a>, <p>...
    if (!preSheet) { preSheet = new CSSStyleSheet(); preSheet.replaceSync(PRE_CSS); }
    var box = d.createElement('div');
    box.className = 'ar-pre';
    box.appendChild(d.createElement('slot'));
    root.replaceChildren(box);
    root.adoptedStyleSheets = [preSheet];
  }
  // After unmount or a failure: the host shows its own children again, unstyled by us.
  function restore(el) {
    try {
      var root = el.shadowRoot;
      if (!root) return;
      root.replaceChildren(d.createElement('slot'));
      root.adoptedStyleSheets = [];
    } catch (e) { /* ignore */ }
  }

  // `data` may be given as an object: the wasm side takes the JSON text.
  function normalize(options) {
    if (options == null) return null;
    if (typeof options !== 'object') throw new TypeError('ArticleReader: options must be an object, like { src: "/api/articles/1.json" }');
    var o = Object.assign({}, options);
    if (o.data != null && typeof o.data === 'object') {
      try { o.data = JSON.stringify(o.data); } catch (e) { throw new TypeError('ArticleReader: option `data` cannot be serialized to JSON: ' + e.message); }
    }
    return o;
  }

  // One record per element: { el, options, queued, handle, dead, ready, api }.
  var records = new WeakMap();
  var dataRecords = new Set();

  function makeApi(rec) {
    return Object.freeze({
      ready: rec.ready,
      unmount: function () { if (records.get(rec.el) === rec) unmount(rec.el); },
      setConfig: function (options) {
        var o = normalize(options);
        if (rec.dead || !o) return;
        if (rec.handle) rec.handle.update(o); // throws an Error naming the bad option
        else rec.queued.push(o); // checked when the wasm is ready; errors go to the error event
      }
    });
  }

  function failed(rec, kind, e) {
    var err = toError(e);
    if (records.get(rec.el) === rec) records.delete(rec.el);
    dataRecords.delete(rec);
    rec.dead = true;
    dropPrefetch(rec);
    restore(rec.el);
    emitError(rec.el, kind, err.message);
    return err;
  }

  function mount(el, options) {
    if (!el || el.nodeType !== 1) throw new TypeError('ArticleReader.mount: expected an element, got ' + (el === null ? 'null' : typeof el));
    var opts = normalize(options);
    var rec = records.get(el);
    if (rec) {
      if (opts) rec.api.setConfig(opts);
      return rec.api;
    }
    rec = { el: el, options: opts, queued: [], handle: null, dead: false, ready: null, api: null, prefetch: null };
    if (!supported) {
      rec.ready = Promise.reject(failed(rec, 'unsupported', 'this browser lacks WebAssembly, Shadow DOM or constructable stylesheets; the page content stays as it is'));
    } else if (ttBlocked) {
      rec.ready = Promise.reject(failed(rec, 'trusted-types', 'this page enforces Trusted Types and its CSP allows no policy named `' + TT_POLICY + '`: add `trusted-types ' + TT_POLICY + '` to it; the page content stays as it is'));
    } else {
      records.set(el, rec);
      try {
        // The requests first, then the placeholder: the article (the longest wait on a
        // repeat visit, the wasm then comes from the cache), then the wasm (the longest
        // on a first visit). Lazy widgets ask once the page is laid out (their distance
        // to the viewport is known then).
        if (lazy(el, opts)) parsed.then(function () { prefetch(rec); }); else prefetch(rec);
        var code = wasm();
        placeholder(el);
        rec.ready = Promise.all([code, parsed]).then(function (r) {
          var m = r[0];
          if (rec.dead) return rec.api;
          try {
            var pre = rec.prefetch;
            rec.prefetch = null; // the widget owns it now (aborts it if it does not use it)
            rec.handle = m.mount(el, rec.options || undefined, pre || undefined);
          } catch (e) {
            warn('', e);
            throw failed(rec, poisoned(e) ? 'runtime' : 'config', e);
          }
          var q = rec.queued;
          rec.queued = [];
          for (var i = 0; i < q.length; i++) {
            try { rec.handle.update(q[i]); } catch (e) { warn('', e); emitError(el, 'config', toError(e).message); }
          }
          return rec.api;
        }, function (e) {
          if (rec.dead) return rec.api;
          throw failed(rec, 'wasm', 'could not load the widget code: ' + toError(e).message);
        });
      } catch (e) {
        rec.ready = Promise.reject(failed(rec, 'config', '<' + el.localName + '> cannot host the widget (' + toError(e).message + '); use <article-reader> or a <div>'));
      }
    }
    rec.ready.catch(function () {}); // reported above; no unhandled-rejection noise on the page
    rec.api = makeApi(rec);
    return rec.api;
  }

  function unmount(el) {
    var rec = records.get(el);
    if (!rec) return;
    rec.dead = true;
    records.delete(el);
    dataRecords.delete(rec);
    dropPrefetch(rec);
    if (rec.handle) {
      try { rec.handle.unmount(); rec.handle.free(); } catch (e) { warn('', e); }
      rec.handle = null;
    }
    restore(el);
  }

  function refresh(el) {
    var rec = records.get(el);
    if (rec && rec.handle) {
      try { rec.handle.update(undefined); } catch (e) { emitError(el, 'config', toError(e).message); }
    }
  }

  function safely(fn, el) {
    try { fn(el); } catch (e) { warn('', e); emitError(el, 'runtime', toError(e).message); }
  }

  // ---- 8. Discovery ----
  // <article-reader src="..."></article-reader>
  if (w.customElements && !customElements.get('article-reader')) {
    var Base = function () { return Reflect.construct(HTMLElement, [], new.target); };
    Base.prototype = Object.create(HTMLElement.prototype);
    Base.prototype.constructor = Base;
    Object.setPrototypeOf(Base, HTMLElement);
    Object.defineProperty(Base, 'observedAttributes', { get: function () { return ATTRS.concat(DATA_ATTRS); } });
    Base.prototype.connectedCallback = function () { safely(mount, this); };
    Base.prototype.disconnectedCallback = function () {
      var el = this; // a move (remove + insert in one task) keeps the widget
      Promise.resolve().then(function () { if (!el.isConnected) safely(unmount, el); });
    };
    Base.prototype.attributeChangedCallback = function () { refresh(this); };
    customElements.define('article-reader', Base);
  }

  // <div data-article-reader data-src="..."></div>, present now or added later.
  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute('data-article-reader') && root.localName !== 'article-reader') add(root);
    var list = root.querySelectorAll('[data-article-reader]');
    for (var i = 0; i < list.length; i++) if (list[i].localName !== 'article-reader') add(list[i]);
  }
  function add(el) {
    if (records.has(el)) return;
    safely(function (el) { var api = mount(el); var rec = records.get(el); if (rec && rec.api === api) dataRecords.add(rec); }, el);
  }
  function sweep() {
    dataRecords.forEach(function (rec) {
      if (!rec.el.isConnected || !rec.el.hasAttribute('data-article-reader')) safely(unmount, rec.el);
    });
  }
  (function start() {
    scan(d.documentElement);
    new MutationObserver(function (muts) {
      var removed = false;
      for (var i = 0; i < muts.length; i++) {
        var m = muts[i];
        if (m.type === 'attributes') {
          if (m.attributeName === 'data-article-reader') { removed = true; scan(m.target); } else refresh(m.target);
          continue;
        }
        for (var j = 0; j < m.addedNodes.length; j++) scan(m.addedNodes[j]);
        if (m.removedNodes.length) removed = true;
      }
      if (removed) sweep();
    }).observe(d.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: DATA_ATTRS.concat('data-article-reader') });
  })();

  // ---- 9. The public API ----
  w.ArticleReader = Object.freeze({
    version: VERSION,
    mount: mount,
    unmount: unmount
  });
})();
