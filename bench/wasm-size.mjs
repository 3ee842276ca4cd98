// What holds the bytes of a wasm module, twiggy-style, without twiggy: reads the
// code section and the `name` custom section (wasm-bindgen's output,
// target/wb/article_reader_bg.wasm, keeps it) and sums function body sizes per
// function and per crate. Each crate's bodies are also brotli-compressed together,
// which estimates what that crate costs on the wire (compression across crate
// boundaries makes the column not add up exactly to the module's brotli size).
//   node bench/wasm-size.mjs [file.wasm] [--top N]   prints the tables
//   import { wasmSizes } from './wasm-size.mjs'      -> { functions, crates, sections, ... }
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotli } from '../scripts/lib/sizes.mjs';

function reader(buf, pos = 0, end = buf.length) {
  const r = {
    pos,
    end,
    u8: () => buf[r.pos++],
    u32: () => {
      let result = 0, shift = 0, b;
      do {
        if (r.pos >= r.end) throw new Error('wasm: truncated LEB128');
        b = buf[r.pos++];
        result += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return result;
    },
    bytes: (n) => { const s = buf.subarray(r.pos, r.pos + n); r.pos += n; return s; },
    str: () => r.bytes(r.u32()).toString('utf8'),
  };
  return r;
}

/** Sections, function bodies (index, size, bytes) and function names of a module. */
export function parseWasm(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const r = reader(buf, 8);
  const sections = [];
  let importedFuncs = 0;
  const bodies = [];
  const names = new Map();
  let dataBytes = 0;
  while (r.pos < buf.length) {
    const id = r.u8();
    const size = r.u32();
    const start = r.pos;
    const s = reader(buf, start, start + size);
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? `id ${id}`;
    if (id === 0) {
      const custom = s.str();
      name = `custom "${custom}"`;
      if (custom === 'name') readNames(s, names);
    } else if (id === 2) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        s.str(); s.str();
        const kind = s.u8();
        if (kind === 0) { s.u32(); importedFuncs++; } else if (kind === 1) { s.u8(); const f = s.u8(); s.u32(); if (f & 1) s.u32(); } else if (kind === 2) { const f = s.u8(); s.u32(); if (f & 1) s.u32(); } else if (kind === 3) { s.u8(); s.u8(); } else if (kind === 4) { s.u8(); s.u32(); } else throw new Error(`wasm: import kind ${kind}`);
      }
    } else if (id === 10) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        const len = s.u32();
        bodies.push({ index: importedFuncs + i, size: len, bytes: s.bytes(len) });
      }
    } else if (id === 11) {
      dataBytes = size;
    }
    sections.push({ id, name, size });
    r.pos = start + size;
  }
  return { sections, importedFuncs, bodies, names, dataBytes, total: buf.length };
}

function readNames(s, names) {
  while (s.pos < s.end) {
    const sub = s.u8();
    const size = s.u32();
    const next = s.pos + size;
    if (sub === 1) for (let n = s.u32(), i = 0; i < n; i++) { const idx = s.u32(); names.set(idx, s.str()); }
    s.pos = next;
  }
}

