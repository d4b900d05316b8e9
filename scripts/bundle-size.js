// The task pane's start-up cost: the gzipped size of every script taskpane.html loads before the
// pane can render (the entry and its split chunks; office.js comes from Microsoft's CDN and lazy
// chunks load later, so neither counts). `npm run build` prints it and fails over the budget.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_BYTES = 350 * 1024;

/** Local scripts referenced by an HTML page of the build, in load order. */
function initialScripts(distDir, page) {
  const html = fs.readFileSync(path.join(distDir, page), 'utf8');
  const scripts = [];
  // The production page is minified: attribute values may be unquoted.
  for (const match of html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const src = match[1] ?? match[2] ?? match[3];
    if (!/^[a-z]+:\/\//i.test(src)) scripts.push(src.split(/[?#]/)[0]);
  }
  return scripts;
}

/** Gzipped size of each initial script of a page, as a static host would serve them. */
function gzippedSizes(distDir, page) {
  return initialScripts(distDir, page).map((file) => ({
    file,
    bytes: zlib.gzipSync(fs.readFileSync(path.join(distDir, file))).length,
  }));
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main() {
  const distDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
  const sizes = gzippedSizes(distDir, 'taskpane.html');
  const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  for (const { file, bytes } of sizes) console.log(`  ${file.padEnd(40)} ${kb(bytes).padStart(10)}`);
  console.log(
    `JavaScript iniziale del riquadro (gzip) / task pane initial JavaScript (gzip): ${kb(total)} ` +
      `(limite / budget ${kb(BUDGET_BYTES)})`,
  );
  if (total > BUDGET_BYTES) {
    console.error('Oltre il limite: ridurre le dipendenze caricate all’avvio. / Over budget: load less at start-up.');
    process.exitCode = 1;
  }
}

if (require.main === module) main();

module.exports = { BUDGET_BYTES, initialScripts, gzippedSizes };
