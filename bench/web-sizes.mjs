#!/usr/bin/env node
// What each part of the web client costs a browser to load, compressed as the server sends it
// (gzip, level 6, as Vert.x compresses). Reads Vite's manifest of the last build
// (frontend/dist/.vite/manifest.json; build with `cd frontend && npm run build`), and writes a table
// between the web-sizes markers of docs/performance.md (or prints it with --print).
//
//   node bench/web-sizes.mjs [--print] [--dist frontend/dist] [--out docs/performance.md]
//
// A route costs the app's entry with everything it imports statically, plus the route's own
// chunk (a dynamic import) with everything that imports statically in turn.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = option('--dist', 'frontend/dist');
const out = option('--out', 'docs/performance.md');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`web-sizes: no ${manifestPath}; build the web client first (cd frontend && npm run build)`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(dist, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length });
  }
  return sizes.get(file);
}

/** The files a chunk brings with it: its own, its CSS, and every static import's, once. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}
function files(keys) {
  const all = new Set();
  for (const key of keys) {
    const chunk = manifest[key];
    all.add(chunk.file);
    for (const css of chunk.css ?? []) all.add(css);
  }
  return all;
}
function total(fileSet, kind) {
  let raw = 0;
  let gzip = 0;
  for (const file of fileSet) {
    if (kind && !file.endsWith(kind)) continue;
    raw += size(file).raw;
    gzip += size(file).gzip;
  }
  return { raw, gzip };
}
const kb = (n) => (n / 1024).toFixed(1);

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const shell = closure(entryKey);
const rows = [['the shell (every page)', files(shell)]];
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue;
  const keys = new Set([...shell, ...closure(key)]);
  rows.push([chunk.src ?? key, files(keys)]);
}

const lines = [
  '| what loads | script, compressed | script, raw | styles, compressed |',
  '|---|---:|---:|---:|',
  ...rows.map(([name, set]) => {
    const js = total(set, '.js');
    const css = total(set, '.css');
    return `| ${name} | ${kb(js.gzip)} KB | ${kb(js.raw)} KB | ${kb(css.gzip)} KB |`;
  }),
];
const table = lines.join('\n');
if (args.includes('--print')) {
  console.log(table);
} else {
  const doc = readFileSync(out, 'utf8');
  const begin = '<!-- web-sizes:begin -->';
  const end = '<!-- web-sizes:end -->';
  const stamp = `Measured by \`node bench/web-sizes.mjs\` on ${new Date().toISOString().slice(0, 10)} (gzip level 6, as served).`;
  const block = `${begin}\n${stamp}\n\n${table}\n${end}`;
  const next = doc.includes(begin)
    ? doc.slice(0, doc.indexOf(begin)) + block + doc.slice(doc.indexOf(end) + end.length)
    : `${doc.trimEnd()}\n\n## The web client's size\n\n${block}\n`;
  writeFileSync(out, next);
  console.log(table);
}
