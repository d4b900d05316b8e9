import { UserError } from '../../src/errors';
import { message } from '../../src/i18n';
import { defaultBands, defaultRules } from '../../src/schema/model';
import { readPlan } from '../../src/schema/read';
import { readWorkbookTables } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { acceptedHeaders, errorNotice } from '../../src/taskpane/notice';
import { inspectWorkbook } from '../../src/actions/inspect';
import { exportFileName, parseImportFile } from '../../src/actions/interchange';
import { createOrUpgradeSheets } from '../../src/actions/sheets';
import { checkDraft, draftFromProfile, draftToRaw } from '../../src/taskpane/rulesForm';

describe('exportFileName', () => {
  it('is the organisation and the year, with characters file systems refuse replaced', () => {
    expect(exportFileName({ organization: 'Comune di Calenzano', year: 2023 })).toBe('Comune di Calenzano-2023.json');
    expect(exportFileName({ organization: 'Unione A/B: "Valle"', year: 2024 })).toBe('Unione A-B- -Valle--2024.json');
    expect(exportFileName({ organization: null, year: 2022 })).toBe('traguardo-2022.json');
    expect(exportFileName({ organization: ' / ', year: 2022 })).toBe('traguardo-2022.json');
  });
});

describe('parseImportFile', () => {
  it('refuses text that is not JSON with the file name and the parser’s reason', () => {
    expect(() => parseImportFile('x.json', '{')).toThrow(UserError);
    try {
      parseImportFile('x.json', '{');
    } catch (e) {
      expect((e as UserError).key).toBe('json-unreadable');
      expect((e as UserError).params.file).toBe('x.json');
    }
  });
});

describe('createOrUpgradeSheets', () => {
  it('creates the template of the given year, then finds nothing to add', async () => {
    const workbook = new MemoryWorkbook();
    expect(await createOrUpgradeSheets(workbook, 'it', 2031)).toEqual({ kind: 'created' });
    const { plan } = readPlan(readWorkbookTables(await workbook.readTables()).raw);
    expect(plan.rules).toEqual(defaultRules(2031));
    expect(plan.bands).toEqual(defaultBands());
    expect(await createOrUpgradeSheets(workbook, 'it', 2031)).toEqual({ kind: 'up-to-date' });
    expect(await inspectWorkbook(workbook)).toEqual({ kind: 'traguardo', hasData: false, missingTables: [], missingColumns: [] });
  });

  it('adds the missing tables to a partial workbook without touching its data', async () => {
    const workbook = MemoryWorkbook.fromTables([
      { name: 'Strutture', sheet: 'Strutture', top: 1, left: 1, headers: ['Codice', 'Denominazione'], rows: [['SG', 'Segreteria']] },
    ]);
    const outcome = await createOrUpgradeSheets(workbook, 'it', 2031);
    expect(outcome).toEqual({ kind: 'upgraded', tables: 17, pages: 0 });
    const tables = await workbook.readTables();
    expect(tables.find((t) => t.name === 'Strutture')?.rows[0].slice(0, 2)).toEqual(['SG', 'Segreteria']);
    expect(await inspectWorkbook(workbook)).toEqual({ kind: 'traguardo', hasData: true, missingTables: [], missingColumns: [] });
  });
});

describe('inspectWorkbook', () => {
  it('tells a workbook without Traguardo tables', async () => {
    const workbook = MemoryWorkbook.fromTables([{ name: 'Tabella1', sheet: 'Foglio1', top: 1, left: 1, headers: ['A'], rows: [] }]);
    expect(await inspectWorkbook(workbook)).toEqual({ kind: 'not-traguardo' });
  });
});

describe('acceptedHeaders', () => {
  it('lists label, English label and aliases of the missing field, or of the Regole column', () => {
    expect(
      acceptedHeaders({ severity: 'errore', rule: 'column-missing', table: 'phases', index: null, field: 'name', params: { column: 'Descrizione' } }),
    ).toEqual(['Descrizione', 'Description', 'Fase', 'Attività', 'Descrizione fase', 'Name']);
    expect(
      acceptedHeaders({ severity: 'errore', rule: 'column-missing', table: 'rules', index: null, field: null, params: { column: 'Valore' } }),
    ).toEqual(['Valore', 'Value']);
  });
});