const STD = new Set(['core', 'alloc', 'std', 'compiler_builtins', 'panic_abort', 'dlmalloc', 'hashbrown', 'rustc_demangle', 'std_detect']);
const PRIMITIVE = /^(&|&mut |\*const |\*mut |\[|\(|dyn |str$|bool$|char$|[iu](8|16|32|64|128|size)$|f(32|64)$)/;

/** The crate a (demangled) Rust symbol belongs to, cargo-bloat style: the path's first
 *  segment; for `<T as Trait>::f`, T's crate, or Trait's when T is a std/primitive type. */
export function crateOf(name) {
  let n = name.replace(/::h[0-9a-f]{16}$/, '');
  if (/^(__wbg_|__wbindgen|__externref|wasm_bindgen::|__wbg)/.test(n) || /^__wbg/.test(n)) return 'wasm_bindgen';
  if (n.startsWith('<')) {
    const inner = n.slice(1);
    const as = topLevelAs(inner);
    let ty = (as >= 0 ? inner.slice(0, as) : inner.slice(0, closeOf(inner))).replace(/^(&mut |&|\*const |\*mut |dyn )+/, '');
    while (ty.startsWith('[') || ty.startsWith('(') || ty.startsWith('<')) ty = ty.slice(1).replace(/^(&mut |&|\*const |\*mut |dyn )+/, '');
    ty = ty.replace(/(; *\d+)?[\])>]+$/, '');
    const tyCrate = PRIMITIVE.test(ty) || !ty.includes('::') ? null : ty.split('::')[0];
    if (as >= 0 && (!tyCrate || STD.has(tyCrate))) {
      const trait = inner.slice(as + 4).replace(/^(&mut |&|dyn )+/, '');
      const trCrate = trait.includes('::') ? trait.split('::')[0] : null;
      if (trCrate && (!STD.has(trCrate) || !tyCrate)) return clean(trCrate);
    }
    if (tyCrate) return clean(tyCrate);
    return as < 0 && PRIMITIVE.test(ty) ? 'core' : 'other'; // `<str>::lines`: inherent methods of primitives
  }
  if (/^func\[\d+\]$/.test(n)) return 'unnamed (made by wasm-opt)';
  if (n.startsWith('__rustc')) return 'std';
  // wasm-bindgen's export shims (`mount externref shim`), into which wasm-opt inlines their callees.
  if (/ shim$/.test(n)) return 'exports (wasm-bindgen shims + inlined code)';
  if (!n.includes('::')) return /^(memcpy|memmove|memset|memcmp|__rust|rust_|__rdl|__rg|__multi3|__udivti3|__divti3)/.test(n) ? 'core' : 'other';
  return clean(n.split('::')[0]);
}
function closeOf(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') depth++;
    else if (s[i] === '>') { if (depth === 0) return i; depth--; }
  }
  return s.length;
}
function topLevelAs(s) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '<' || c === '[' || c === '(') depth++;
    else if (c === '>' || c === ']' || c === ')') { if (depth === 0) return -1; depth--; } else if (depth === 0 && s.startsWith(' as ', i)) return i;
  }
  return -1;
}
const clean = (c) => c.replace(/^_+/, '').replace(/\[[0-9a-f]+\]$/, '');

/** Per-function and per-crate sizes of a module (raw body bytes, share of the code
 *  section, and for crates the brotli size of their bodies compressed together). */
export function wasmSizes(buf, { top = 25 } = {}) {
  const w = parseWasm(buf);
  const code = w.sections.find((s) => s.id === 10)?.size ?? 0;
  const fns = w.bodies.map((b) => ({ name: w.names.get(b.index) ?? `func[${b.index}]`, size: b.size, bytes: b.bytes }));
  const byCrate = new Map();
  for (const f of fns) {
    const c = crateOf(f.name);
    const e = byCrate.get(c) ?? { crate: c, functions: 0, size: 0, parts: [] };
    e.functions++;
    e.size += f.size;
    e.parts.push(f.bytes);
    byCrate.set(c, e);
  }
  const crates = [...byCrate.values()]
    .map((e) => ({ crate: e.crate, functions: e.functions, size: e.size, share: e.size / code, brotli: brotli(Buffer.concat(e.parts)).length }))
    .sort((a, b) => b.size - a.size);
  const functions = fns
    .sort((a, b) => b.size - a.size)
    .slice(0, top)
    .map((f) => ({ name: f.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{6,16}\]/g, ''), crate: crateOf(f.name), size: f.size, share: f.size / code }));
  return {
    total: w.total, functionCount: fns.length, named: w.names.size, codeBytes: code, dataBytes: w.dataBytes,
    sections: w.sections.map(({ name, size }) => ({ name, size })), crates, functions,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file = args.find((a) => a.endsWith('.wasm')) ?? 'target/wb/article_reader_bg.wasm';
  const top = Number(args.includes('--top') ? args[args.indexOf('--top') + 1] : 25);
  const s = wasmSizes(readFileSync(file), { top });
  console.log(`${file}: ${s.total} B, code ${s.codeBytes} B in ${s.functionCount} functions (${s.named} named), data ${s.dataBytes} B`);
  for (const sec of s.sections) console.log(`  section ${sec.name.padEnd(24)} ${String(sec.size).padStart(9)}`);
  console.log('\ncrate                         functions   code B  share  brotli B');
  for (const c of s.crates) console.log(`${c.crate.padEnd(30)} ${String(c.functions).padStart(8)} ${String(c.size).padStart(8)} ${(c.share * 100).toFixed(1).padStart(5)}% ${String(c.brotli).padStart(8)}`);
  console.log('\nfunction                                                                          code B  share');
  for (const f of s.functions) console.log(`${f.name.slice(0, 80).padEnd(80)} ${String(f.size).padStart(8)} ${(f.share * 100).toFixed(1).padStart(5)}%`);
}
