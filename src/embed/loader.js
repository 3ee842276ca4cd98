/*! article-reader embed loader v__VERSION__ | the only file a page references */
// Classic script. It defines <article-reader>, watches [data-article-reader]
// placeholders, and exposes window.ArticleReader (nothing else goes on window).
// The wasm module and its JS glue are content-hashed files next to this one;
// they are fetched once per page, on first use, with streaming instantiation.
(function () {
  'use strict';
  var w = window, d = document;
  if (w.ArticleReader) return; // loaded twice: the first copy already runs everything

  var GLUE = '__GLUE__', WASM = '__WASM__', VERSION = '__VERSION__';
  var ATTRS = ['src', 'lang', 'theme', 'font-scale', 'format', 'timeout', 'loading', 'time-zone'];
  var DATA_ATTRS = ATTRS.map(function (a) { return 'data-' + a; });

  // Files resolve against this script's own URL, never the page's <base href>.
  var me = d.currentScript;
  var base = (me && me.src) || (function () {
    var s = d.querySelectorAll('script[src*="embed"]');
    return s.length ? s[s.length - 1].src : location.href;
  })();

  var modulePromise = null;
  function wasm() {
    if (!modulePromise) {
      modulePromise = import(new URL(GLUE, base).href).then(function (m) {
        return m.default({ module_or_path: new URL(WASM, base) }).then(function () { return m; });
      });
    }
    return modulePromise;
  }

  function emitError(el, kind, message) {
    try {
      el.dispatchEvent(new CustomEvent('article-reader:error', {
        bubbles: true, composed: true, detail: { kind: kind, status: null, message: String(message) }
      }));
    } catch (e) { /* never let a host listener break us */ }
  }

  // One record per element: { el, options, handle, dead, ready }.
  var records = new WeakMap();
  var dataRecords = new Set();

  function api(rec) {
    return {
      ready: rec.ready,
      unmount: function () { unmount(rec.el); },
      setConfig: function (options) {
        if (rec.dead) return;
        if (!rec.handle) { rec.options = Object.assign({}, rec.options || {}, options || {}); return; }
        rec.handle.update(options == null ? undefined : options); // throws a clear error on bad options
      }
    };
  }

  function mount(el, options) {
    if (!el || el.nodeType !== 1) throw new TypeError('ArticleReader.mount: expected an element');
    var rec = records.get(el);
    if (rec && !rec.dead) {
      if (options) api(rec).setConfig(options);
      return api(rec);
    }
    rec = { el: el, options: options || null, handle: null, dead: false };
    records.set(el, rec);
    rec.ready = wasm().then(function (m) {
      if (rec.dead) return;
      rec.handle = m.mount(el, rec.options || undefined);
    }).catch(function (e) {
      var kind = rec.handle ? 'runtime' : (modulePromise && e && /mount|option/i.test(e.message) ? 'config' : 'wasm');
      if (w.console) console.error('article-reader:', e);
      emitError(el, kind, e && e.message || e);
      if (kind === 'wasm') modulePromise = null; // a later mount may retry the download
      records.delete(el);
      throw e;
    });
    rec.ready.catch(function () {}); // handled above; avoid unhandled-rejection noise
    return api(rec);
  }

  function unmount(el) {
    var rec = records.get(el);
    if (!rec) return;
    rec.dead = true;
    records.delete(el);
    dataRecords.delete(rec);
    if (rec.handle) {
      try { rec.handle.unmount(); rec.handle.free(); } catch (e) { if (w.console) console.error('article-reader:', e); }
      rec.handle = null;
    }
  }

  function refresh(el) {
    var rec = records.get(el);
    if (rec && rec.handle) {
      try { rec.handle.update(undefined); } catch (e) { emitError(el, 'config', e.message); }
    }
  }

  // <article-reader src="..."></article-reader>
  if (w.customElements && !customElements.get('article-reader')) {
    var Base = function () { return Reflect.construct(HTMLElement, [], new.target); };
    Base.prototype = Object.create(HTMLElement.prototype);
    Base.prototype.constructor = Base;
    Object.setPrototypeOf(Base, HTMLElement);
    Object.defineProperty(Base, 'observedAttributes', { get: function () { return ATTRS.concat(DATA_ATTRS); } });
    Base.prototype.connectedCallback = function () { try { mount(this); } catch (e) { emitError(this, 'runtime', e.message); } };
    Base.prototype.disconnectedCallback = function () {
      var el = this; // a move (remove + insert in one task) keeps the widget
      Promise.resolve().then(function () { if (!el.isConnected) unmount(el); });
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
    try { mount(el); var rec = records.get(el); if (rec) dataRecords.add(rec); } catch (e) { emitError(el, 'runtime', e.message); }
  }
  function sweep() {
    dataRecords.forEach(function (rec) { if (!rec.el.isConnected || !rec.el.hasAttribute('data-article-reader')) unmount(rec.el); });
  }
  function start() {
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
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start); else start();

  w.ArticleReader = Object.freeze({
    version: VERSION,
    mount: mount,
    unmount: unmount
  });
})();
