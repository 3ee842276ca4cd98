// Helpers for the reader_* end-to-end tests (issue 5): pages made up on the fly
// (served from the test server's origin through page.route, so embed.js and
// the fixtures load as on a real portal), shadow-root queries and colour maths.
import { newPage, waitForWidgets } from './lib.mjs';

let counter = 0;

/**
 * Opens a page whose <body> is `body` (the demo page when `body` is omitted).
 * Options: viewport, lang (<html lang>), init (function or [function, arg] run
 * before any page script), colorScheme, reducedMotion, widgets (how many to wait for),
 * routes ([pattern, handler] pairs installed before navigation), context (open in it).
 */
export async function readerPage(browser, base, { body, lang = 'vi', viewport, init, colorScheme = 'light', reducedMotion, widgets = 1, context, routes = [] } = {}) {
  const page = context ? await openIn(context) : await newPage(browser, { viewport: viewport ?? { width: 1280, height: 800 }, colorScheme, reducedMotion });
  if (init) await page.addInitScript(...(Array.isArray(init) ? init : [init]));
  for (const [pattern, handler] of routes) await page.route(pattern, handler);
  let url = `${base}/index.html`;
  if (body !== undefined) {
    url = `${base}/__reader/${++counter}.html`;
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>reader test</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px/1.4 sans-serif}main{max-width:1000px;margin:0 auto}</style></head>
<body><main>${body}</main><script src="/dist/embed.js" defer></script></body></html>`;
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }
  await page.goto(url);
  if (widgets) await waitForWidgets(page, widgets);
  return page;
}

async function openIn(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.closeAll = () => page.close();
  return page;
}

/** An <article-reader> with an inline article (JSON in a script child). */
export function inlineWidget(article, attrs = '') {
  const json = JSON.stringify(article).replaceAll('<', '\\u003c');
  return `<article-reader ${attrs}><script type="application/json">${json}</script></article-reader>`;
}

/** Runs fn(shadowRoot, arg) in the page for the nth widget. */
export function inShadow(page, fn, arg, index = 0) {
  return page.evaluate(([src, a, i]) => {
    const host = document.querySelectorAll('article-reader, [data-article-reader]')[i];
    // eslint-disable-next-line no-new-func
    return new Function('root', 'arg', `return (${src})(root, arg)`)(host.shadowRoot, a);
  }, [fn.toString(), arg, index]);
}

/** The saved preference keys (src/ui/prefs.rs). */
export const KEY_STEP = 'article-reader:font-step';
export const KEY_THEME = 'article-reader:theme';

/** sRGB relative luminance and WCAG contrast ratio of two `rgb(...)` strings. */
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A long article that stresses layout: long URL and word, wide table, code, quote, list. */
export const STRESS_ARTICLE = {
  version: 1,
  lang: 'vi',
  title: 'Kiểm tra bố cục: đường dẫn rất dài, bảng rộng và từ ngữ không ngắt được',
  lede: 'Bài thử nghiệm với nội dung khó trình bày trên điện thoại màn hình hẹp.',
  section: { name: 'Thời sự', url: '/thoi-su' },
  authors: [{ name: 'Phóng viên Thường trú Đồng bằng sông Cửu Long' }],
  published: '2020-01-02T08:00:00+07:00',
  image: { src: '/fixtures/images/hoi-nghi-dan-van.jpg', alt: 'Quang cảnh hội nghị', width: 1200, height: 800,
    caption: 'Chú thích ảnh khá dài để kiểm tra việc xuống dòng của chú thích.', credit: 'Nguyễn Văn Trường Giang/TTXVN' },
  body: '<p>Xem chi tiết tại https://congthongtin.example.vn/van-ban/2020/01/quyet-dinh-so-123-qd-ubnd-ve-viec-ban-hanh-ke-hoach-thuc-hien-nhiem-vu-nam-2020-cua-uy-ban-nhan-dan-tinh.html trước ngày 15.</p>'
    + '<p>Liên kết: <a href="https://congthongtin.example.vn/van-ban/2020/01/quyet-dinh-so-123-qd-ubnd-ve-viec-ban-hanh-ke-hoach-thuc-hien.html">https://congthongtin.example.vn/van-ban/2020/01/quyet-dinh-so-123-qd-ubnd-ve-viec-ban-hanh-ke-hoach-thuc-hien.html</a></p>'
    + '<p>Từ dài: Nghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêng.</p>'
    + '<h2>Số liệu các huyện</h2>'
    + '<table><caption>Kết quả năm 2019</caption><thead><tr><th scope="col">Huyện</th><th scope="col">Dân số</th><th scope="col">Diện tích</th><th scope="col">Thu ngân sách</th><th scope="col">Tăng trưởng</th><th scope="col">Hộ nghèo</th><th scope="col">Ghi chú</th></tr></thead>'
    + '<tbody><tr><td>Thành phố Vị Thanh</td><td>73.322</td><td>118,67 km²</td><td>1.234.567.000.000 đồng</td><td>7,52%</td><td>1,23%</td><td>Trung_tâm_hành_chính_chính_trị_của_tỉnh</td></tr>'
    + '<tr><td>Huyện Phụng Hiệp</td><td>189.000</td><td>485,00 km²</td><td>987.654.321.000 đồng</td><td>6,90%</td><td>3,10%</td><td>Huyện đông dân nhất</td></tr></tbody></table>'
    + '<pre><code>curl -s https://congthongtin.example.vn/api/v1/articles?category=thoi-su&amp;page=1&amp;per_page=100 | jq .</code></pre>'
    + '<blockquote><p>Năm dân vận khéo.</p></blockquote>'
    + '<ul><li>Kế hoạch số 100-KH/TU</li><li>Kế hoạch số 116-KH/TU</li></ul>',
  tags: ['Đường_dẫn_rất_dài_không_có_khoảng_trắng_nào_để_ngắt_dòng', 'bảng'],
  categories: [{ name: 'Quốc phòng - An ninh', url: '/qp-an' }, { name: 'Văn hóa - Xã hội', url: '/vh-xh' }],
  related: [
    { title: 'Tin liên quan số một với tiêu đề dài để xem việc xuống dòng', url: '/a-1.html', image: '/fixtures/images/related-1.jpg', published: '2020-01-01T08:00:00+07:00' },
    { title: 'Tin không có ảnh', url: '/a-2.html' },
  ],
};

/** Picks a theme in the "Aa" panel of the widget `w` (a locator), opening the panel if needed. */
export async function pickTheme(w, theme) {
  const aa = w.locator('button[part~="settings"]');
  if ((await aa.getAttribute('aria-expanded')) !== 'true') await aa.click();
  await w.locator(`input[name="article-reader:theme"][value="${theme}"]`).check();
}

/** The theme checked in the "Aa" panel of the widget `w` (opens the panel: it is built on first open). */
export async function checkedTheme(w) {
  const aa = w.locator('button[part~="settings"]');
  if ((await aa.getAttribute('aria-expanded')) !== 'true') await aa.click();
  return w.locator('input[name="article-reader:theme"]:checked').getAttribute('value');
}
