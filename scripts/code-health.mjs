// Code-health checks run by `make test-lint`: no import cycle between the crate's
// top-level modules, no Rust source file over 400 lines, no function over 60 lines
// (except the ones listed in ALLOWED_LONG with their reason). Prints the size
// distribution of files and functions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const src = join(root, 'src');
const MAX_FILE = 400, MAX_FN = 60;
/** Functions allowed over MAX_FN lines: "file:fn" -> reason. */
const ALLOWED_LONG = new Map([
  ['src/ui/speech.rs:speak_current', 'the utterance with its five event handlers, wired in one place'],
]);
/** Files allowed over MAX_FILE lines: path -> reason. */
const ALLOWED_BIG = new Map([
  ['src/ui/speech.rs', 'the speaking engine in one place: page-wide queue, sentence chain, highlight, Media Session (its controls are ui/listen.rs)'],
]);

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

const topOf = (file) => relative(src, file).split(sep)[0].replace(/\.rs$/, '');
const edges = new Map();
const problems = [];
const fileSizes = [], fnSizes = [];
for (const f of files(src)) {
  const text = readFileSync(f, 'utf8');
  const rel = relative(root, f);
  // Test modules are not part of the dependency graph or the size rules.
  const code = text.replace(/#\[cfg\(test\)\]\s*mod tests \{[\s\S]*$/m, '');
  const noComments = code.replace(/\/\/.*$/gm, '');
  const lines = code.split('\n');
  fileSizes.push([rel, lines.length]);
  if (lines.length > MAX_FILE && !ALLOWED_BIG.has(rel)) problems.push(`${rel}: ${lines.length} lines (max ${MAX_FILE})`);
  const from = topOf(f);
  for (const m of noComments.matchAll(/\bcrate::([a-z0-9_]+)/g)) {
    if (m[1] !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)).add(m[1]);
  }
  // Function lengths: from a `fn` line to the closing brace at its indentation.
  lines.forEach((line, i) => {
    const m = /^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:const\s+)?fn\s+([A-Za-z0-9_]+)/.exec(line);
    if (!m || line.trim().endsWith(';')) return;
    const indent = m[1];
    let j = i;
    while (j < lines.length && !(lines[j].startsWith(indent + '}') && lines[j].length - lines[j].trimStart().length === indent.length)) j++;
    const len = j - i + 1;
    fnSizes.push([`${rel}:${m[2]}`, len]);
    if (len > MAX_FN && !ALLOWED_LONG.has(`${rel}:${m[2]}`)) problems.push(`${rel}: fn ${m[2]} is ${len} lines (max ${MAX_FN})`);
  });
}

// Cycles between top-level modules (depth-first search).
const state = new Map();
function visit(n, path) {
  if (state.get(n) === 'done') return;
  if (state.get(n) === 'open') {
    problems.push(`import cycle: ${[...path.slice(path.indexOf(n)), n].join(' -> ')}`);
    return;
  }
  state.set(n, 'open');
  for (const m of edges.get(n) ?? []) visit(m, [...path, n]);
  state.set(n, 'done');
}
for (const n of edges.keys()) visit(n, []);

const dist = (sizes, bounds) => bounds.map((b, i) => `${i ? bounds[i - 1] + 1 : 1}-${b}: ${sizes.filter(([, l]) => l <= b && (i === 0 || l > bounds[i - 1])).length}`).join(', ');
console.log(`files: ${fileSizes.length} (${dist(fileSizes, [100, 200, 300, 400, 1e9])}); largest ${fileSizes.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, l]) => `${f} ${l}`).join(', ')}`);
console.log(`functions: ${fnSizes.length} (${dist(fnSizes, [10, 25, 40, 60, 1e9])}); longest ${fnSizes.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, l]) => `${f} ${l}`).join(', ')}`);
console.log(`module graph: ${[...edges].map(([k, v]) => `${k} -> ${[...v].sort().join(',')}`).sort().join('; ')}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