describe('errorNotice', () => {
  it('gives each kind of failure its intent, hint and way forward', () => {
    const protectedSheet = errorNotice(new UserError('workbook-sheet-protected', { sheet: 'Fasi' }));
    expect(protectedSheet.intent).toBe('error');
    expect(protectedSheet.hint?.('it')).toBe('Rimuovere la protezione del foglio Fasi (Revisione › Rimuovi protezione) e riprovare.');
    expect(protectedSheet.hint?.('en')).toBe('Unprotect sheet Fasi (Review › Unprotect Sheet) and try again.');
    const excel = errorNotice(new UserError('office-sheet-protected'));
    expect([excel.intent, excel.hint, excel.title?.('it')]).toEqual(['error', undefined, 'Foglio protetto']);
    const editing = errorNotice(new UserError('office-cell-editing'));
    expect([editing.intent, editing.text('it')]).toEqual(['error', message('office-cell-editing', {}, 'it')]);
    const notTraguardo = errorNotice(new UserError('not-a-traguardo-workbook'));
    expect([notTraguardo.intent, notTraguardo.action]).toEqual(['warning', 'create-sheets']);
    const other = errorNotice(new UserError('interchange-invalid', { detail: 'x', detailEn: 'y' }));
    expect(other.text('en')).toBe('The file is not a valid traguardo/1 document: y. Fix the file or export it again from Traguardo.');
    expect(other.action).toBeUndefined();
    const defect = errorNotice(new TypeError('boom'));
    expect([defect.intent, defect.action, defect.text('it')]).toEqual([
      'error',
      'reload',
      'Errore imprevisto: boom. Ricaricare il pannello; se si ripete, segnalarlo con la cartella di lavoro.',
    ]);
  });
});

describe('rules form', () => {
  const profile = { organization: 'Comune di Prova', rules: defaultRules(2023), bands: defaultBands() };

  it('round-trips the profile: the draft read back gives the same rules and bands', () => {
    const draft = draftFromProfile(profile);
    expect(draft.values.cap).toBe('100');
    expect(draft.values.referenceDate).toBe('2023-12-31');
    expect(draft.values.increasingMethod).toBe('rapporto');
    expect(draft.values.typeMultipliers).toBe(false);
    const { plan, findings } = readPlan(draftToRaw(draft));
    expect(findings).toEqual([]);
    expect(plan.rules).toEqual(profile.rules);
    expect(plan.bands).toEqual(profile.bands);
    expect(plan.organization).toBe('Comune di Prova');
  });

  it('reads a decimal comma and reports each unreadable or out-of-range value on its field', () => {
    const draft = draftFromProfile(profile);
    draft.values.onTrackThreshold = '-7,5';
    draft.values.cap = 'cento';
    draft.values.decimals = '11';
    draft.bands[0].label = '';
    draft.bands[2].from = '60';
    draft.bands[2].color = '00B050';
    expect(readPlan(draftToRaw(draft)).plan.rules.onTrackThreshold).toBe(-7.5);
    const issues = checkDraft(draft, 'it');
    expect(issues.hasErrors).toBe(true);
    expect(Object.keys(issues.rules).sort()).toEqual(['cap', 'decimals']);
    expect(issues.rules.cap[0].severity).toBe('errore');
    expect(Object.keys(issues.bands).sort()).toEqual(['0:label', '2:color', '2:from']);
    expect(issues.bands['2:from'][0].text).toBe('Un’altra fascia parte già da 60 %: cambiare «Da %».');
  });

  it('needs at least one band', () => {
    const issues = checkDraft({ ...draftFromProfile(profile), bands: [] }, 'en');
    expect(issues.general).toEqual(['At least one band is needed: add one.']);
    expect(issues.hasErrors).toBe(true);
  });
});
