/**
 * @jest-environment jsdom
 *
 * The production build, as `npm run build` makes it (webpack in production mode, ADDIN_BASE_URL
 * set), written to a temporary folder so that it never races another build into dist/.
 */
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { BUDGET_BYTES, gzippedSizes, initialScripts } from '../../scripts/bundle-size';
import { manifestUrls, parseManifest } from './manifestXml';

const root = join(__dirname, '..', '..');
const BASE_URL = 'https://addin.example.org/traguardo/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PAGES = ['taskpane.html', 'commands.html', 'preview.html'];

let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'traguardo-dist-'));
  await promisify(execFile)(
    process.execPath,
    [
      require.resolve('webpack-cli/bin/cli.js'),
      '--mode',
      'production',
      '--env',
      `outputPath=${dist}`,
      // A second local run reuses the compiled modules; CI starts from nothing either way.
      '--cache-type',
      'filesystem',
      '--cache-cache-directory',
      join(root, 'node_modules', '.cache', 'traguardo-build-test'),
    ],
    { cwd: root, env: { ...process.env, ADDIN_BASE_URL: BASE_URL }, maxBuffer: 64 * 1024 * 1024 },
  );
}, 300_000);

afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

function page(name: string): string {
  return readFileSync(join(dist, name), 'utf8');
}

describe('npm run build', () => {
  it('points every URL of the manifest at ADDIN_BASE_URL, each at a file of the build', () => {
    const urls = manifestUrls(parseManifest(page('manifest.xml')));
    const source = manifestUrls(parseManifest(readFileSync(join(root, 'manifest.xml'), 'utf8')));
    expect(urls).toEqual(source.map((url) => url.replace('https://localhost:3000/', BASE_URL)));
    const files = [...new Set(urls.map((url) => url.slice(BASE_URL.length)))].sort();
    expect(files).toEqual([
      'aiuto.html',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'commands.html',
      'taskpane.html',
    ]);
    for (const file of files) expect([file, existsSync(join(dist, file))]).toEqual([file, true]);
  });

  it('loads office.js from Microsoft in the task pane and the ribbon function file, and not in the preview', () => {
    expect(page('taskpane.html')).toContain(OFFICE_JS);
    expect(page('commands.html')).toContain(OFFICE_JS);
    expect(page('preview.html')).not.toMatch(/office\.js/i);
  });

  it('keeps the preview offline: nothing it loads comes from another host', () => {
    expect(page('preview.html')).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//i);
  });

  it('contains every script the pages load, at a relative URL', () => {
    for (const name of PAGES) {
      const scripts = initialScripts(dist, name);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect([name, script, existsSync(join(dist, script))]).toEqual([name, script, true]);
    }
    expect(initialScripts(dist, 'taskpane.html').some((s) => s.startsWith('taskpane.'))).toBe(true);
    expect(initialScripts(dist, 'commands.html').some((s) => s.startsWith('commands.'))).toBe(true);
    expect(initialScripts(dist, 'preview.html').some((s) => s.startsWith('preview.'))).toBe(true);
  });

  it('ships no source maps', () => {
    expect(readdirSync(dist).filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const script of initialScripts(dist, 'taskpane.html')) expect(page(script)).not.toContain('sourceMappingURL');
  });

  it('keeps the task pane’s initial JavaScript under 350 KB gzipped', () => {
    const total = gzippedSizes(dist, 'taskpane.html').reduce((sum, { bytes }) => sum + bytes, 0);
    expect(BUDGET_BYTES).toBe(350 * 1024);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });
});
