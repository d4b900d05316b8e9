/**
 * The CLI in a process of its own, from the TypeScript sources (no build needed: each module is
 * transpiled as it is required), so a test can bound what a command costs: its exit code, its
 * output, its wall time and its peak resident memory as the operating system counts it.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Registers a `.ts` loader (TypeScript's transpiler, no type checking), runs `main`, reports the peak RSS. */
const CHILD = `
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
const started = Date.now();
main(process.argv.slice(1)).then((code) => {
  process.stderr.write('\\nTRAGUARDO_CHILD ' + JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms: Date.now() - started }) + '\\n');
  process.exitCode = code;
});
`;

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

/** Runs `traguardo <args>` in a child process; kills it after `timeoutMs`. */
export function runCli(args: readonly string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, ...args], {
      cwd: ROOT,
      env: { ...process.env, TRAGUARDO_CLI_MAIN: path.join(ROOT, 'src', 'cli', 'main.ts'), TRAGUARDO_LANG: 'it' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const marker = /\nTRAGUARDO_CHILD (\{.*\})\n?$/.exec(stderr);
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
