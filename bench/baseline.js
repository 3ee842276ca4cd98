/* Bench baseline (issue 6), not shipped: a plain hand-written renderer of the
 * same native article JSON, producing the widget's DOM (same classes, parts and
 * CSS, in a shadow root) with no framework: the floor for client-side rendering.
 * bench/run.mjs serves it with __CSS__ replaced by the widget's minified CSS. */
(function () {
  'use strict';
  var d = document, CSS = __CSS__, STEPS = [75, 85, 100, 110, 125, 140, 160, 180, 200, 225, 250];
  var T = { smaller: 'Giảm cỡ chữ', reset: 'Cỡ chữ mặc định', larger: 'Tăng cỡ chữ', size: 'Cỡ chữ', theme: 'Giao diện',
    themes: [['auto', 'Tự động'], ['light', 'Sáng'], ['sepia', 'Giấy cũ'], ['dark', 'Tối']], photo: 'Ảnh',
    tags: 'Từ khóa', sections: 'Chuyên mục khác', related: 'Tin liên quan', tools: 'Tùy chọn đọc' };
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  var dateFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

  // h('p', {class: 'x'}, child...) with text children as text nodes (never parsed as HTML).
  function h(tag, attrs) {
    var el = d.createElement(tag);
    for (var k in attrs) if (attrs[k] != null) el.setAttribute(k, attrs[k]);
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) el.append(x); }); else el.append(c);
    }
    return el;
  }
  function abs(u, base) {
    try { var x = new URL(u, base); return /^https?:$/.test(x.protocol) ? x.href : null; } catch (e) { return null; }
  }
  function date(s) {
    var t = Date.parse(s);
    return isNaN(t) ? null : h('time', { class: 'ar-date', part: 'date', datetime: s }, dateFmt.format(t).replace(',', ''));
  }
  function figure(img, base, lead) {
    var src = img && abs(img.src, base);
    if (!src) return null;
    var credit = img.credit ? h('span', { class: 'ar-credit', part: 'credit' }, T.photo + ': ' + img.credit) : null;
    var cap = img.caption ? h('span', { class: 'ar-caption' }, img.caption) : null;
    return h('figure', { class: 'ar-figure', part: 'figure' },
      h('img', { src: src, alt: img.alt || '', width: img.width, height: img.height, loading: lead ? 'eager' : 'lazy',
        decoding: 'async', referrerpolicy: 'no-referrer-when-downgrade' }),
      cap || credit ? h('figcaption', { part: 'caption' }, cap, credit) : null);
  }
  function block(b, base) {
    if (typeof b === 'string') return h('p', null, b);
    switch (b.type) {
      case 'heading': return h('h' + Math.min(4, Math.max(2, b.level || 2)), null, b.text);
      case 'image': return figure(b, base, false);
      case 'quote': return h('blockquote', null, h('p', null, b.text), b.cite ? h('cite', null, b.cite) : null);
      case 'list': return h(b.ordered ? 'ol' : 'ul', null, (b.items || []).map(function (i) { return h('li', null, i.text || i); }));
      default: return b.text ? h('p', null, b.text) : null;
    }
  }
  function links(cls, part, label, items, base) {
    if (!items || !items.length) return null;
    return h(cls === 'ar-related' ? 'section' : 'nav', { class: cls, part: part, 'aria-label': label },
      h('h2', { class: 'ar-h2' }, label), h('ul', null, items.map(function (c) {
        if (cls !== 'ar-related') return h('li', null, h('a', { href: abs(c.url, base) }, c.name));
        return h('li', null, h('a', { class: 'ar-rel-link', href: abs(c.url, base) },
          c.image ? h('img', { class: 'ar-thumb', src: abs(c.image, base), alt: '', width: 96, height: 64, loading: 'lazy', decoding: 'async' }) : null,
          h('span', { class: 'ar-rel-title' }, c.title)), date(c.published));
      })));
  }
  function article(a, base) {
    var body = Array.isArray(a.body) ? a.body : [];
    var author = (a.authors || []).map(function (p) { return p.url ? h('a', { href: abs(p.url, base), rel: 'author' }, p.name) : p.name || p; });
    var words = body.reduce(function (n, b) { return n + String(b.text || '').split(/\s+/).length; }, 0);
    return h('article', { class: 'ar-article', part: 'article', lang: a.lang },
      h('header', { class: 'ar-head', part: 'header' },
        a.section ? h('a', { class: 'ar-kicker', part: 'section', href: abs(a.section.url, base) }, a.section.name) : null,
        h('h1', { class: 'ar-title', part: 'title' }, a.title),
        a.lede ? h('p', { class: 'ar-lede', part: 'lede' }, a.lede) : null,
        h('p', { class: 'ar-meta', part: 'meta' }, author.length ? h('span', { class: 'ar-author', part: 'author' }, author) : null,
          date(a.published), h('span', { class: 'ar-reading', part: 'reading-time' }, Math.max(1, Math.round(words / 220)) + ' phút đọc'))),
      figure(a.image, base, true),
      h('div', { class: 'ar-body', part: 'body' }, body.map(function (b) { return block(b, base); })),
      a.tags && a.tags.length ? h('div', { class: 'ar-tags', part: 'tags' }, h('span', { class: 'ar-tags-label' }, T.tags + ': '),
        h('ul', { 'aria-label': T.tags }, a.tags.map(function (t) { return h('li', null, t); }))) : null,
      links('ar-sections', 'sections', T.sections, a.categories, base),
      links('ar-related', 'related', T.related, a.related, base));
  }
  function controls(root) {
    var step = 2;
    function set(s) { step = Math.max(0, Math.min(STEPS.length - 1, s)); root.style.setProperty('--ar-scale', STEPS[step] / 100); }
    function btn(part, label, text, to) {
      var b = h('button', { class: 'ar-btn', type: 'button', part: 'button ' + part, 'aria-label': label, title: label }, text);
      b.addEventListener('click', function () { set(to()); });
      return b;
    }
    var select = h('select', { class: 'ar-select', part: 'theme-select' },
      T.themes.map(function (t) { return h('option', { value: t[0] }, t[1]); }));
    select.addEventListener('change', function () { root.setAttribute('data-theme', select.value); });
    return h('div', { class: 'ar-tools', part: 'controls', role: 'toolbar', 'aria-label': T.tools },
      h('div', { class: 'ar-font', role: 'group', 'aria-label': T.size }, btn('font-smaller', T.smaller, 'A−', function () { return step - 1; }),
        btn('font-reset', T.reset, 'A', function () { return 2; }), btn('font-larger', T.larger, 'A+', function () { return step + 1; })),
      h('label', { class: 'ar-theme', part: 'theme' }, h('span', { class: 'ar-sr' }, T.theme), select));
  }
  function mount(host) {
    var shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    var root = h('div', { class: 'ar', part: 'root', 'data-theme': 'auto', lang: 'vi-VN', style: '--ar-scale: 1' });
    root.append(controls(root));
    shadow.replaceChildren(h('div', { class: 'ar-mount' }, root));
    var src = host.getAttribute('src') || host.getAttribute('data-src');
    return fetch(src, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (a) { root.append(article(a, new URL(a.url || src, new URL(src, d.baseURI)).href)); });
  }
  d.querySelectorAll('article-reader, [data-article-reader]').forEach(mount);
})();
