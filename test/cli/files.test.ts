/**
 * The command never destroys a user's file: it replaces one only when asked or when updating it
 * in place, writes atomically with the old file's mode, owner and symlink, refuses read-only
 * files, leaves no temporary file behind, and answers an unusable path with exit 2.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { PAUSED_MARKER, PAUSE_BEFORE_RENAME_ENV } from '../../src/cli/files';
import { finished, printed, spawnCli } from '../support/cliProcess';
import { run } from '../support/cliRun';
import { changedParts, packageParts } from '../support/package';

const fixturePath = (name: string): string => path.join(__dirname, '..', 'fixtures', `${name}.json`);
const CALENZANO = fixturePath('calenzano-2023');
const CAPANNORI = fixturePath('capannori-2023');

interface Plan {
  units: { code: string }[];
  objectives: { code: string }[];
  indicators: unknown[];
  phases: unknown[];
  bands?: { from: number; label: string }[];
  rules?: Record<string, unknown>;
  criteria?: unknown[];
}
const fixture = (file: string): Plan => JSON.parse(readFileSync(file, 'utf8')) as Plan;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-files-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let counter = 0;
/** A fresh folder per test, so that «no temporary file left» looks at this test's writes only. */
async function folder(): Promise<string> {
  const sub = path.join(dir, `t${++counter}`);
  await fs.mkdir(sub);
  return sub;
}

const sha = async (f: string): Promise<string> => createHash('sha256').update(await fs.readFile(f)).digest('hex');

/** Every file of the folder whose name says it is a temporary file. */
async function leftovers(where: string): Promise<string[]> {
  return (await fs.readdir(where)).filter((name) => /tmp/i.test(name));
}

/** A workbook of the user's own, written by ExcelJS: a sheet of notes with a formula. */
async function userWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Appunti');
  sheet.getCell('A1').value = 'Riunione NdV';
  sheet.getCell('B2').value = 42;
  sheet.getCell('C2').value = { formula: 'B2*2', result: 84 };
  await wb.xlsx.writeFile(file);
}

async function exported(xlsx: string): Promise<Plan> {
  const json = `${xlsx}.json`;
  await fs.rm(json, { force: true });
  expect((await run('export', xlsx, json)).code).toBe(0);
  return JSON.parse(await fs.readFile(json, 'utf8')) as Plan;
}

const codes = (rows: { code: string }[]): string[] => rows.map((r) => r.code);

