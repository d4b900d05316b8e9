/**
 * `npm run bench`: the figures of SPEC §7, measured on this machine.
 *  1. engine: read + validate + score of 20 000 objectives / 100 000 indicators / 40 000 phases
 *     (target < 1 s), with peak memory;
 *  2. xlsx: the same plan as a workbook; ExcelJS alone reading and writing it, against
 *     `traguardo score` on it (target ratio < 1.5).
 * Each timed step runs in a fresh state; engine steps are repeated and the median reported.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { score } from '../engine/score';
import { parseInterchange } from '../schema/interchange';
import { readPlan } from '../schema/read';
import { blockedRows } from '../validation/blocked';
import { validate } from '../validation/validate';
import { importChanges } from '../workbook/outputs';
import { XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';
import { generatePlan, SPEC_SIZE } from './generate';

const ENGINE_RUNS = 5;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function benchEngine(): Promise<void> {
  const raw = parseInterchange(generatePlan(SPEC_SIZE));
  const read: number[] = [];
  const check: number[] = [];
  const compute: number[] = [];
  const total: number[] = [];
  let heapPeak = 0;
  let findings = 0;
  for (let run = 0; run < ENGINE_RUNS; run++) {
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const { plan, findings: cellFindings } = readPlan(raw);
    const t1 = performance.now();
    const all = [...cellFindings, ...validate(plan)];
    const t2 = performance.now();
    score(plan, { blocked: blockedRows(all) });
    const t3 = performance.now();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
    read.push(t1 - t0);
    check.push(t2 - t1);
    compute.push(t3 - t2);
    total.push(t3 - t0);
    findings = all.length;
  }
  console.log(`Motore (${SPEC_SIZE.objectives} obiettivi, ${SPEC_SIZE.indicators} indicatori, ${SPEC_SIZE.phases} fasi; mediana di ${ENGINE_RUNS})`);
  console.log(`  lettura celle → piano   ${s(median(read))}`);
  console.log(`  verifica                ${s(median(check))}  (${findings} segnalazioni)`);
  console.log(`  calcolo                 ${s(median(compute))}`);
  console.log(`  verifica + calcolo      ${s(median(total))}   obiettivo < 1 s`);
  console.log(`  memoria (heap in più)   ${mb(heapPeak)}; picco RSS del processo ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

async function benchXlsx(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-bench-'));
  try {
    const file = path.join(dir, 'piano.xlsx');
    const created = await timed(async () => {
      const workbook = XlsxWorkbook.create();
      await workbook.apply(importChanges(parseInterchange(generatePlan(SPEC_SIZE)), 'it'));
      await workbook.save(file);
    });
    const bytes = (await fs.stat(file)).size;
    console.log(`\nCartella xlsx della stessa dimensione: ${mb(bytes)}, creata con traguardo import in ${s(created.ms)}`);

    // The CLI runs as its own process, as a user runs it, and before ExcelJS has filled this
    // process's heap with a workbook model of millions of cells.
    const cli = path.join(__dirname, '..', '..', 'bin', 'traguardo.js');
    const scored = await timed(() => spawnSync(process.execPath, [cli, 'score', file, '-o', path.join(dir, 'calcolato.xlsx')], { encoding: 'utf8' }));
    const exit = scored.value.status;
    if (exit !== 0 && exit !== 1) throw new Error(`traguardo score è uscito con ${exit}: ${scored.value.stderr}`);

    collectGarbage();
    const excelRead = await timed(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb;
    });
    const excelWrite = await timed(() => excelRead.value.xlsx.writeFile(path.join(dir, 'exceljs.xlsx')));
    const excelTotal = excelRead.ms + excelWrite.ms;
    console.log(`  ExcelJS da solo: lettura ${s(excelRead.ms)} + scrittura ${s(excelWrite.ms)} = ${s(excelTotal)}`);
    console.log(`  traguardo score (processo a sé: legge, verifica, calcola, scrive): ${s(scored.ms)}, uscita ${exit}`);
    console.log(`  rapporto score / ExcelJS lettura+scrittura: ${(scored.ms / excelTotal).toFixed(2)}   obiettivo < 1,5`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  console.log(`Traguardo bench — Node ${process.version}, ${os.cpus().length} core, ${mb(os.totalmem())} RAM\n`);
  await benchEngine();
  await benchXlsx();
}

run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
