// `npm run report-pictures`: the README's pictures of the Relazione, from the demo plan. The CLI
// writes the demo workbook and its Relazione in a temporary folder, LibreOffice Writer converts
// the .docx to PDF and poppler's pdftoppm renders two pages (the summary, and an objective with
// its indicators and phases) as PNG into docs/. Run by hand when the report changes; tests never write into docs/.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'traguardo.js');
/** The pages shown: the first one holding each text (the summary; indicators with their notes, phases, objectives). */
const PAGES = [
  { text: 'Sintesi dei risultati', name: 'relazione-sintesi.png' },
  { text: 'Tempi medi pagamento', name: 'relazione-obiettivo.png' },
];

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command}: ${result.error.message} (apt-get install libreoffice-writer-nogui poppler-utils)`);
  // The demo plan keeps the source document's mistakes, so its commands exit 1.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result;
}

function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'traguardo-report-pictures-'));
  try {
    run(process.execPath, [CLI, 'demo', '--out', work]);
    const docx = path.join(work, 'relazione.docx');
    run(process.execPath, [CLI, 'relazione', path.join(work, 'traguardo-demo.xlsx'), '-o', docx]);
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx]);
    const pdf = path.join(work, 'relazione.pdf');
    // pdftotext separates pages with a form feed.
    const pages = run('pdftotext', [pdf, '-']).stdout.split('\f');
    for (const { text, name } of PAGES) {
      const page = String(pages.findIndex((p) => p.includes(text)) + 1);
      if (page === '0') throw new Error(`no page of the report holds «${text}»`);
      const prefix = path.join(work, `page-${page}`);
      run('pdftoppm', ['-png', '-r', '70', '-singlefile', '-f', page, '-l', page, pdf, prefix]);
      fs.copyFileSync(`${prefix}.png`, path.join(ROOT, 'docs', name));
      console.log(`docs/${name}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
