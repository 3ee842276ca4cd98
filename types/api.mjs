// The public surface of the <article-reader> element, described once.
// scripts/package.mjs generates custom-elements.json and article-reader.d.ts
// from this file, and fails when the code and this file disagree:
//   attributes    <- OPTION_NAMES in src/config.rs (the loader's ATTRS is generated from it)
//   error kinds   <- FailureKind::X => "kind" in src/, failed()/emitError() in the loader
//   events        <- events::emit(.., "name", ..) in src/**/*.rs and
//                    'article-reader:name' in src/embed/loader.js
//   CSS parts     <- part="..." / ("part", "...") in src/ui/**/*.rs and src/embed/*.rs
//   custom props  <- var(--ar-*) in style/*.css and src/**/*.rs, and the README
// tests/e2e/package.test.mjs checks the rest in a browser (observedAttributes,
// the keys of window.ArticleReader and of a handle, event details, parts rendered).

/** Attributes (each also as `data-<name>`), in OPTION_NAMES order. `type` is TypeScript. */
export const attributes = [
  { name: 'src', type: 'string', description: 'URL of the article JSON, relative (to the page) or absolute, http(s) only. Changing it loads the new article.' },
  { name: 'lang', type: 'string', description: 'Language of the widget\'s own texts: `vi` or `en` (any `vi-*` / `en-*` tag). Default: the page\'s `<html lang>` if Vietnamese or English, else `vi`.' },
  { name: 'theme', type: "'auto' | 'light' | 'sepia' | 'dark'", default: 'auto', description: 'Default theme; the reader\'s own choice wins and is remembered for the site.' },
  { name: 'font-scale', type: "number | `${number}%` | 'small' | 'normal' | 'large'", default: '1', description: 'Default text size, a factor 0.5-4 or a percentage, rounded to the nearest step (75 % ... 250 %).' },
  { name: 'format', type: "'auto' | 'native' | 'wordpress' | 'jsonld' | 'jsonfeed'", default: 'auto', description: 'Input format; `auto` detects it.' },
  { name: 'timeout', type: 'number', default: '10000', description: 'Request timeout in milliseconds, 100-120000; then a Retry button.' },
  { name: 'loading', type: "'lazy' | 'eager'", default: 'eager', description: '`lazy`: nothing is fetched until the element comes within 400 px of the viewport.' },
  { name: 'time-zone', type: 'string', default: 'Asia/Ho_Chi_Minh', description: 'IANA time zone used to show dates, and for dates without an offset.' },
];

/** Options only the JS API takes (`ArticleReader.mount(el, options)`, `handle.setConfig`). */
export const jsOnlyOptions = [
  { name: 'data', type: 'object | string', description: 'The article itself: an object, or its JSON text (instead of `src`).' },
];

/** Members of `window.ArticleReader` (frozen). */
export const globalApi = [
  { name: 'version', type: 'string', description: 'Version of the widget, e.g. "0.1.0".' },
  { name: 'mount', type: '(element: Element, options?: ArticleReaderOptions) => ArticleReaderHandle', description: 'Mounts the widget on any element that can host a shadow root; returns the existing handle if already mounted. Throws a TypeError for a non-element.' },
  { name: 'unmount', type: '(element: Element) => void', description: 'Same as handle.unmount().' },
];

/** Members of the handle `mount` returns (frozen). */
export const handleApi = [
  { name: 'ready', type: 'Promise<ArticleReaderHandle>', description: 'Resolves with the handle once mounted; rejects with an Error if the widget cannot be mounted.' },
  { name: 'setConfig', type: '(options: ArticleReaderOptions) => void', description: 'Changes options; throws an Error naming the option for an unknown option or an invalid value (and changes nothing).' },
  { name: 'unmount', type: '() => void', description: 'Removes the widget; the element shows its own content again.' },
];

/** Error kinds of `article-reader:error` (README, Troubleshooting). */
export const errorKinds = ['http', 'timeout', 'network', 'parse', 'format', 'empty', 'too-large', 'config', 'wasm', 'trusted-types', 'unsupported', 'runtime'];

