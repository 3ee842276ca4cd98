/*! article-reader embed loader v__VERSION__ | the only file a page references */
// Classic script. It defines <article-reader>, watches [data-article-reader]
// placeholders, and exposes window.ArticleReader (nothing else goes on window).
// The wasm module and its JS glue are content-hashed files next to this one;
// they are fetched once per page, on first use, with streaming instantiation.
// Nothing thrown here may reach the host page: every entry point from the page
// (custom element callbacks, the observer, promises) catches and reports through
// an `article-reader:error` event and the console instead.
(function () {
  'use strict';
  var w = window, d = document;
  if (w.ArticleReader) return; // loaded twice: the first copy already runs everything

  var GLUE = '__GLUE__', WASM = '__WASM__', VERSION = '__VERSION__';
  var ATTRS = ['src', 'lang', 'theme', 'font-scale', 'format', 'timeout', 'loading', 'time-zone'];
  var DATA_ATTRS = ATTRS.map(function (a) { return 'data-' + a; });
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

  // Without these the widget cannot work: the host's own content stays as it is.
  var supported = typeof w.WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' &&
    typeof Element.prototype.attachShadow === 'function' && typeof w.CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in d;

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

  function toError(e) {
    return e instanceof Error ? e : new Error(String(e && e.message || e));
  }

  // Loaded from <head>, placeholders are picked up as the parser inserts them (their
  // space is reserved before the first paint); the widget itself mounts once the
  // document is parsed, so children such as inline JSON are complete by then.
  var parsed = d.readyState !== 'loading' ? Promise.resolve() : new Promise(function (ok) {
    d.addEventListener('DOMContentLoaded', ok, { once: true });
  });

  var modulePromise = null;
  function wasm() {
    if (!modulePromise) {
      var glue = new URL(GLUE, base).href, bin = new URL(WASM, base);
      // The wasm download starts now, beside the glue import, not after it.
      var binResponse = fetch(bin);
      binResponse.catch(function () {}); // reported through the init below
      modulePromise = import(glue).then(function (m) {
        return m.default({ module_or_path: binResponse }).then(function () { return m; });
      });
      modulePromise.catch(function (e) {
        warn('could not load ' + glue + ' / ' + bin.href + ' (check the CSP `script-src` with \'wasm-unsafe-eval\', CORS and that the files were deployed next to embed.js):', e);
        modulePromise = null; // a later mount may retry the download
      });
    }
    return modulePromise;
  }

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
    rec = { el: el, options: opts, queued: [], handle: null, dead: false, ready: null, api: null };
    if (!supported) {
      rec.ready = Promise.reject(failed(rec, 'unsupported', 'this browser lacks WebAssembly, Shadow DOM or constructable stylesheets; the page content stays as it is'));
    } else {
      records.set(el, rec);
      try {
        placeholder(el);
        rec.ready = Promise.all([wasm(), parsed]).then(function (r) {
          var m = r[0];
          if (rec.dead) return rec.api;
          try {
            rec.handle = m.mount(el, rec.options || undefined);
          } catch (e) {
            warn('', e);
            throw failed(rec, 'config', e);
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

  w.ArticleReader = Object.freeze({
    version: VERSION,
    mount: mount,
    unmount: unmount
  });
})();
