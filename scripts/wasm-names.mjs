// Post-processing of the wasm-bindgen output for dist/ (used by build-dist.mjs):
//  - drop wasm exports the JS glue never reads (so wasm-opt can remove their code),
//  - shorten import and export names (the hashed `__wbg_createElement_8ee0…` names
//    are random hex that compresses badly and is written twice: in the wasm and
//    in the glue), and rewrite the glue to match,
//  - drop the glue's import functions the optimized wasm no longer imports.
// Every step checks that the glue and the wasm still agree and throws otherwise.

// ---------------------------------------------------------------- wasm binary
function leb(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}
function encLeb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
const encName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encLeb(b.length), b]); };
function readName(buf, pos) {
  const [len, p] = leb(buf, pos);
  return [buf.toString('utf8', p, p + len), p + len];
}

/** Splits a module into [{ id, body }] sections (header checked). */
function sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) throw new Error('not a wasm module (version 1)');
  const out = [];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, p] = leb(wasm, pos + 1);
    out.push({ id, body: wasm.subarray(p, p + size) });
    pos = p + size;
  }
  return out;
}
function assemble(secs) {
  const parts = [Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])];
  for (const s of secs) parts.push(Buffer.from([s.id]), encLeb(s.body.length), s.body);
  return Buffer.concat(parts);
}

/** Import entries: { module, name, desc (raw bytes of the import description) }. */
function readImports(body) {
  let [n, pos] = leb(body, 0);
  const out = [];
  for (let i = 0; i < n; i++) {
    let module, name;
    [module, pos] = readName(body, pos);
    [name, pos] = readName(body, pos);
    const start = pos;
    const kind = body[pos++];
    if (kind === 0x00) [, pos] = leb(body, pos); // function: type index
    else if (kind === 0x01 || kind === 0x02) { // table (reftype + limits) or memory (limits)
      if (kind === 0x01) {
        if (body[pos] !== 0x70 && body[pos] !== 0x6f) throw new Error(`import ${name}: unsupported table type 0x${body[pos].toString(16)}`);
        pos++;
      }
      const flags = body[pos++];
      if (flags > 7) throw new Error(`import ${name}: unsupported limits flags ${flags}`);
      [, pos] = leb(body, pos);
      if (flags & 1) [, pos] = leb(body, pos);
    } else if (kind === 0x03) pos += 2; // global: value type (one byte) + mutability
    else throw new Error(`import ${name}: unsupported import kind ${kind}`);
    out.push({ module, name, desc: body.subarray(start, pos) });
  }
  return out;
}
function writeImports(list) {
  return Buffer.concat([encLeb(list.length), ...list.flatMap((e) => [encName(e.module), encName(e.name), e.desc])]);
}
/** Export entries: { name, kind, index }. */
function readExports(body) {
  let [n, pos] = leb(body, 0);
  const out = [];
  for (let i = 0; i < n; i++) {
    let name, index;
    [name, pos] = readName(body, pos);
    const kind = body[pos++];
    [index, pos] = leb(body, pos);
    out.push({ name, kind, index });
  }
  return out;
}
function writeExports(list) {
  return Buffer.concat([encLeb(list.length), ...list.flatMap((e) => [encName(e.name), Buffer.from([e.kind]), encLeb(e.index)])]);
}

export function wasmImports(wasm) {
  const s = sections(wasm).find((x) => x.id === 2);
  return s ? readImports(s.body) : [];
}
export function wasmExports(wasm) {
  const s = sections(wasm).find((x) => x.id === 7);
  return s ? readExports(s.body) : [];
}

/** The module with only the exports for which keep(name) is true. */
export function keepExports(wasm, keep) {
  const secs = sections(wasm);
  const s = secs.find((x) => x.id === 7);
  if (s) s.body = writeExports(readExports(s.body).filter((e) => keep(e.name)));
  return assemble(secs);
}

/** The module with imports and exports renamed through the maps (names not in a map stay). */
export function renameWasm(wasm, importMap, exportMap) {
  const secs = sections(wasm);
  for (const s of secs) {
    if (s.id === 2) s.body = writeImports(readImports(s.body).map((e) => ({ ...e, name: importMap.get(e.name) ?? e.name })));
    if (s.id === 7) s.body = writeExports(readExports(s.body).map((e) => ({ ...e, name: exportMap.get(e.name) ?? e.name })));
  }
  return assemble(secs);
}