/** Events: CustomEvents dispatched on the element, bubbling and composed. */
export const events = [
  { name: 'article-reader:load', detail: { id: 'string | null', title: 'string | null', url: 'string | null' }, description: 'An article is shown. `url` falls back to the URL the JSON came from.' },
  { name: 'article-reader:error', detail: { kind: 'ArticleReaderErrorKind', status: 'number | null', message: 'string' }, description: 'Loading or configuration failed; `status` is the HTTP status or null, `message` an English detail for developers.' },
  { name: 'article-reader:fontscale', detail: { scale: 'number' }, description: 'The reader changed the text size (1.1, 1.25 ...).' },
  { name: 'article-reader:theme', detail: { theme: "'auto' | 'light' | 'sepia' | 'dark'" }, description: 'The reader changed the theme.' },
];

/** CSS parts (`::part(name)`). */
export const cssParts = {
  root: 'The whole widget.',
  controls: 'The toolbar (text size, settings, share, listen).',
  button: 'Every button; each also has its own part below.',
  'font-smaller': 'The A- button.',
  'font-reset': 'The A button.',
  'font-larger': 'The A+ button.',
  settings: 'The Aa button and the settings panel it opens (text size, theme).',
  theme: 'The theme choices in the settings panel.',
  share: 'The Share button.',
  'share-menu': 'The share menu shown where the browser has no share sheet.',
  'copy-link': 'The Copy link button of the share menu.',
  facebook: 'The Facebook link of the share menu.',
  listen: 'The Listen button.',
  'listen-prev': 'The previous-paragraph button while listening.',
  'listen-next': 'The next-paragraph button while listening.',
  'listen-stop': 'The Stop listening button.',
  'listen-rate': 'The speech rate control.',
  'listen-voice': 'The voice picker.',
  retry: 'The Retry button of an error message.',
  progress: 'The reading-progress bar.',
  resume: 'The "continue reading" offer, and its button.',
  'resume-dismiss': 'The Dismiss button of the "continue reading" offer.',
  article: 'The article.',
  header: 'Section, title, lede and byline.',
  section: 'The section name (kicker) above the title.',
  title: 'The article title (h1).',
  lede: 'The lede paragraph.',
  meta: 'The byline line: authors, dates, reading time.',
  author: 'The author names.',
  date: 'A date (<time>).',
  'reading-time': 'The estimated reading time.',
  figure: 'A figure (lead image or body image).',
  caption: 'A figure caption.',
  credit: 'A photo credit inside a caption ("Ảnh: MT").',
  lightbox: 'The full-size picture viewer opened from a figure.',
  body: 'The article body.',
  note: 'The note shown when a very long article is cut.',
  tags: 'The tag list.',
  sections: 'The "other sections" navigation ("Chuyên mục khác").',
  related: 'The related articles.',
  loading: 'The skeleton shown while the article loads.',
  error: 'The error message box.',
  'original-link': 'The "Open the original article" link of an error message.',
};

/** Theming custom properties (`--ar-*`, set on the element or an ancestor). */
export const cssProperties = {
  '--ar-font-family': { description: 'Body text font stack.' },
  '--ar-heading-font': { description: 'Title and headings font stack.' },
  '--ar-ui-font': { description: 'Controls, meta and captions font stack (default: the heading font).' },
  '--ar-max-width': { description: 'Width of the text column, in em of the article text.', default: '36em' },
  '--ar-accent': { description: 'Link colour in the light and sepia themes.' },
  '--ar-accent-dark': { description: 'Link colour in the dark theme.' },
  '--ar-bg': { description: 'Background colour of the light theme.' },
  '--ar-fg': { description: 'Text colour of the light theme.' },
  '--ar-radius': { description: 'Corner radius of images and controls.' },
  '--ar-min-height': { description: 'Height reserved until the article shows (for a widget in a box, e.g. 30em).', default: '100vh' },
};

/** `--ar-*` properties the widget sets itself: not for the host page. */
export const internalCssProperties = ['--ar-scale', '--ar-progress'];
