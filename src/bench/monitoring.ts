/**
 * Issue 12's figures: on the benchmark workbook with four monitoring dates recorded in
 * `Monitoraggi` (560 000 rows), `traguardo monitora` (recording a date again, --sostituisci) and
 * `traguardo score --al` (computing as of a recorded date), each as a ratio to
 * `traguardo score --valori` on the same workbook (targets: at most 1,5 and 1,1).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface CliRun {
  ms: number;
  exit: number | null;
  rss: number;
}

export type RunCommand = (command: string, ...args: string[]) => Promise<CliRun>;

const DATES = ['31/03/2023', '30/06/2023', '30/09/2023', '31/12/2023'];

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function benchMonitoring(file: string, dir: string, run: RunCommand): Promise<void> {
  const history = path.join(dir, 'monitoraggi.xlsx');
  await fs.copyFile(file, history);
  const recorded: number[] = [];
  for (const date of DATES) {
    const step = await run('monitora', history, '--al', date);
    if (step.exit !== 0) throw new Error(`traguardo monitora --al ${date} è uscito con ${step.exit}`);
    recorded.push(step.ms);
  }
  const bytes = (await fs.stat(history)).size;
  console.log(`\nMonitoraggio: ${DATES.length} date registrate (${DATES.join(', ')}), ${(bytes / 1024 / 1024).toFixed(0)} MB`);
  console.log(`  registrazione delle date una dopo l’altra: ${recorded.map(s).join(', ')}`);
  const valued = await run('score', history, '--valori', '-o', path.join(dir, 'monitoraggi-valori.xlsx'));
  const asOf = await run('score', history, '--al', '30/06/2023', '-o', path.join(dir, 'monitoraggi-al.xlsx'));
  const again = await run('monitora', history, '--al', '31/12/2023', '--sostituisci', '-o', path.join(dir, 'monitoraggi-sostituito.xlsx'));
  for (const [name, r] of [['score --valori', valued], ['score --al', asOf], ['monitora --sostituisci', again]] as const) {
    if (r.exit !== 0 && r.exit !== 1) throw new Error(`traguardo ${name} è uscito con ${r.exit}`);
  }
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`  traguardo score --valori (con l’Andamento delle 4 date): ${s(valued.ms)}, picco RSS ${mb(valued.rss)}`);
  console.log(`  traguardo monitora --al 31/12/2023 --sostituisci: ${s(again.ms)}, rapporto ${(again.ms / valued.ms).toFixed(2)}   obiettivo ≤ 1,5`);
  console.log(`  traguardo score --al 30/06/2023: ${s(asOf.ms)}, rapporto ${(asOf.ms / valued.ms).toFixed(2)}   obiettivo ≤ 1,1`);
}