describe('a file is replaced only when the user asks', () => {
  test('template refuses an existing workbook and points to init', async () => {
    const where = await folder();
    const plan = path.join(where, 'piano.xlsx');
    await run('import', CALENZANO, plan);
    const before = await sha(plan);
    const result = await run('template', plan);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`Il file ${plan} esiste già e «template» crea solo file nuovi: per aggiungere i fogli di Traguardo a una cartella di lavoro esistente usare «traguardo init ${plan}».`);
    expect(await sha(plan)).toBe(before);
    expect(await leftovers(where)).toEqual([]);
  });

  test('import into an existing workbook needs --sostituisci', async () => {
    const where = await folder();
    const book = path.join(where, 'mio.xlsx');
    await userWorkbook(book);
    const before = await sha(book);
    const result = await run('import', CALENZANO, book);
    expect(result.code).toBe(2);
    expect(result.err).toContain('aggiungere --sostituisci');
    expect(await sha(book)).toBe(before);
  });

  test('import --sostituisci loads the plan beside the user’s sheet, which stays byte for byte', async () => {
    const where = await folder();
    const book = path.join(where, 'mio.xlsx');
    await userWorkbook(book);
    const original = packageParts(book);
    const result = await run('import', CALENZANO, book, '--sostituisci');
    expect(result.code).toBe(0);
    const { units, objectives, indicators, phases } = fixture(CALENZANO);
    expect([units.length, objectives.length, indicators.length, phases.length]).toEqual([11, 48, 150, 188]);
    expect(result.out).toBe(`Piano caricato in ${book}: 11 strutture, 48 obiettivi, 150 indicatori, 188 fasi. Gli altri fogli sono rimasti come erano.`);
    expect(changedParts(original, packageParts(book))).toEqual([]);
    expect(codes((await exported(book)).objectives)).toEqual(codes(fixture(CALENZANO).objectives));
  });

  test('a second import --replace replaces the Traguardo tables’ rows, it does not append to them', async () => {
    const where = await folder();
    const book = path.join(where, 'mio.xlsx');
    await userWorkbook(book);
    const original = packageParts(book);
    expect((await run('import', CALENZANO, book, '--sostituisci')).code).toBe(0);
    expect((await run('import', CAPANNORI, book, '--replace')).code).toBe(0);
    const plan = await exported(book);
    expect(codes(plan.objectives)).toEqual(codes(fixture(CAPANNORI).objectives));
    expect(codes(plan.units)).toEqual(codes(fixture(CAPANNORI).units));
    expect(changedParts(original, packageParts(book))).toEqual([]);
  });

  test('export never writes over its input, not even through a symlink or with --sostituisci', async () => {
    const where = await folder();
    const book = path.join(where, 'w.xlsx');
    await run('import', CALENZANO, book);
    const link = path.join(where, 'link.json');
    await fs.symlink('w.xlsx', link);
    const before = await sha(book);
    for (const out of [book, link]) {
      const result = await run('export', book, out, '--sostituisci');
      expect(result.code).toBe(2);
      expect(result.err).toBe(`Il file da scrivere ${out} è il file di partenza: indicare un altro file.`);
    }
    expect(await sha(book)).toBe(before);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  });

  test('export replaces an existing JSON file only with --sostituisci', async () => {
    const where = await folder();
    const book = path.join(where, 'w.xlsx');
    const json = path.join(where, 'w.json');
    await run('import', CALENZANO, book);
    await fs.writeFile(json, '{"mio": true}');
    const refused = await run('export', book, json);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`Il file ${json} esiste già: aggiungere --sostituisci per sostituirlo, oppure indicare un altro file.`);
    expect(await fs.readFile(json, 'utf8')).toBe('{"mio": true}');
    expect((await run('export', book, json, '--sostituisci')).code).toBe(0);
    expect(codes((JSON.parse(await fs.readFile(json, 'utf8')) as Plan).objectives)).toEqual(codes(fixture(CALENZANO).objectives));
  });

  test('score -o replaces another existing file only with --sostituisci; -o naming the input is in place', async () => {
    const where = await folder();
    const book = path.join(where, 'w.xlsx');
    const other = path.join(where, 'altro.xlsx');
    await run('import', CALENZANO, book);
    await userWorkbook(other);
    const before = await sha(other);
    expect((await run('score', book, '-o', other)).code).toBe(2);
    expect(await sha(other)).toBe(before);
    expect((await run('score', book, '-o', other, '--sostituisci')).code).toBe(1);
    expect(packageParts(other).has('xl/worksheets/sheet1.xml')).toBe(true);
    expect(await sha(other)).not.toBe(before);
    const inPlace = await run('score', book, '-o', path.join(where, '.', 'w.xlsx'));
    expect(inPlace.code).toBe(1);
  });
});

