/**
 * `traguardo relazione` end to end: the CLI writes the .docx from a workbook the CLI imported,
 * LibreOffice Writer (headless) opens it and converts it to PDF, and the PDF's text (poppler's
 * pdftotext) holds every objective with the figures `score --json` gives for it, as the CLI prints
 * them. The workbook is read, never written.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import { demoDocument } from '../../src/demo/demo';
import type { JsonValue } from '../../src/schema/interchange';
import { typeMonitoringNote } from '../support/foreignWriters';
import { findSoffice, SOFFICE_INSTALL_HINT } from '../support/libreoffice';
import { run } from '../support/cliRun';

const EXCLUDED = 'T3';
const PDFTOTEXT = '/usr/bin/pdftotext';

let work: string;
let workbook: string;
let results: ResultsDocument;

/** As the CLI prints a grade: two decimals (the demo's Decimali), decimal comma. */
const printed = (g: number): string => (Math.round(g * 100 + 1e-9) / 100).toFixed(2).replace('.', ',');

function pdfText(docx: string): string {
  const soffice = findSoffice();
  if (soffice === null) throw new Error(`soffice is missing: ${SOFFICE_INSTALL_HINT} libreoffice-writer-nogui`);
  const profile = path.join(work, 'soffice-profile');
  const converted = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  if (converted.status !== 0) throw new Error(`LibreOffice failed (${converted.status}): ${converted.stderr}`);
  const text = spawnSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (text.error) throw new Error(`${PDFTOTEXT} is missing: apt-get install poppler-utils (.ci/run does it)`);
  return text.stdout;
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-relazione-'));
  const doc = demoDocument();
  for (const o of doc.objectives as { [key: string]: JsonValue }[]) {
    if (o.code === EXCLUDED) Object.assign(o, { excluded: true, excludedReason: 'Rinviato al 2024' });
  }
  const json = path.join(work, 'piano.json');
  workbook = path.join(work, 'piano.xlsx');
  await fs.writeFile(json, JSON.stringify(doc));
  expect((await run('import', json, workbook)).code).toBe(0);
  const scored = await run('score', workbook, '-o', path.join(work, 'calcolato.xlsx'), '--json');
  results = JSON.parse(scored.out) as ResultsDocument;
}, 60_000);

/** An objective's text in the PDF, from its heading to the next objective's, on one line. */
function objectiveText(text: string, code: string): string {
  const lines = text.split('\n');
  const heading = (l: string) => /^\s*\S+-\d+ — |^\s*T\d+ — /.test(l);
  const start = lines.findIndex((l) => l.trimStart().startsWith(`${code} — `));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && heading(l));
  return lines
    .slice(start, end < 0 ? lines.length : end)
    .join(' ')
    .replace(/\s+/g, ' ');
}

afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe('traguardo relazione', () => {
  test('writes a .docx that LibreOffice converts to PDF, with every objective and its figures from score --json; the workbook is untouched', async () => {
    const before = await fs.readFile(workbook);
    const docx = path.join(work, 'relazione.docx');
    const outcome = await run('relazione', workbook, '-o', docx);
    // The demo keeps the source document's real mistakes: errors, and the document all the same.
    expect(outcome.code).toBe(1);
    expect(outcome.out).toBe(`Relazione scritta in ${docx} (48 obiettivi).`);
    expect(Buffer.compare(await fs.readFile(workbook), before)).toBe(0);

    const text = pdfText(docx);
    const lines = text.split('\n');
    const objectives = results.objectives ?? [];
    const headingAt = (code: string): number => lines.findIndex((l) => l.trimStart().startsWith(`${code} — `));
    const starts = objectives.filter((o) => o.code !== EXCLUDED).map((o) => headingAt(o.code as string));
    expect(starts.every((s) => s >= 0)).toBe(true);
    expect(headingAt(EXCLUDED)).toBe(-1);
    const sorted = [...starts].sort((a, b) => a - b);
    let checked = 0;
    for (const o of objectives) {
      if (o.code === EXCLUDED) continue;
      const start = headingAt(o.code as string);
      const end = sorted.find((s) => s > start) ?? lines.length;
      const section = lines.slice(start, end).join('\n');
      if (o.finalGrade !== null) {
        expect(section).toContain(printed(o.finalGrade));
        checked++;
      }
      if (o.band !== null) expect(section).toContain(o.band.split(' ')[0]);
      if (o.status !== null) expect(section).toContain(o.status);
      for (const ind of (results.indicators ?? []).filter((i) => i.objective === o.code && i.grade !== null)) {
        expect(section).toContain(`${ind.code} `);
        expect(section).toContain(printed(ind.grade as number));
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(text).toContain(`Grado di raggiungimento dell’ente${' '}`);
    expect(text).toContain(printed(results.organization?.grade as number));
    expect(text).toContain('Allegato A — Obiettivi esclusi dalla valutazione');
    expect(text).toContain('Rinviato al 2024');
  }, 300_000);

  test('--per missione --lingua en: English chapters by mission and programme; --al a recorded date, with the Notas written in Monitoraggi at that date; a bad --per value or an unrecorded date is a usage error', async () => {
    const docx = path.join(work, 'report.docx');
    const outcome = await run('relazione', workbook, '-o', docx, '--per', 'missione', '--lingua', 'en');
    expect(outcome.out).toBe(`Report written to ${docx} (48 objectives).`);
    const text = pdfText(docx);
    expect(text).toContain('Objectives by mission and programme');
    expect(text).toContain('Mission 1 · Programme 2');
    expect(text).toContain('Annex A — Objectives excluded from evaluation');

    const recorded = path.join(work, 'monitorato.xlsx');
    await fs.copyFile(workbook, recorded);
    expect((await run('monitora', recorded, '--al', '30/06/2023')).code).not.toBe(2);
    expect((await run('monitora', recorded, '--al', '30/09/2023')).code).not.toBe(2);
    typeMonitoringNote(recorded, { date: '2023-06-30', kind: 'Indicatore', code: 'RIS-5.I1', note: 'Ruoli in ritardo' });
    typeMonitoringNote(recorded, { date: '2023-09-30', kind: 'Indicatore', code: 'RIS-5.I1', note: 'Ruoli consegnati' });
    const june = path.join(work, 'giugno.docx');
    expect((await run('relazione', recorded, '-o', june, '--al', '30/06/2023')).out).toBe(`Relazione scritta in ${june} (48 obiettivi).`);
    const juneText = pdfText(june);
    expect(juneText).toContain('Risultati alla data del 30/06/2023');
    // The Nota of that date under its objective; the other date's nowhere.
    expect(objectiveText(juneText, 'RIS-5')).toContain('Note del monitoraggio al 30/06/2023: RIS-5.I1: Ruoli in ritardo');
    expect(juneText).not.toContain('Ruoli consegnati');
    expect(juneText.match(/Note del monitoraggio/g)).toHaveLength(1);
    const unknown = await run('relazione', recorded, '-o', path.join(work, 'marzo.docx'), '--al', '31/03/2023');
    expect(unknown.code).toBe(2);

    const again = await run('relazione', workbook, '-o', docx);
    expect(again.code).toBe(2);
    const bad = await run('relazione', workbook, '-o', path.join(work, 'x.docx'), '--per', 'comune');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('Valore di --per non valido: «comune» (ammessi: unita, missione).');
  }, 300_000);
});
