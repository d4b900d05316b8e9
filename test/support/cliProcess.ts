/**
 * The `traguardo` command as its own process, straight from the TypeScript sources (each module
 * transpiled as it is required, the way ts-jest does), for what a test cannot do in its own
 * process: receive a signal, or run as another user.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');

export interface CliProcessOptions {
  env?: Record<string, string>;
  /**
   * Drop to this user and group (effective ids) once the sources are loaded: the command then
   * meets the file system as that user would, wherever the repository is checked out.
   */
  as?: { uid: number; gid: number };
}

function runnerScript(as: CliProcessOptions['as']): string {
  return [
    "const ts = require('typescript');",
    "const fs = require('fs');",
    "require.extensions['.ts'] = (m, f) => m._compile(ts.transpileModule(fs.readFileSync(f, 'utf8'), { fileName: f, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true } }).outputText, f);",
    `const { main } = require(${JSON.stringify(MAIN)});`,
    as ? `process.setegid(${as.gid}); process.seteuid(${as.uid});` : '',
    'main(process.argv.slice(1)).then((code) => { process.exitCode = code; });',
  ].join('\n');
}

export function spawnCli(args: string[], options: CliProcessOptions = {}): ChildProcess {
  return spawn(process.execPath, ['-e', runnerScript(options.as), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Resolves when the process ends, with everything it printed. */
export function finished(child: ChildProcess): Promise<Finished> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** Resolves once the process has printed `text` on stderr. */
export function printed(child: ChildProcess, text: string): Promise<void> {
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      if (err.includes(text)) resolve();
    });
    child.on('close', () => reject(new Error(`the process ended without printing «${text}»: ${err}`)));
  });
}
