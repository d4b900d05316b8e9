/**
 * LibreOffice Calc as an independent spreadsheet engine: `recalculateXlsx` has a headless
 * `soffice` open an .xlsx, recalculate every formula and save it again, so the cached results
 * of the returned file are LibreOffice's own. The benchmark and the end-to-end tests use it to
 * prove that the formulas Traguardo writes compute what the TypeScript engine computes.
 *
 * Node only, and a developer's tool: its errors are plain English.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, promises as fs, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** What a developer or a CI machine runs when `soffice` is missing (Debian; `.ci/run` does it). */
export const SOFFICE_INSTALL_HINT =
  'install LibreOffice Calc, e.g. on Debian: apt-get install --no-install-recommends libreoffice-calc-nogui';

/**
 * A small file takes 1–2 s, cold start included; 20 000 objectives each summing its indicators
 * with SUMIFS and COUNTIFS over 100 000 rows took two minutes on a 2-core machine.
 */
const DEFAULT_TIMEOUT_MS = 300_000;

/**
 * By default LibreOffice keeps the cached results of an OOXML file and recalculates nothing
 * (Tools ▸ Options ▸ Calc ▸ Formula ▸ "Recalculation on file load", Excel 2007 and newer:
 * "Never recalculate"). The setting lives at org.openoffice.Office.Calc/Formula/Load,
 * property OOXMLRecalcMode, whose values follow sc's ScRecalcOptions: 0 always, 1 never (the
 * default in officecfg's Calc.xcs), 2 ask. The profile below sets it to 0.
 */
const REGISTRY_MODIFICATIONS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The export filter of the .xlsx format, named so LibreOffice never picks another one. */
const XLSX_FILTER = 'xlsx:Calc MS Excel 2007 XML';

export interface RecalculateOptions {
  /** Kill LibreOffice and fail after this many milliseconds (default 5 minutes). */
  timeoutMs?: number;
  /** The `soffice` executable; by default the one `findSoffice` finds. */
  soffice?: string;
}

export interface Recalculation {
  /** The .xlsx as LibreOffice saved it: the same formulas, with LibreOffice's results cached. */
  output: Uint8Array;
  /** Wall-clock time of the LibreOffice run (start, load, recalculation, save, exit). */
  seconds: number;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The path of `soffice` (or of the `libreoffice` launcher) found on PATH, or null. */
export function findSoffice(): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isExecutableFile(file)) return file;
    }
  }
  return null;
}

/**
 * One user profile per process: creating it is most of a cold start, so it is made once and
 * kept for the runs that follow, until `disposeSofficeProfile` or the end of the process.
 */
let profile: Promise<string> | undefined;

/** Makes `dir` a LibreOffice profile that recalculates every formula of an .xlsx on load. */
export async function writeRecalculatingProfile(dir: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'user'), { recursive: true });
  await fs.writeFile(path.join(dir, 'user', 'registrymodifications.xcu'), REGISTRY_MODIFICATIONS);
}

async function createProfile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-soffice-profile-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await writeRecalculatingProfile(dir);
  return dir;
}

/**
 * Two LibreOffice processes cannot share a profile (the second hands its work to the first, or
 * refuses to start), so the runs of this process, and the removal of the profile, wait for
 * each other.
 */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Removes this process's profile once the runs already asked for are done; a later run makes a
 * new one. Jest needs it (its sandboxed `process` never emits 'exit'); a script may rely on the
 * removal at exit.
 */
export function disposeSofficeProfile(): Promise<void> {
  return enqueue(async () => {
    const current = profile;
    profile = undefined;
    if (current) await fs.rm(await current, { recursive: true, force: true });
  });
}

function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group: `soffice` is a launcher script, and a timeout must also end the
    // soffice.bin it started.
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group ended on its own meanwhile: nothing is left to stop.
      }
      reject(new Error(`LibreOffice did not finish within ${timeoutMs / 1000} s:\n${log}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`LibreOffice could not be started (${soffice}): ${error.message}; ${SOFFICE_INSTALL_HINT}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}

async function recalculateNow(input: Uint8Array, options: RecalculateOptions): Promise<Recalculation> {
  const soffice = options.soffice ?? findSoffice();
  if (soffice === null) throw new Error(`LibreOffice (soffice) is not on PATH: ${SOFFICE_INSTALL_HINT}`);
  profile ??= createProfile();
  const profileDir = await profile;
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-soffice-'));
  try {
    const source = path.join(work, 'workbook.xlsx');
    const outDir = path.join(work, 'out');
    await fs.writeFile(source, input);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      XLSX_FILTER,
      '--outdir',
      outDir,
      source,
    ];
    const start = performance.now();
    const { code, log } = await runSoffice(soffice, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const seconds = (performance.now() - start) / 1000;
    // A file it cannot load still ends with exit code 0, only without output: both are checked.
    const output = await fs.readFile(path.join(outDir, 'workbook.xlsx')).catch(() => null);
    if (code !== 0 || output === null) {
      throw new Error(`LibreOffice did not recalculate the workbook (exit code ${code ?? 'none'}):\n${log}`);
    }
    return { output, seconds };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Opens `input` (.xlsx bytes) in headless LibreOffice Calc with every formula recalculated on
 * load, and returns the file LibreOffice saves. Runs of one process are serialised.
 */
export function recalculateXlsx(input: Uint8Array, options: RecalculateOptions = {}): Promise<Recalculation> {
  return enqueue(() => recalculateNow(input, options));
}
