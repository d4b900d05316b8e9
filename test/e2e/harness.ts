/**
 * What the end-to-end tests stand on: the preview page built by the project's own webpack
 * configuration, served over plain http on 127.0.0.1, and the system's Chromium driven by
 * playwright-core. Nothing here downloads a browser: the tests use the Debian `chromium` package
 * that `.ci/run` installs, and fail — never skip — when it is missing.
 */
import { promises as fs, existsSync } from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack, { type Configuration, type Stats } from 'webpack';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import { demoDocument } from '../../src/demo/demo';
import { run } from '../support/cliRun';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');

/** Where screenshots and other artefacts of a run go (gitignored). */
export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'e2e');

type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration>;

/**
 * Builds the preview page alone into `outputPath` with the project's webpack.config.js in
 * production mode. Minification is left out — it takes most of a production build's time and
 * changes no behaviour — and webpack's file cache makes a second local run quick.
 */
export async function buildPreview(outputPath: string): Promise<void> {
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const config = await makeConfig({ preview: true, outputPath }, { mode: 'production' });
  const stats = await new Promise<Stats>((resolve, reject) =>
    webpack(
      {
        ...config,
        optimization: { ...config.optimization, minimize: false },
        cache: { type: 'filesystem', cacheDirectory: path.join(ROOT, 'node_modules', '.cache', 'traguardo-e2e'), buildDependencies: { config: [path.join(ROOT, 'webpack.config.js')] } },
        infrastructureLogging: { level: 'error' },
      },
      (error, result) => (error || !result ? reject(error ?? new Error('webpack returned nothing')) : resolve(result)),
    ),
  );
  if (stats.hasErrors()) throw new Error(`the preview does not build:\n${stats.toString({ all: false, errors: true, errorDetails: false })}`);
  if (!existsSync(path.join(outputPath, 'preview.html'))) throw new Error(`the build wrote no preview.html in ${outputPath}`);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the files of `dir` on 127.0.0.1 at a free port; anything outside `dir` is a 404. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(root, `.${pathname === '/' ? '/preview.html' : pathname}`);
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    fs.readFile(file).then(
      (content) => response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(content),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * The system's Chromium, headless, with a fresh profile, an Italian locale (the pane starts in
 * Italian, as for an Italian Office) and the preview's design width.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the end-to-end tests drive the Debian chromium package. ` +
        `Install it with \`sudo apt-get install -y chromium\` (.ci/run does this in CI); these tests never skip.`,
    );
  }
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
    locale: 'it-IT',
    colorScheme: 'light',
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** The preview built into `dist`, served, and open in Chromium with the pane ready; the page's errors are collected. */
export interface OpenPreview {
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** How long the pane may take to show its first tab. */
  readyTimeout: number;
  /**
   * Whether console errors count as page errors too. Chromium asks every page for /favicon.ico,
   * which the preview has none to give: that request's error never counts.
   */
  consoleErrors: boolean;
}

export async function openPreview(dist: string, { readyTimeout, consoleErrors }: PreviewOptions): Promise<OpenPreview> {
  await buildPreview(dist);
  const server = await serveDirectory(dist);
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server.close();
  };
  try {
    browser = await launchChromium();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    if (consoleErrors) {
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) pageErrors.push(msg.text());
      });
    }
    await page.goto(`${server.url}/preview.html`);
    await page.getByTestId('tab-start').waitFor({ timeout: readyTimeout });
    return { page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The demo plan as the CLI writes it (`import`) into `work`, the file the preview opens, and the
 * CLI's `score --json` for it, the numbers the pane is held to. `-o` keeps the imported file as it
 * was: the preview opens the plan before any Calcola.
 */
export async function demoThroughCli(work: string): Promise<{ xlsx: string; results: ResultsDocument }> {
  const json = path.join(work, 'demo.json');
  const xlsx = path.join(work, 'demo.xlsx');
  await fs.writeFile(json, JSON.stringify(demoDocument()));
  const imported = await run('import', json, xlsx);
  if (imported.code !== 0) throw new Error(`traguardo import failed (${imported.code}): ${imported.err}`);
  return { xlsx, results: await scoreThroughCli(xlsx, '-o', path.join(work, 'scored.xlsx')) };
}

/** `traguardo score <xlsx> --json` and its results; `options` go before `--json`. */
export async function scoreThroughCli(xlsx: string, ...options: string[]): Promise<ResultsDocument> {
  // Exit 1 only says the plan has findings; 2 and 70 are a failed command.
  const scored = await run('score', xlsx, ...options, '--json');
  if (scored.code === 2 || scored.code === 70) throw new Error(`traguardo score failed (${scored.code}): ${scored.err}`);
  return JSON.parse(scored.out) as ResultsDocument;
}