describe('traguardo init', () => {
  test('adds the Traguardo sheets to a workbook of the user’s, keeping its parts byte for byte', async () => {
    const where = await folder();
    const book = path.join(where, 'mio.xlsx');
    await userWorkbook(book);
    const original = packageParts(book);
    const result = await run('init', book, '--anno', '2026');
    expect(result.code).toBe(0);
    expect(result.out).toBe(`Aggiunti a ${book} i fogli di Traguardo; gli altri fogli sono rimasti come erano.`);
    expect(changedParts(original, packageParts(book))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Appunti', 'Strutture', 'Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Personale', 'Monitoraggi', 'Regole']);
    expect(wb.getWorksheet('Appunti')?.getCell('C2').result).toBe(84);
    expect((await run('validate', book)).code).toBe(0);
  });

  test('a second init finds nothing to add and leaves the file alone', async () => {
    const where = await folder();
    const book = path.join(where, 'mio.xlsx');
    await userWorkbook(book);
    await run('init', book);
    const before = await fs.stat(book);
    const hash = await sha(book);
    const result = await run('init', book);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${book} ha già tutti i fogli e le colonne di Traguardo: nessuna modifica.`);
    expect(await sha(book)).toBe(hash);
    expect((await fs.stat(book)).mtimeMs).toBe(before.mtimeMs);
  });

  test('completes a partial plan: its rows and the user’s own column stay', async () => {
    const where = await folder();
    const book = path.join(where, 'parziale.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Strutture').addTable({
      name: 'Strutture',
      ref: 'A1',
      columns: [{ name: 'Codice' }, { name: 'Denominazione' }, { name: 'Nota mia' }],
      rows: [
        ['SG', 'Segreteria generale', 'da rivedere'],
        ['RAG', 'Ragioneria', null],
      ],
    });
    await wb.xlsx.writeFile(book);
    const result = await run('init', book);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Aggiunti a .* le tabelle, le colonne e le righe predefinite di Traguardo che mancavano \(\d+ tabelle\); nulla è stato spostato o cancellato\.$/);
    const plan = await exported(book);
    expect(codes(plan.units)).toEqual(['SG', 'RAG']);
    // The rules, bands and criteria that apply are rows a user sees and edits.
    expect(plan.bands?.map((b) => [b.from, b.label])).toEqual([[0, 'Non raggiunto'], [60, 'Parzialmente raggiunto'], [90, 'Raggiunto']]);
    expect(plan.rules?.decimals).toBe(2);
    expect(plan.criteria).toHaveLength(3);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(book);
    const header = after.getWorksheet('Strutture')?.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Codice', 'Denominazione', 'Nota mia']);
    expect(after.getWorksheet('Strutture')?.getCell('C2').value).toBe('da rivedere');
  });

  test('a missing file: exit 2, pointing to template', async () => {
    const book = path.join(await folder(), 'nuovo.xlsx');
    const result = await run('init', book);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`File non trovato: ${book}. «init» aggiorna una cartella di lavoro esistente; per crearne una nuova usare «traguardo template ${book}».`);
    const english = await run('init', book, '--lingua', 'en');
    expect(english.err).toBe(`File not found: ${book}. «init» updates an existing workbook; to create a new one, run «traguardo template ${book}».`);
    await expect(fs.stat(book)).rejects.toThrow();
  });
});

describe('writing in place keeps what the file was', () => {
  test('mode 600 stays 600, and owner and group stay a non-root user’s', async () => {
    const where = await folder();
    const book = path.join(where, 'personale.xlsx');
    await run('import', CALENZANO, book);
    await fs.chmod(book, 0o600);
    await fs.chown(book, 1234, 5678);
    const before = await sha(book);
    expect((await run('score', book)).code).toBe(1);
    const after = await fs.stat(book);
    expect(await sha(book)).not.toBe(before);
    expect(after.mode & 0o7777).toBe(0o600);
    expect([after.uid, after.gid]).toEqual([1234, 5678]);
    expect(await leftovers(where)).toEqual([]);
  });

  test('a group-readable 640 file stays 640 after init and import --sostituisci', async () => {
    const where = await folder();
    const book = path.join(where, 'mio.xlsx');
    await userWorkbook(book);
    await fs.chmod(book, 0o640);
    expect((await run('init', book)).code).toBe(0);
    expect((await fs.stat(book)).mode & 0o7777).toBe(0o640);
    expect((await run('import', CALENZANO, book, '--sostituisci')).code).toBe(0);
    expect((await fs.stat(book)).mode & 0o7777).toBe(0o640);
  });

  test('a new file gets the mode the umask gives, never more', async () => {
    const where = await folder();
    const previous = process.umask(0o027);
    try {
      expect((await run('template', path.join(where, 'nuovo.xlsx'))).code).toBe(0);
      expect((await run('export', path.join(where, 'nuovo.xlsx'), path.join(where, 'nuovo.json'))).code).toBe(0);
    } finally {
      process.umask(previous);
    }
    expect((await fs.stat(path.join(where, 'nuovo.xlsx'))).mode & 0o7777).toBe(0o640);
    expect((await fs.stat(path.join(where, 'nuovo.json'))).mode & 0o7777).toBe(0o640);
  });

  test('a symlink stays a symlink and its target gets the results', async () => {
    const where = await folder();
    await fs.mkdir(path.join(where, 'dati'));
    const target = path.join(where, 'dati', 'piano.xlsx');
    const link = path.join(where, 'piano.xlsx');
    await run('import', CALENZANO, target);
    await fs.symlink(path.join('dati', 'piano.xlsx'), link);
    expect((await run('score', link)).code).toBe(1);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(path.join('dati', 'piano.xlsx'));
    expect(packageParts(target).has('xl/worksheets/sheet8.xml')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.getWorksheet('Riepilogo')).toBeDefined();
    expect(await leftovers(where)).toEqual([]);
    expect(await leftovers(path.join(where, 'dati'))).toEqual([]);
  });

  test('a chain of symlinks is followed to the file; a dangling one names the file to create', async () => {
    const where = await folder();
    const book = path.join(where, 'piano.xlsx');
    await run('import', CALENZANO, book);
    await fs.symlink('piano.xlsx', path.join(where, 'primo.xlsx'));
    await fs.symlink('primo.xlsx', path.join(where, 'secondo.xlsx'));
    expect((await run('score', path.join(where, 'secondo.xlsx'))).code).toBe(1);
    expect([(await fs.lstat(path.join(where, 'primo.xlsx'))).isSymbolicLink(), (await fs.lstat(path.join(where, 'secondo.xlsx'))).isSymbolicLink()]).toEqual([true, true]);
    expect(packageParts(book).has('xl/worksheets/sheet8.xml')).toBe(true);

    await fs.symlink('nuovo.json', path.join(where, 'collegamento.json'));
    expect((await run('export', book, path.join(where, 'collegamento.json'))).code).toBe(0);
    expect((await fs.lstat(path.join(where, 'collegamento.json'))).isSymbolicLink()).toBe(true);
    expect(codes((JSON.parse(await fs.readFile(path.join(where, 'nuovo.json'), 'utf8')) as Plan).objectives)).toEqual(codes(fixture(CALENZANO).objectives));
    expect(await leftovers(where)).toEqual([]);
  });

  test('a read-only (0444) file is refused by every command that would write it, and stays as it was', async () => {
    const where = await folder();
    const book = path.join(where, 'chiuso.xlsx');
    const json = path.join(where, 'chiuso.json');
    await run('import', CALENZANO, book);
    await run('export', book, json);
    await fs.chmod(book, 0o444);
    await fs.chmod(json, 0o444);
    const before = await sha(book);
    const jsonBefore = await sha(json);
    const writers = [
      ['score', book],
      ['score', book, '--valori', '--json'],
      ['init', book],
      ['import', CAPANNORI, book, '--sostituisci'],
      ['export', book, json, '--sostituisci'],
    ];
    for (const argv of writers) {
      const result = await run(...argv);
      const refused = argv[0] === 'export' ? json : book;
      expect([argv.join(' '), result.code, result.err]).toEqual([
        argv.join(' '),
        2,
        `Il file ${refused} è di sola lettura: Traguardo non lo modifica. Renderlo scrivibile, oppure scrivere in un altro file.`,
      ]);
    }
    expect(await sha(book)).toBe(before);
    expect(await sha(json)).toBe(jsonBefore);
    expect((await run('score', book, '-o', path.join(where, 'copia.xlsx'))).code).toBe(1);
  });

  test('as an unprivileged user, another user’s file in the user’s own folder is not replaced', async () => {
    // The folder is the user's, so a rename over the file would succeed: only the check stops it.
    const where = await folder();
    await fs.chmod(dir, 0o755);
    await fs.chown(where, 65534, 65534);
    const book = path.join(where, 'di-root.xlsx');
    await run('import', CALENZANO, book);
    await fs.chmod(book, 0o644);
    const before = await sha(book);
    const result = await finished(spawnCli(['score', book], { as: { uid: 65534, gid: 65534 } }));
    expect([result.code, result.stderr]).toEqual([2, `Il file ${book} è di sola lettura: Traguardo non lo modifica. Renderlo scrivibile, oppure scrivere in un altro file.\n`]);
    expect(await sha(book)).toBe(before);
    expect((await fs.stat(book)).uid).toBe(0);
  }, 60_000);

  test('an output folder that does not exist: exit 2, nothing written', async () => {
    const where = await folder();
    const out = path.join(where, 'manca', 'nuovo.xlsx');
    const result = await run('template', out);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`Impossibile scrivere ${out}: la cartella ${path.join(where, 'manca')} non esiste.`);
  });
});

describe('an unusable path gives exit 2 and one line, for every command', () => {
  let where: string;
  let plan: string;
  let folderPath: string;
  let missing: string;
  beforeAll(async () => {
    where = await folder();
    plan = path.join(where, 'piano.xlsx');
    await run('import', CALENZANO, plan);
    folderPath = path.join(where, 'cartella.xlsx');
    await fs.mkdir(folderPath);
    missing = path.join(where, 'manca.xlsx');
  });

  const cases: [string, (paths: { plan: string; folder: string; missing: string }) => string[], 'folder' | 'missing'][] = [
    ['template onto a folder', (p) => ['template', p.folder], 'folder'],
    ['init of a folder', (p) => ['init', p.folder], 'folder'],
    ['import from a folder', (p) => ['import', p.folder, p.missing], 'folder'],
    ['import from a missing file', (p) => ['import', p.missing, path.join(path.dirname(p.missing), 'x.xlsx')], 'missing'],
    ['import onto a folder', (p) => ['import', CALENZANO, p.folder, '--sostituisci'], 'folder'],
    ['export of a folder', (p) => ['export', p.folder, path.join(path.dirname(p.folder), 'x.json')], 'folder'],
    ['export of a missing file', (p) => ['export', p.missing, path.join(path.dirname(p.missing), 'x.json')], 'missing'],
    ['export onto a folder', (p) => ['export', p.plan, p.folder, '--sostituisci'], 'folder'],
    ['validate of a folder', (p) => ['validate', p.folder], 'folder'],
    ['validate of a missing file', (p) => ['validate', p.missing], 'missing'],
    ['score of a folder', (p) => ['score', p.folder], 'folder'],
    ['score of a missing file', (p) => ['score', p.missing], 'missing'],
    ['score onto a folder', (p) => ['score', p.plan, '-o', p.folder, '--sostituisci'], 'folder'],
  ];

  test.each(cases)('%s', async (_label, argv, kind) => {
    const paths = { plan, folder: folderPath, missing };
    const before = await sha(plan);
    const italian = await run(...argv(paths));
    const english = await run(...argv(paths), '--lingua', 'en');
    expect([italian.code, english.code]).toEqual([2, 2]);
    if (kind === 'folder') {
      expect(italian.err).toBe(`${folderPath} è una cartella, non un file: indicare il percorso di un file.`);
      expect(english.err).toBe(`${folderPath} is a folder, not a file: give the path of a file.`);
    } else {
      expect(italian.err).toBe(`File non trovato: ${missing}. Controllare il percorso.`);
      expect(english.err).toBe(`File not found: ${missing}. Check the path.`);
    }
    expect(await sha(plan)).toBe(before);
    expect((await fs.stat(folderPath)).isDirectory()).toBe(true);
  });

  test('demo --out naming a file, not a folder', async () => {
    const result = await run('demo', '--out', plan);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`${plan} non è una cartella: indicare con --out una cartella.`);
  });

  test('schema reads and writes no file', async () => {
    expect((await run('schema', folderPath)).code).toBe(0);
  });

  test('a file this user may not read (an unprivileged user, mode 600 root file)', async () => {
    await fs.chmod(where, 0o755);
    const secret = path.join(where, 'riservato.xlsx');
    await fs.copyFile(plan, secret);
    await fs.chmod(secret, 0o600);
    const secretJson = path.join(where, 'riservato.json');
    await fs.writeFile(secretJson, readFileSync(CALENZANO));
    await fs.chmod(secretJson, 0o600);
    const nobody = { uid: 65534, gid: 65534 };
    const [xlsx, json] = await Promise.all([
      finished(spawnCli(['validate', secret], { as: nobody })),
      finished(spawnCli(['validate', secretJson, '--lingua', 'en'], { as: nobody })),
    ]);
    expect([xlsx.code, xlsx.stderr]).toEqual([2, `Impossibile leggere ${secret}: permesso negato. Controllare i permessi del file.\n`]);
    expect([json.code, json.stderr]).toEqual([2, `Cannot read ${secretJson}: permission denied. Check the file’s permissions.\n`]);
  });
});

describe('an interrupted write leaves the old file and no temporary file', () => {
  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s while score writes in place: exit %i', async (signal, exitCode) => {
    const where = await folder();
    const book = path.join(where, 'piano.xlsx');
    await run('import', CALENZANO, book);
    const before = await sha(book);
    const child = spawnCli(['score', book], { env: { [PAUSE_BEFORE_RENAME_ENV]: '60000' } });
    const end = finished(child);
    await printed(child, PAUSED_MARKER);
    // The write is complete and synced in its temporary file, the rename not yet done.
    const temporary = await leftovers(where);
    expect(temporary).toEqual([expect.stringMatching(/^\.piano\.xlsx\.[0-9a-f]{12}\.tmp$/)]);
    expect((await fs.stat(path.join(where, temporary[0]))).size).toBeGreaterThan(100_000);
    child.kill(signal);
    const { code } = await end;
    expect(code).toBe(exitCode);
    expect(await leftovers(where)).toEqual([]);
    expect(await sha(book)).toBe(before);
  }, 60_000);
});

test('a reader that closes the pipe early (| head) does not crash the command, which still writes its file', async () => {
  const where = await folder();
  const book = path.join(where, 'piano.xlsx');
  const out = path.join(where, 'calcolato.xlsx');
  await run('import', CALENZANO, book);
  const child = spawnCli(['score', book, '-o', out]);
  const end = finished(child);
  child.stdout?.once('data', () => child.stdout?.destroy());
  const { code, stderr } = await end;
  expect([code, stderr]).toEqual([1, '']);
  expect(packageParts(out).has('xl/worksheets/sheet8.xml')).toBe(true);
}, 60_000);