/** Short identifiers: a, b, ..., Z, a0, a1, ... (never a JS keyword, never a `__` name). */
export function shortName(i) {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rest = first + '0123456789';
  let s = first[i % first.length];
  i = Math.floor(i / first.length);
  while (i > 0) {
    i -= 1;
    s += rest[i % rest.length];
    i = Math.floor(i / rest.length);
  }
  return /^(do|if|in|for|let|new|try|var|case|else|enum|eval|null|this|true|void|with)$/.test(s) ? `${s}_` : s;
}

// ---------------------------------------------------------------- JS glue
const IMPORTS_START = /^function __wbg_get_imports\(\) \{\n    const import0 = \{\n        __proto__: null,\n/m;
const ENTRY = /^ {8}([A-Za-z0-9_$]+): function\(/;

/** Splits the glue's import object into its entries: { before, entries: [{ name, text }], after }. */
export function glueImports(glue) {
  const m = IMPORTS_START.exec(glue);
  if (!m) throw new Error('glue: no `__wbg_get_imports` import object in the expected shape');
  const start = m.index + m[0].length;
  const end = glue.indexOf('\n    };\n', start);
  if (end < 0) throw new Error('glue: end of the import object not found');
  const lines = glue.slice(start, end + 1).split('\n');
  const entries = [];
  for (const line of lines) {
    if (line === '') continue;
    const e = ENTRY.exec(line);
    if (e) entries.push({ name: e[1], lines: [line] });
    else if (entries.length && /^ {8}[ }]/.test(line)) entries[entries.length - 1].lines.push(line);
    else throw new Error(`glue: unexpected line in the import object: ${line}`);
  }
  for (const e of entries) {
    if (!/^ {8}\}(.*\})?,$/.test(e.lines[e.lines.length - 1])) throw new Error(`glue: import ${e.name} does not end with "},"`);
  }
  return { before: glue.slice(0, start), entries, after: glue.slice(end + 1) };
}

/** Removes an exported class (and its finalization registry and dispose line) from the glue. */
export function dropClass(glue, name) {
  const cls = new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, 'm');
  const reg = new RegExp(`^const ${name}Finalization = [^\\n]*\\n(?:^ [^\\n]*\\n)*`, 'm');
  const dispose = new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm');
  if (!cls.test(glue)) return glue;
  const out = glue.replace(cls, '').replace(reg, '').replace(dispose, '');
  if (new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`glue: ${name} is still referenced after removing its class`);
  return out;
}

/** Names of the wasm exports the glue reads (`wasm.NAME`). */
export function glueExportRefs(glue) {
  if (/\bwasm\[/.test(glue)) throw new Error('glue: computed access to wasm exports (wasm[...]) is not supported');
  return new Set([...glue.matchAll(/\bwasm\.([A-Za-z0-9_$]+)/g)].map((m) => m[1]));
}

/**
 * The glue for the renamed module: import functions the wasm no longer imports are
 * dropped, the others renamed; `wasm.NAME` reads use the new export names.
 */
export function renameGlue(glue, wasmImportNames, importMap, exportMap) {
  const { before, entries, after } = glueImports(glue);
  const have = new Set(entries.map((e) => e.name));
  for (const n of wasmImportNames) if (!have.has(n)) throw new Error(`glue: the wasm imports ${n}, which the glue does not provide`);
  const wanted = new Set(wasmImportNames);
  const kept = entries.filter((e) => wanted.has(e.name)).map((e) => {
    const lines = [...e.lines];
    lines[0] = lines[0].replace(ENTRY, (all, n) => all.replace(n, importMap.get(n) ?? n));
    return lines.join('\n');
  });
  let out = before + kept.join('\n') + '\n' + after;
  out = out.replace(/\bwasm\.([A-Za-z0-9_$]+)/g, (all, n) => {
    if (!exportMap.has(n) && n !== 'memory') throw new Error(`glue reads wasm.${n}, which the module does not export`);
    return `wasm.${exportMap.get(n) ?? n}`;
  });
  return out;
}
