import { readFileSync } from 'fs';
import { join } from 'path';
import { DEV_BASE_URL, addinBaseUrl, rewriteManifestUrls } from '../../scripts/manifest-urls';

describe('ADDIN_BASE_URL', () => {
  it('keeps the development URL when it is not set, so a production build can be tried locally', () => {
    expect(addinBaseUrl(undefined)).toBe('https://localhost:3000/');
    expect(addinBaseUrl('')).toBe('https://localhost:3000/');
  });

  it('accepts an https URL ending with a slash, with or without a folder', () => {
    expect(addinBaseUrl('https://addin.example.org/')).toBe('https://addin.example.org/');
    expect(addinBaseUrl('https://example.org/uffici/traguardo/')).toBe('https://example.org/uffici/traguardo/');
  });

  it('refuses plain http, a missing final slash and text that is not a URL, saying what to write', () => {
    expect(() => addinBaseUrl('http://example.org/')).toThrow(/deve iniziare con https:\/\//);
    expect(() => addinBaseUrl('https://example.org/traguardo')).toThrow('usare «https://example.org/traguardo/»');
    expect(() => addinBaseUrl('example.org/traguardo/')).toThrow(/non è un indirizzo valido/);
  });
});

describe('rewriteManifestUrls', () => {
  const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

  it('moves every URL of the manifest to the base URL and changes nothing else', () => {
    const rewritten = rewriteManifestUrls(manifest, 'https://example.org/traguardo/');
    expect(rewritten).not.toContain(DEV_BASE_URL);
    expect(rewritten.split('https://example.org/traguardo/').length - 1).toBe(manifest.split(DEV_BASE_URL).length - 1);
    expect(rewritten.split('https://example.org/traguardo/').join(DEV_BASE_URL)).toBe(manifest);
  });
});
