// Builds the npm package of the widget in pkg/ (gitignored) from dist/:
//   every file of dist/ (embed.js, the content-hashed files, sizes.json...),
//   embed.mjs          the ES-module entry: embed.js with its own URL taken from
//                      import.meta.url (importing it registers <article-reader>),
//   custom-elements.json  Custom Elements Manifest, and article-reader.d.ts,
//                      both generated from types/api.mjs,
//   integrity.json     sha384 of every script and wasm (for integrity="…"),
//   examples/esm.html + examples/article.json (the seed article), README.md
//                      (docs/package.md), package.json (version from Cargo.toml).
// Before writing anything it checks types/api.mjs against the code (attributes,
// events, CSS parts, custom properties) and exits 1 naming every difference.
// Usage: node scripts/package.mjs            check + build pkg/
//        node scripts/package.mjs --check    check only (no dist/ needed)
import { readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync, copyFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_NAME = '@article-reader/embed';

const read = (p) => readFileSync(join(root, p), 'utf8');

function walk(dir, ext) {
  const out = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, ext));
    else if (ext.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out.sort();
}

const strings = (list) => [...list.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]);
const uniq = (a) => [...new Set(a)];

/** What the code says, read from the sources (no build needed). */
export function extract() {
  const config = read('src/config.rs');
  const opt = /OPTION_NAMES[^=]*=\s*\[([^\]]*)\]/.exec(config);
  const loaderSrc = read('src/embed/loader.js');
  // The loader's attribute list: written out, or filled in by build-dist.mjs from
  // OPTION_NAMES (`ATTRS = __ATTRS__`; the browser test checks observedAttributes).
  const attrs = /\bATTRS\s*=\s*\[([^\]]*)\]/.exec(loaderSrc);
  const attrsGenerated = /\bATTRS\s*=\s*__ATTRS__/.test(loaderSrc) && /OPTION_NAMES/.test(read('scripts/build-dist.mjs'));
  const rust = walk('src', ['.rs']).map((p) => [p, read(p)]);
  const events = uniq([
    ...rust.flatMap(([, s]) => [...s.matchAll(/\bemit\(\s*&?[\w.]+\s*,\s*"([a-z][a-z-]*)"/g)].map((m) => `article-reader:${m[1]}`)),
    ...[loaderSrc, ...rust.filter(([p]) => p.startsWith('src/embed/')).map(([, s]) => s)].flatMap((s) => [...s.matchAll(/CustomEvent\(\s*["']article-reader:([a-z][a-z-]*)["']/g)].map((m) => `article-reader:${m[1]}`)),
  ]);
  // Error kinds: FailureKind::X => "kind" in src/, and the loader's own
  // failed(rec, 'kind', ..) / emitError(el, 'kind', ..) (a ternary gives both).
  const errorKinds = uniq([
    ...rust.flatMap(([, s]) => [...s.matchAll(/FailureKind::\w+\s*=>\s*"([a-z][a-z-]*)"/g)].map((m) => m[1])),
    ...[...loaderSrc.matchAll(/\b(?:failed|emitError)\(\s*[^,()]+,\s*([^,]+),/g)].flatMap((m) => [...m[1].matchAll(/'([a-z][a-z-]*)'/g)].map((k) => k[1])),
  ]);
  const viewFiles = rust.filter(([p]) => p.startsWith('src/ui/') || p.startsWith('src/embed/'));
  const parts = uniq(viewFiles.flatMap(([, s]) => [
    ...[...s.matchAll(/\bpart="([^"]+)"/g)].map((m) => m[1]),
    ...[...s.matchAll(/"part"\s*,\s*(?:Some\(\s*)?"([^"]+)"/g)].map((m) => m[1]),
  ].flatMap((v) => v.split(/\s+/).filter(Boolean))));
  // Every string literal of the view code: a part set through a helper
  // (`span(doc, "ar-credit", Some("credit"), ..)`) is found here.
  const viewStrings = new Set(viewFiles.flatMap(([, s]) => [...s.matchAll(/"([a-z][a-z-]*)"/g)].map((m) => m[1])));
  const styleSources = [...walk('style', ['.css']).map(read), ...rust.map(([, s]) => s), loaderSrc];
  const cssVars = uniq(styleSources.flatMap((s) => [...s.matchAll(/var\(\s*(--ar-[a-z0-9-]+)/g)].map((m) => m[1])));
  return {
    options: opt ? strings(opt[1]) : null,
    loaderAttrs: attrs ? strings(attrs[1]) : attrsGenerated ? 'generated from OPTION_NAMES' : null,
    events,
    errorKinds,
    parts,
    viewStrings,
    cssVars,
    readme: read('README.md'),
  };
}

function sameSet(label, code, doc, where, problems) {
  const c = new Set(code), d = new Set(doc);
  const missing = [...c].filter((x) => !d.has(x));
  const extra = [...d].filter((x) => !c.has(x));
  if (missing.length) problems.push(`${label} in the code but not in types/api.mjs: ${missing.join(', ')} (${where})`);
  if (extra.length) problems.push(`${label} in types/api.mjs but not in the code: ${extra.join(', ')} (${where})`);
}

/** Differences between types/api.mjs and the code; [] when they agree. */
export function check(api, code = extract()) {
  const problems = [];
  const attrNames = api.attributes.map((a) => a.name);
  const jsOnly = api.jsOnlyOptions.map((a) => a.name);
  if (!code.options) problems.push('OPTION_NAMES not found in src/config.rs: update extract() in scripts/package.mjs');
  else sameSet('options', code.options, [...attrNames, ...jsOnly], 'OPTION_NAMES in src/config.rs', problems);
  if (!code.loaderAttrs) problems.push('ATTRS not found in src/embed/loader.js: update extract() in scripts/package.mjs');
  else if (Array.isArray(code.loaderAttrs)) sameSet('attributes', code.loaderAttrs, attrNames, 'ATTRS in src/embed/loader.js', problems);
  if (!code.events.length) problems.push('no events found in src/: update extract() in scripts/package.mjs');
  sameSet('events', code.events, api.events.map((e) => e.name), 'events::emit(.., "name", ..) in src/ and new CustomEvent(\'article-reader:name\' in loader.js', problems);
  if (!code.errorKinds.length) problems.push('no error kinds found (FailureKind::X => "kind" in src/, failed(rec, \'kind\') in the loader): update extract() in scripts/package.mjs');
  sameSet('error kinds', code.errorKinds, api.errorKinds, 'FailureKind::as_str in src/ and failed()/emitError() in loader.js', problems);
  if (!code.parts.length) problems.push('no part="..." found in src/ui or src/embed: update extract() in scripts/package.mjs');
  // Parts set with part="..." or ("part", "...") / ("part", Some("...")) must be documented; a documented
  // part must at least be a string literal of the view code (helpers pass it on).
  sameSet('CSS parts', code.parts, Object.keys(api.cssParts).filter((p) => code.parts.includes(p) || !code.viewStrings.has(p)), 'part="..." in src/ui and src/embed', problems);
  const used = code.cssVars.filter((v) => !api.internalCssProperties.includes(v));
  sameSet('custom properties', used, Object.keys(api.cssProperties), 'var(--ar-*) in style/ and src/', problems);
  for (const p of Object.keys(api.cssProperties)) if (!code.readme.includes(p)) problems.push(`custom property ${p} is not documented in README.md`);
  for (const p of Object.keys(api.cssParts)) if (!code.readme.includes(`\`${p}\``)) problems.push(`CSS part \`${p}\` is not documented in README.md`);
  for (const e of api.events) if (!code.readme.includes(e.name)) problems.push(`event ${e.name} is not documented in README.md`);
  for (const k of api.errorKinds) if (!code.readme.includes(`\`${k}\``)) problems.push(`error kind \`${k}\` is not documented in README.md`);
  return problems;
}

const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const docComment = (text, indent = '') => `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n`;

/** The Custom Elements Manifest (schema 2.1.0). */
export function manifest(api, version) {
  const attributes = api.attributes.flatMap((a) => [
    { name: a.name, type: { text: a.type }, ...(a.default ? { default: JSON.stringify(a.default) } : {}), description: a.description },
    { name: `data-${a.name}`, type: { text: a.type }, description: `Same as \`${a.name}\` (the form for <div data-article-reader>).` },
  ]);
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: 'embed.js',
      description: `article-reader ${version}: loading this file (classic script or, as embed.mjs, an ES module) defines <article-reader> and window.ArticleReader.`,
      declarations: [
        {
          kind: 'class',
          name: 'ArticleReaderElement',
          tagName: 'article-reader',
          customElement: true,
          superclass: { name: 'HTMLElement', package: 'global:' },
          summary: 'An embeddable news-article reader: fetches an article as JSON and renders it in its own Shadow DOM.',
          description: 'The element has no JS properties of its own: configure it with attributes, or with window.ArticleReader.mount(element, options) (see the ArticleReader variable). The same widget mounts on <div data-article-reader> with data- attributes.',
          attributes,
          members: [],
          events: api.events.map((e) => ({ name: e.name, type: { text: `CustomEvent<${detailTypeName(e.name)}>` }, description: e.description })),
          slots: [{ name: '', description: 'Fallback content (a link to the article): shown until the article renders and again if it fails. Inline article JSON goes in a <script type="application/json"> child.' }],
          cssParts: Object.entries(api.cssParts).map(([name, description]) => ({ name, description })),
          cssProperties: Object.entries(api.cssProperties).map(([name, p]) => ({ name, description: p.description, ...(p.default ? { default: p.default } : {}) })),
        },
        {
          kind: 'variable',
          name: 'ArticleReader',
          type: { text: 'ArticleReaderAPI' },
          description: `The one global the widget adds (window.ArticleReader, frozen): ${api.globalApi.map((m) => `${m.name}: ${m.type}`).join('; ')}. A handle has ${api.handleApi.map((m) => `${m.name}: ${m.type}`).join('; ')}.`,
        },
      ],
      exports: [
        { kind: 'custom-element-definition', name: 'article-reader', declaration: { name: 'ArticleReaderElement', module: 'embed.js' } },
        { kind: 'js', name: 'ArticleReader', declaration: { name: 'ArticleReader', module: 'embed.js' } },
      ],
    }],
  };
}

function detailTypeName(event) {
  return `ArticleReader${camel(event.replace('article-reader:', '-')).replace(/^./, (c) => c.toUpperCase())}Detail`
    .replace('Fontscale', 'FontScale');
}

/** TypeScript declarations for window.ArticleReader, the handle, the events and the element. */
export function typings(api, version) {
  let t = `// Types for ${PACKAGE_NAME} ${version}. Generated by scripts/package.mjs from types/api.mjs.\n\n`;
  t += docComment('Error kinds of `article-reader:error` (README, Troubleshooting).');
  t += `export type ArticleReaderErrorKind = ${api.errorKinds.map((k) => `'${k}'`).join(' | ')};\n\n`;
  t += docComment('Options of `ArticleReader.mount` and `handle.setConfig`: the attribute names, as written or in camelCase, plus `data`.');
  t += 'export interface ArticleReaderOptions {\n';
  for (const a of [...api.attributes, ...api.jsOnlyOptions]) {
    const ty = a.type === 'number' ? 'number | string' : a.type;
    t += docComment(a.description + (a.default ? ` Default: ${a.default}.` : ''), '  ');
    t += `  ${/-/.test(a.name) ? `'${a.name}'` : a.name}?: ${ty};\n`;
    if (/-/.test(a.name)) t += `  ${camel(a.name)}?: ${ty};\n`;
  }
  t += '}\n\n';
  t += docComment('What `ArticleReader.mount` returns (frozen).');
  t += 'export interface ArticleReaderHandle {\n';
  for (const m of api.handleApi) t += docComment(m.description, '  ') + `  readonly ${m.name}: ${m.type};\n`;
  t += '}\n\n';
  t += docComment('`window.ArticleReader` (frozen), the one global the widget adds.');
  t += 'export interface ArticleReaderAPI {\n';
  for (const m of api.globalApi) t += docComment(m.description, '  ') + `  readonly ${m.name}: ${m.type};\n`;
  t += '}\n\n';
  for (const e of api.events) {
    t += docComment(`\`detail\` of \`${e.name}\`: ${e.description}`);
    t += `export interface ${detailTypeName(e.name)} {\n${Object.entries(e.detail).map(([k, v]) => `  ${k}: ${v};\n`).join('')}}\n\n`;
  }
  t += docComment('The widget\'s events: CustomEvents dispatched on the element, bubbling and composed.');
  t += `export interface ArticleReaderEventMap {\n${api.events.map((e) => `  '${e.name}': CustomEvent<${detailTypeName(e.name)}>;\n`).join('')}}\n\n`;
  t += docComment('<article-reader>: configured through its attributes; it has no JS properties of its own.');
  t += 'export interface ArticleReaderElement extends HTMLElement {\n';
  t += '  addEventListener<K extends keyof ArticleReaderEventMap>(type: K, listener: (this: ArticleReaderElement, ev: ArticleReaderEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;\n';
  t += '  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ArticleReaderElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;\n';
  t += '  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;\n';
  t += '  removeEventListener<K extends keyof ArticleReaderEventMap>(type: K, listener: (this: ArticleReaderElement, ev: ArticleReaderEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;\n';
  t += '  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;\n';
  t += '}\n\n';
  t += 'declare global {\n';
  t += '  interface Window { readonly ArticleReader: ArticleReaderAPI; }\n';
  t += '  var ArticleReader: ArticleReaderAPI;\n';
  t += "  interface HTMLElementTagNameMap { 'article-reader': ArticleReaderElement; }\n";
  t += '  // The events bubble and are composed: they reach document and window listeners.\n';
  t += '  interface DocumentEventMap extends ArticleReaderEventMap {}\n';
  t += '  interface WindowEventMap extends ArticleReaderEventMap {}\n';
  t += '}\n\nexport {};\n';
  return t;
}

/** The ES-module entry: embed.js, resolving its files against import.meta.url. */
export function moduleEntry(embedJs) {
  const re = /\b[A-Za-z_$][\w$]*\.currentScript\b/g;
  const hits = embedJs.match(re) ?? [];
  if (hits.length !== 1) throw new Error(`embed.js: expected one \`document.currentScript\` to replace for the ES-module entry, found ${hits.length}`);
  return '// ES-module entry of the widget: embed.js, with its own URL from import.meta.url.\n' +
    embedJs.replace(re, '({ src: import.meta.url })');
}

export function packageJson(version, files) {
  return {
    name: PACKAGE_NAME,
    version,
    description: 'Embeddable news-article reader widget: <article-reader src="article.json">, Rust + WebAssembly, Shadow DOM.',
    license: 'MIT',
    keywords: ['web-component', 'custom-element', 'article', 'reader', 'news', 'webassembly', 'embed'],
    browser: './embed.mjs',
    module: './embed.mjs',
    types: './article-reader.d.ts',
    exports: {
      '.': { types: './article-reader.d.ts', default: './embed.mjs' },
      './integrity.json': './integrity.json',
      './embed.js': './embed.js',
      './embed.mjs': { types: './article-reader.d.ts', default: './embed.mjs' },
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    // Plain <script src> users of a CDN (jsDelivr, unpkg) get the classic script.
    jsdelivr: './embed.js',
    unpkg: './embed.js',
    customElements: 'custom-elements.json',
    sideEffects: true,
    files,
  };
}

/** Writes the package to `out`. `checked: false` skips the drift check (the
 *  e2e test reports drift in a test of its own and still tests the packaging). */
export async function build({ out = join(root, 'pkg'), checked = true } = {}) {
  const api = await import(pathToFileURL(join(root, 'types/api.mjs')).href);
  const problems = checked ? check(api) : [];
  if (problems.length) throw new Error(`types/api.mjs and the code differ:\n  ${problems.join('\n  ')}`);
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'embed.js'))) throw new Error('dist/embed.js is missing: run `make dist` first');
  const version = /^version\s*=\s*"([^"]+)"/m.exec(read('Cargo.toml'))[1];
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'examples'), { recursive: true });
  const files = [];
  for (const f of readdirSync(dist).sort()) {
    if (!statSync(join(dist, f)).isFile()) continue;
    copyFileSync(join(dist, f), join(out, f));
    files.push(f);
  }
  writeFileSync(join(out, 'embed.mjs'), moduleEntry(readFileSync(join(dist, 'embed.js'), 'utf8')));
  writeFileSync(join(out, 'custom-elements.json'), JSON.stringify(manifest(api, version), null, 2) + '\n');
  writeFileSync(join(out, 'article-reader.d.ts'), typings(api, version));
  copyFileSync(join(root, 'examples/esm.html'), join(out, 'examples/esm.html'));
  copyFileSync(join(root, 'fixtures/seed/native.json'), join(out, 'examples/article.json'));
  copyFileSync(join(root, 'docs/package.md'), join(out, 'README.md'));
  // sha384 of every script and wasm, for integrity="…" (embed.js's is also in sizes.json).
  const integrity = {};
  for (const f of readdirSync(out).filter((f) => /\.(m?js|wasm)$/.test(f)).sort()) {
    integrity[f] = `sha384-${createHash('sha384').update(readFileSync(join(out, f))).digest('base64')}`;
  }
  writeFileSync(join(out, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
  files.push('embed.mjs', 'custom-elements.json', 'article-reader.d.ts', 'integrity.json', 'examples/');
  writeFileSync(join(out, 'package.json'), JSON.stringify(packageJson(version, files), null, 2) + '\n');
  return { out, version, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--check')) {
      const api = await import(pathToFileURL(join(root, 'types/api.mjs')).href);
      const problems = check(api);
      if (problems.length) throw new Error(`types/api.mjs and the code differ:\n  ${problems.join('\n  ')}`);
      console.log('package: types/api.mjs matches the code');
    } else {
      const { out, version, files } = await build();
      console.log(`package: ${PACKAGE_NAME}@${version} in ${relative(process.cwd(), out) || '.'} (${files.length} entries); \`cd pkg && npm pack\` makes the tarball`);
    }
  } catch (e) {
    console.error(`package: ${e.message}`);
    process.exit(1);
  }
}
