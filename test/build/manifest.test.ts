/**
 * @jest-environment jsdom
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CHECK_ACTION, COMPUTE_ACTION } from '../../src/commands/commands';
import { REQUIRED_EXCEL_API } from '../../src/workbook/office/requirements';
import { BT_NS, child, childElements, elements, manifestUrls, only, parseManifest, xsiType } from './manifestXml';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const doc = parseManifest(xml);
const officeApp = doc.documentElement;
const versionOverrides = only(doc, 'VersionOverrides');
const resources = only(versionOverrides, 'Resources');

/** Resource id → the kind of resource it is (Images, Urls, ShortStrings, LongStrings). */
const resourceKinds = new Map<string, string>();
for (const group of childElements(resources)) {
  for (const resource of childElements(group)) resourceKinds.set(resource.getAttribute('id') ?? '', group.localName);
}

function resourceValue(resid: string): string {
  const resource = Array.from(resources.getElementsByTagNameNS(BT_NS, '*')).find((e) => e.getAttribute('id') === resid);
  return resource?.getAttribute('DefaultValue') ?? '';
}

/** What a PNG file says its size is (IHDR width and height). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel workbooks that reads and writes the document', () => {
    expect(officeApp.localName).toBe('OfficeApp');
    expect(xsiType(officeApp)).toBe('TaskPaneApp');
    expect(elements(child(officeApp, 'Hosts'), 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(child(officeApp, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('has the top-level elements in the order of the OfficeApp schema', () => {
    expect(childElements(officeApp).map((e) => e.localName)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
  });

  it('keeps the add-in id and follows the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(child(officeApp, 'Id').textContent).toBe('5b0f3c1e-7d2a-4c8e-9a61-3f2d8e4b7c90');
    expect(child(officeApp, 'Version').textContent).toBe(`${pkg.version}.0`);
  });

  it('requires the ExcelApi set the Office adapter declares as the lowest it needs', () => {
    const sets = elements(child(officeApp, 'Requirements'), 'Set');
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', REQUIRED_EXCEL_API]]);
  });

  it('speaks Italian by default and English in en-US, for the name, the description and every ribbon string', () => {
    expect(child(officeApp, 'DefaultLocale').textContent).toBe('it-IT');
    for (const name of ['DisplayName', 'Description']) {
      const overrides = elements(child(officeApp, name), 'Override');
      expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
      expect(overrides[0].getAttribute('Value')).not.toBe('');
    }
    const strings = [...elements(only(resources, 'ShortStrings'), 'String'), ...elements(only(resources, 'LongStrings'), 'String')];
    expect(strings).toHaveLength(9);
    for (const string of strings) {
      const overrides = childElements(string);
      expect([string.getAttribute('id'), overrides.map((o) => [o.namespaceURI, o.localName, o.getAttribute('Locale')])]).toEqual([
        string.getAttribute('id'),
        [[BT_NS, 'Override', 'en-US']],
      ]);
      expect(overrides[0].getAttribute('Value')).not.toBe('');
    }
  });

  it('keeps ribbon strings within the schema limits (short 125, long 250 characters)', () => {
    for (const [kind, limit] of [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ] as const) {
      for (const string of elements(only(resources, kind), 'String')) {
        const texts = [string.getAttribute('DefaultValue') ?? '', ...childElements(string).map((o) => o.getAttribute('Value') ?? '')];
        for (const text of texts) expect(text.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('adds a Traguardo group to the Home tab with Apri pannello, Verifica and Calcola', () => {
    expect(xsiType(versionOverrides)).toBe('VersionOverridesV1_0');
    const host = only(versionOverrides, 'Host');
    expect(xsiType(host)).toBe('Workbook');
    const tab = only(host, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = only(tab, 'Group');
    expect(resourceValue(child(group, 'Label').getAttribute('resid') ?? '')).toBe('Traguardo');

    const controls = childElements(group).filter((e) => e.localName === 'Control');
    const described = controls.map((control) => {
      const action = child(control, 'Action');
      const label = child(control, 'Label');
      const target =
        xsiType(action) === 'ShowTaskpane'
          ? resourceValue(only(action, 'SourceLocation').getAttribute('resid') ?? '')
          : only(action, 'FunctionName').textContent;
      return [xsiType(control), resourceValue(label.getAttribute('resid') ?? ''), xsiType(action), target];
    });
    expect(described).toEqual([
      ['Button', 'Apri pannello', 'ShowTaskpane', 'https://localhost:3000/taskpane.html'],
      ['Button', 'Verifica', 'ExecuteFunction', 'traguardoVerifica'],
      ['Button', 'Calcola', 'ExecuteFunction', 'traguardoCalcola'],
    ]);
    // The names the function file registers with Office.actions.associate.
    expect([CHECK_ACTION, COMPUTE_ACTION]).toEqual(['traguardoVerifica', 'traguardoCalcola']);
    expect(resourceValue(only(host, 'FunctionFile').getAttribute('resid') ?? '')).toBe('https://localhost:3000/commands.html');
    expect(child(child(officeApp, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });

  it('gives the group and every control 16, 32 and 80 px icons', () => {
    const withIcons = [only(versionOverrides, 'Group'), ...elements(versionOverrides, 'Control')];
    for (const element of withIcons) {
      const icon = child(element, 'Icon');
      const images = childElements(icon).map((image) => [image.getAttribute('size'), resourceValue(image.getAttribute('resid') ?? '')]);
      expect(images).toEqual([
        ['16', 'https://localhost:3000/assets/icon-16.png'],
        ['32', 'https://localhost:3000/assets/icon-32.png'],
        ['80', 'https://localhost:3000/assets/icon-80.png'],
      ]);
    }
    expect(child(officeApp, 'IconUrl').getAttribute('DefaultValue')).toBe('https://localhost:3000/assets/icon-32.png');
    expect(child(officeApp, 'HighResolutionIconUrl').getAttribute('DefaultValue')).toBe('https://localhost:3000/assets/icon-64.png');
  });

  it('points at icons of the project that have the size their name says', () => {
    const icons = manifestUrls(doc).filter((url) => url.endsWith('.png'));
    expect(new Set(icons)).toEqual(
      new Set([16, 32, 64, 80].map((size) => `https://localhost:3000/assets/icon-${size}.png`)),
    );
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(join(root, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('has unique ids for the group, the controls and the resources, each at most 32 characters', () => {
    const ids = Array.from(versionOverrides.getElementsByTagName('*'))
      .filter((e) => e.localName !== 'OfficeTab' && e.hasAttribute('id'))
      .map((e) => e.getAttribute('id') as string);
    expect(ids.length).toBe(19);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('resolves every resid to a resource of the right kind, and uses every resource', () => {
    const expectedKind: Record<string, string> = {
      Image: 'Images',
      SourceLocation: 'Urls',
      FunctionFile: 'Urls',
      LearnMoreUrl: 'Urls',
      Label: 'ShortStrings',
      Title: 'ShortStrings',
      Description: 'LongStrings',
    };
    const used = new Set<string>();
    for (const element of Array.from(versionOverrides.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'))) {
      const resid = element.getAttribute('resid') as string;
      expect([element.localName, resid, resourceKinds.get(resid)]).toEqual([element.localName, resid, expectedKind[element.localName]]);
      used.add(resid);
    }
    expect([...resourceKinds.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it('uses only https URLs, all on the development server until the build rewrites them', () => {
    const urls = manifestUrls(doc);
    expect(urls.length).toBe(10);
    for (const url of urls) expect(url.startsWith('https://localhost:3000/')).toBe(true);
  });
});
