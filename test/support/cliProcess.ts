/**
 * The CLI in a process of its own, from the TypeScript sources (no build needed: each module is
 * transpiled as it is required), for what a test cannot do in its own process: bound what a
 * command costs (exit code, output, wall time, peak resident memory as the operating system
 * counts it), send it a signal, or run it as another user.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MARKER = 'TRAGUARDO_CHILD';

/**
 * Registers a `.ts` loader (TypeScript's transpiler, no type checking), optionally drops to
 * another user, runs `main`, reports the peak RSS.
 */
function childScript(as: SpawnOptions['as']): string {
  return `
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (module, file) => {
  const source = fs.readFileSync(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
  });
  module._compile(outputText, file);
};
const { main } = require(process.env.TRAGUARDO_CLI_MAIN);
${as ? `process.setegid(${as.gid}); process.seteuid(${as.uid});` : ''}
const started = Date.now();
main(process.argv.slice(1)).then((code) => {
  process.stderr.write('\\n${MARKER} ' + JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms: Date.now() - started }) + '\\n');
  process.exitCode = code;
});
`;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /**
   * Drop to this user and group (effective ids) once the sources are loaded: the command then
   * meets the file system as that user would, wherever the repository is checked out.
   */
  as?: { uid: number; gid: number };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** Standard error without the measurement line. */
  stderr: string;
  /** Peak resident memory of the process, in MB (undefined when the command did not finish). */
  peakMb?: number;
  /** Time spent in `main`, in milliseconds. */
  ms?: number;
}

/** Starts `traguardo <args>`; `finished` collects its outcome. */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['-e', childScript(options.as), ...args], {
    cwd: ROOT,
    env: { ...process.env, TRAGUARDO_CLI_MAIN: path.join(ROOT, 'src', 'cli', 'main.ts'), TRAGUARDO_LANG: 'it', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the process ends, with what it printed and what it cost. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const marker = new RegExp(`\\n${MARKER} (\\{.*\\})\\n?$`).exec(stderr);
      const measured = marker ? (JSON.parse(marker[1]) as { maxRssKb: number; ms: number }) : undefined;
      resolve({
        code,
        signal,
        stdout,
        stderr: marker ? stderr.slice(0, marker.index) : stderr,
        peakMb: measured && measured.maxRssKb / 1024,
        ms: measured?.ms,
      });
    });
  });
}

/** Resolves once the process has printed `text` on stderr. */
export function printed(child: ChildProcess, text: string): Promise<void> {
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes(text)) resolve();
    });
    child.on('close', () => reject(new Error(`the process ended without printing «${text}»: ${stderr}`)));
  });
}

/** Runs `traguardo <args>` in a child process; kills it after `timeoutMs`. */
export async function runCli(args: readonly string[], timeoutMs = 60_000): Promise<CliRun> {
  const child = spawnCli(args);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await finished(child);
  } finally {
    clearTimeout(timer);
  }
}
