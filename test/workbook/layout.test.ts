import { ALL_TABLES, DATA_TABLES, OBJECTIVES, PHASES } from '../../src/schema/tables';
import { defaultBands, defaultCriteria } from '../../src/schema/model';
import fc from 'fast-check';
import { roundHalfUp } from '../../src/rules/rounding';
import { layoutChanges, layoutOptionsFromRaw, noteLines, printPage, rowHeightFor, sheetSetup, shownEdge, tableLayout, tableLayouts, textPoints, withPrintPages, wrappedLines, YES_NO } from '../../src/workbook/layout';
import type { TableData, WorkbookChange } from '../../src/workbook/port';

const options = { criteria: defaultCriteria(), bands: defaultBands(), decimals: 2 };

describe('tableLayouts', () => {
  it.each(['it', 'en'] as const)('gives every data table the schema labels (%s) as input headers, then the outputs', (lang) => {
    for (const def of DATA_TABLES.filter((d) => d.key !== 'weighting')) {
      const layout = tableLayout(def.key, lang, options);
      expect(layout.sheet).toBe(def.sheet[lang]);
      expect(layout.table).toBe(def.table);
      expect(layout.columns.map((c) => c.spec.header)).toEqual([...def.fields.map((f) => f.label[lang]), ...def.outputs.map((o) => o.label[lang])]);
      expect(layout.columns.map((c) => c.spec.output)).toEqual([...def.fields.map(() => false), ...def.outputs.map(() => true)]);
    }
  });

  it('marks output columns with the note «calcolato» in Italian and “computed” in English', () => {
    const outputs = ALL_TABLES.find((d) => d.key === 'indicators')!.outputs;
    const it = tableLayout('indicators', 'it', options).columns.filter((c) => c.spec.output);
    const en = tableLayout('indicators', 'en', options).columns.filter((c) => c.spec.output);
    expect(outputs.length).toBeGreaterThan(1);
    expect(it.map((c) => c.spec.note?.split(':')[0])).toEqual(outputs.map(() => 'calcolato'));
    expect(en.map((c) => c.spec.note?.split(':')[0])).toEqual(outputs.map(() => 'computed'));
  });

  it('derives formats from field kinds and gives percentages a header ending in %', () => {
    const formats = Object.fromEntries(tableLayout('objectives', 'it', options).columns.map((c) => [c.spec.header, c.spec.format]));
    expect(formats).toMatchObject({
      Codice: 'text',
      Livello: 'text',
      'Strutture coinvolte': 'text',
      Missione: 'integer',
      Peso: 'number',
      'Peso minimo %': 'percent',
      'Grado NdV %': 'percent',
      'Data inizio': 'date',
      'Non valutabile': 'text',
      'Peso %': 'percent',
      'Grado finale %': 'percent',
      Fascia: 'text',
    });
    for (const layout of tableLayouts('it', options)) {
      for (const c of layout.columns) if (c.spec.format === 'percent') expect(c.spec.header).toMatch(/%$/);
    }
    const indicators = Object.fromEntries(tableLayout('indicators', 'it', options).columns.map((c) => [c.spec.header, c.spec.format]));
    expect([indicators.Target, indicators.Consuntivo, indicators.Baseline]).toEqual(['number', 'number', 'number']);
  });

  it('offers dropdown lists for enums (labels in the language) and SI/NO fields', () => {
    const objectives = tableLayout('objectives', 'it', options).columns;
    expect(objectives.find((c) => c.spec.header === 'Livello')?.spec.list).toEqual(['Strategico', 'Operativo', 'Esecutivo', 'Ente']);
    expect(objectives.find((c) => c.spec.header === 'Non valutabile')?.spec.list).toEqual(YES_NO);
    expect(objectives.find((c) => c.spec.header === 'Titolo')?.spec.list).toBeUndefined();
    const en = tableLayout('indicators', 'en', options).columns;
    expect(en.find((c) => c.spec.header === 'Type')?.spec.list).toEqual(['Number', 'Percentage', 'YES/NO', 'Deadline']);
    expect(en.find((c) => c.spec.header === 'Excluded')?.spec.list).toEqual(['SI', 'NO']);
  });

  it('Target and Consuntivo wrap, so a sentence typed there by mistake prints inside its column', () => {
    const indicators = tableLayout('indicators', 'it', options).columns;
    expect(indicators.find((c) => c.spec.header === 'Target')?.spec.wrap).toBe(true);
    expect(indicators.find((c) => c.spec.header === 'Consuntivo')?.spec.wrap).toBe(true);
    expect(indicators.find((c) => c.spec.header === 'Tipo')?.spec.wrap).toBeUndefined();
  });

  it('notes carry the field help, required fields say so', () => {
    const phases = tableLayout('phases', 'it', options).columns;
    expect(phases[0].spec.note).toBe(`Obbligatorio. ${PHASES.fields[0].help.it}`);
    expect(phases[1].spec.note).toBe(PHASES.fields[1].help.it);
    // Headers wrap between words: each column fits the longest word of its header.
    for (const c of phases) expect(c.spec.width).toBeGreaterThanOrEqual(Math.max(...c.spec.header.split(' ').map((w) => w.length)));
  });

  it('lays out Pesatura as Obiettivo, one column per criterion, then the outputs', () => {
    const criteria = [
      { name: 'Strategicità', weight: 2, max: 10 },
      { name: 'Complessità', weight: 1, max: 100 },
      { name: 'strategicita', weight: 1, max: 100 },
    ];
    const layout = tableLayout('weighting', 'it', { criteria, bands: [], decimals: 2 });
    expect(layout.columns.map((c) => c.spec.header)).toEqual(['Obiettivo', 'Strategicità', 'Complessità', 'Punteggio', 'Peso %', 'Esito verifica']);
    expect(layout.columns[1].spec).toMatchObject({ format: 'number', output: false, note: 'Criterio di pesatura: punteggio da 0 a 10, peso 2' });
  });

  it('puts Regole, Fasce and Criteri side by side on the Regole sheet, one column apart', () => {
    const onRules = tableLayouts('it', options).filter((l) => l.sheet === 'Regole');
    expect(onRules.map((l) => [l.table, l.top, l.left, l.columns.map((c) => c.spec.header)])).toEqual([
      ['Regole', 1, 1, ['Parametro', 'Valore']],
      ['Fasce', 1, 4, ['Da %', 'Etichetta', 'Premio %', 'Proporzionale', 'Colore']],
      ['Criteri', 1, 10, ['Criterio', 'Peso', 'Massimo']],
    ]);
    expect(tableLayouts('en', options).filter((l) => l.sheet === 'Rules').map((l) => l.table)).toEqual(['Regole', 'Fasce', 'Criteri']);
  });

  it('colours grade columns by band, lowest first, from where the shown grade reaches the band, colours normalised and a colourless band white', () => {
    const bands = [
      { from: 90, color: '00b050' },
      { from: 0, color: '#C00000' },
      { from: 60, color: 'giallo' },
    ];
    const columns = tableLayout('objectives', 'it', { criteria: [], bands, decimals: 2 }).columns;
    const expected = [{ from: -0.005, color: '#C00000' }, { from: 59.995, color: '#FFFFFF' }, { from: 89.995, color: '#00B050' }];
    const banded = columns.filter((c) => c.spec.bands).map((c) => c.spec.header);
    expect(banded).toEqual(['Grado indicatori %', 'Grado fasi %', 'Grado calcolato %', 'Grado finale %']);
    expect(columns.find((c) => c.spec.header === 'Grado finale %')?.spec.bands).toEqual(expected);
    expect(tableLayout('indicators', 'it', { criteria: [], bands, decimals: 2 }).columns.find((c) => c.spec.header === 'Grado %')?.spec.bands).toEqual(expected);
  });
});

describe('layoutChanges', () => {
  it('creates every table where the layout puts it', () => {
    const changes = layoutChanges('it', options);
    expect(changes.map((c) => (c.kind === 'ensureTable' ? [c.sheet, c.table, c.top, c.left] : c.kind))).toEqual([
      ['Strutture', 'Strutture', 1, 1],
      ['Obiettivi', 'Obiettivi', 1, 1],
      ['Indicatori', 'Indicatori', 1, 1],
      ['Fasi', 'Fasi', 1, 1],
      ['Pesatura', 'Pesatura', 1, 1],
      ['Personale', 'Personale', 1, 1],
      ['Persone', 'Persone', 1, 1],
      ['Schede', 'Schede', 1, 1],
      ['Voci', 'Voci', 1, 1],
      ['Valutazioni', 'Valutazioni', 1, 1],
      ['Fondi', 'Fondi', 1, 1],
      ['Classi', 'Classi', 1, 1],
      ['Coefficienti', 'Coefficienti', 1, 1],
      ['Monitoraggi', 'Monitoraggi', 1, 1],
      ['Regole', 'Regole', 1, 1],
      ['Regole', 'Fasce', 1, 4],
      ['Regole', 'Criteri', 1, 10],
    ]);
    expect(changes).toHaveLength(ALL_TABLES.length);
  });

  it('upgrades an existing table with only the columns it lacks, recognising aliases and keeping its name', () => {
    const existing: TableData = {
      name: 'Objectives',
      sheet: 'Piano',
      top: 3,
      left: 2,
      headers: ['Codice obiettivo', 'Mia colonna', 'Titolo obiettivo', 'Peso', 'Grado finale'],
      rows: [],
    };
    const changes = layoutChanges('it', options, [existing]);
    const objectives = changes.find((c) => c.kind === 'ensureTable' && c.table === 'Objectives');
    expect(objectives).toBeDefined();
    if (objectives?.kind !== 'ensureTable') return;
    expect(objectives.sheet).toBe('Piano');
    const added = objectives.columns.map((c) => c.header);
    expect(added).toEqual(
      [...OBJECTIVES.fields.map((f) => f.label.it), ...OBJECTIVES.outputs.map((o) => o.label.it)].filter(
        (h) => !['Codice', 'Titolo', 'Peso', 'Grado finale %'].includes(h),
      ),
    );
    expect(changes.filter((c) => c.kind === 'ensureTable' && c.table === 'Obiettivi')).toEqual([]);
  });

  it('adds nothing to a table that is complete, and adds a new criterion to Pesatura', () => {
    const complete = tableLayout('units', 'it', options);
    const weighting: TableData = { name: 'Pesatura', sheet: 'Pesatura', top: 1, left: 1, headers: ['Obiettivo', 'Strategicità', 'Punteggio', 'Peso %', 'Esito verifica'], rows: [] };
    const units: TableData = { name: 'Strutture', sheet: 'Strutture', top: 1, left: 1, headers: complete.columns.map((c) => c.spec.header), rows: [] };
    const changes = layoutChanges('it', { criteria: [{ name: 'Strategicità', weight: 1, max: 100 }, { name: 'Urgenza', weight: 1, max: 100 }], bands: [], decimals: 2 }, [weighting, units]);
    expect(changes.some((c) => c.kind === 'ensureTable' && c.table === 'Strutture')).toBe(false);
    const pesatura = changes.find((c) => c.kind === 'ensureTable' && c.table === 'Pesatura');
    expect(pesatura?.kind === 'ensureTable' && pesatura.columns.map((c) => c.header)).toEqual(['Urgenza']);
  });
});

describe('layoutOptionsFromRaw', () => {
  it('reads Criteri and Fasce cells as the plan reads them: text numbers, %-formatted cells, out-of-range values', () => {
    const options = layoutOptionsFromRaw({
      criteria: [
        { name: ' Urgenza ', weight: '2', max: 50 },
        { name: 'Impatto', weight: -3, max: 'molto' },
      ],
      bands: [
        { from: { percent: 60 }, color: '#FFC000' },
        { from: '90', color: '#00B050' },
        { from: 'da definire', color: '#C00000' },
      ],
    });
    expect(options.criteria).toEqual([
      { name: 'Urgenza', weight: 2, max: 50 },
      { name: 'Impatto', weight: 1, max: 100 },
    ]);
    expect(options.bands.map((b) => b.from)).toEqual([60, 90, Number.NaN]);
    expect(options.decimals).toBe(2);
    expect(layoutOptionsFromRaw({ rules: { decimals: '1' } }).decimals).toBe(1);
  });
});

describe('shownEdge', () => {
  it('is where the grade as shown reaches the band: 59,995 shows 60,00', () => {
    expect(shownEdge(60, 2)).toBe(59.995);
    expect(shownEdge(60, 0)).toBe(59.5);
    expect(shownEdge(59.5, 0)).toBe(59.5);
    expect(shownEdge(60.001, 2)).toBe(60.005);
    expect(shownEdge(90, 1)).toBe(89.95);
  });

  it('colours a grade exactly when its value rounded half up to Decimali reaches the band, as the Fascia does', () => {
    fc.assert(
      // Grades within ±0,01 of the threshold, on a 0,0001 grid: where showing and comparing differ.
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 0, max: 4 }), (offset, hundredths, decimals) => {
        const from = hundredths / 100;
        const grade = Math.max(0, Number((from + offset / 10_000).toFixed(4)));
        expect(grade >= shownEdge(from, decimals)).toBe(roundHalfUp(grade, decimals) >= from);
      }),
    );
  });
});

describe('printPage', () => {
  it('prints a sheet that keeps three quarters of its size on a portrait A4 page portrait, one page across', () => {
    // 98 characters across a portrait A4 page at 100 %: 130 characters print at 75 %.
    expect(printPage([10, 42, 42, 36], 1)).toEqual({ paper: 'A4', orientation: 'portrait', fit: { pagesWide: 1 } });
    expect(printPage([10, 42, 42, 37], 1)).toEqual({ paper: 'A4', orientation: 'landscape', fit: { pagesWide: 1 } });
  });

  it('keeps a sheet on one landscape A4 page while its text stays at 55 % or more, then prints it one A3 page across', () => {
    // 142 characters across at 100 %: 258 characters print at 55 %; 259 would take two A4 pages across, one A3 (at 79 %).
    expect(printPage([42, 42, 42, 42, 42, 48], 0)).toEqual({ paper: 'A4', orientation: 'landscape', fit: { pagesWide: 1 } });
    expect(printPage([42, 42, 42, 42, 42, 49], 0)).toEqual({ paper: 'A3', orientation: 'landscape', fit: { pagesWide: 1 } });
  });

  it('prints a sheet portrait down to 55 % when its rows take fewer pages so than landscape', () => {
    // 148 characters: 66 % portrait, 96 % landscape. 48 rows of 15 pt fill one portrait page, two landscape ones.
    expect(printPage([10, 30, 13, 12, 12, 12, 17, 42], 1, 48 * 15)).toEqual({ paper: 'A4', orientation: 'portrait', fit: { pagesWide: 1 } });
    // 20 rows fit one page either way: landscape keeps the text larger.
    expect(printPage([10, 30, 13, 12, 12, 12, 17, 42], 1, 20 * 15)).toEqual({ paper: 'A4', orientation: 'landscape', fit: { pagesWide: 1 } });
    // Row heights unknown: by the width alone.
    expect(printPage([10, 30, 13, 12, 12, 12, 17, 42], 1)).toEqual({ paper: 'A4', orientation: 'landscape', fit: { pagesWide: 1 } });
  });

  it('prints a long narrow sheet smaller, at the largest scale that saves pages and not below 56 %, on A3 when that saves pages', () => {
    // 126 characters fit across at 77 %: 260 rows of 15 pt take five pages; at 56 % three (1 318 pt of rows a page, header row of two lines repeated), as on A3.
    expect(printPage([12, 30, 12, 30, 42], 1, 260 * 15)).toEqual({ paper: 'A4', orientation: 'portrait', fit: { scale: 56 } });
    // 200 rows: three A4 pages at best, two A3 portrait ones from 67 % down; 65 % leaves room for rows a tenth taller.
    expect(printPage([12, 30, 12, 30, 42], 1, 200 * 15)).toEqual({ paper: 'A3', orientation: 'portrait', fit: { scale: 65 } });
    // 260 rows under a header of one line: two A3 portrait pages at 56 % (1 956 pt of rows each), three A4.
    expect(printPage([12, 30, 12, 30, 42], 1, 260 * 15, 15)).toEqual({ paper: 'A3', orientation: 'portrait', fit: { scale: 56 } });
    // 40 rows: one page at 77 % already.
    expect(printPage([12, 30, 12, 30, 42], 1, 40 * 15)).toEqual({ paper: 'A4', orientation: 'portrait', fit: { pagesWide: 1 } });
  });

  it('chooses the A3 orientation that needs fewer pages for the rows and repeats the code columns on each page across', () => {
    // 340 characters: one A3 landscape page across at 60 %; two A3 portrait pages (253 characters at 56 %).
    expect(printPage([10, ...new Array<number>(11).fill(30)], 1)).toEqual({ paper: 'A3', orientation: 'landscape', fit: { pagesWide: 1 } });
    // 430 characters: two pages across on A3 either way (and on A4 landscape); 100 rows of 15 pt fill one A3 portrait page, two of the others.
    expect(printPage([10, ...new Array<number>(14).fill(30)], 1, 100 * 15)).toEqual({
      paper: 'A3',
      orientation: 'portrait',
      fit: { scale: 56 },
      titleColumns: { from: 1, to: 1 },
    });
    expect(printPage([10, ...new Array<number>(14).fill(30)], 0, 100 * 15)).toEqual({ paper: 'A3', orientation: 'portrait', fit: { scale: 56 } });
    // Without rows (a template), two pages across either way: A3 portrait pages will hold the most rows.
    expect(printPage([10, ...new Array<number>(14).fill(30)], 1)).toEqual({ paper: 'A3', orientation: 'portrait', fit: { scale: 56 }, titleColumns: { from: 1, to: 1 } });
  });
});

describe('wrapped rows', () => {
  it('counts the lines a text wraps into, letter by letter, words kept whole, a line break starting a line', () => {
    // A column 10 characters wide holds 54 points of 11-pt Calibri: «uno due tre» takes 52.4.
    expect(textPoints('uno due tre')).toBeCloseTo(52.36, 2);
    expect(wrappedLines('uno due tre', 10)).toBe(1);
    expect(wrappedLines('uno due tre quattro', 10)).toBe(2);
    expect(wrappedLines('uno\ndue', 10)).toBe(2);
    // Twenty «i» take 50.5 points, twenty «m» 175.7: a word longer than the line is broken where the line ends.
    expect(wrappedLines('i'.repeat(20), 10)).toBe(1);
    expect(wrappedLines('m'.repeat(20), 10)).toBe(4);
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('gives a row 15 pt a line, from two lines up to three: one-line rows keep the default height', () => {
    expect(rowHeightFor(1)).toBeNull();
    expect(rowHeightFor(2)).toBe(30);
    expect(rowHeightFor(3)).toBe(45);
    expect(rowHeightFor(4)).toBe(45);
    expect(rowHeightFor(120)).toBe(45);
  });

  it('breaks a closing note between words into lines as wide as so many default columns', () => {
    // Two columns of 9.14: 98.7 points of text a line.
    expect(noteLines('Calcolato il 05/12/2026. Le celle calcolate sono formule.', 2)).toEqual(['Calcolato il', '05/12/2026. Le celle', 'calcolate sono', 'formule.']);
    expect(noteLines('breve', 10)).toEqual(['breve']);
    // A word longer than the line keeps a line of its own, whole.
    expect(noteLines('a ' + 'x'.repeat(30) + ' b', 2)).toEqual(['a', 'x'.repeat(30), 'b']);
  });
});

describe('withPrintPages', () => {
  const setup = (sheet: string): WorkbookChange => sheetSetup(sheet, 1, 1, { organization: null, calculatedOn: null, lang: 'it' });

  it('gives the setup of a sheet the batch lays out whole the page of its widths, and leaves the page of other sheets to the workbook', () => {
    const changes: WorkbookChange[] = [
      { kind: 'ensureTable', sheet: 'Larga', table: 'Larga', top: 1, left: 1, columns: new Array(11).fill(0).map((_, i) => ({ header: `C${i}`, format: 'text' as const, output: false, width: 42 })) },
      { kind: 'ensureTable', sheet: 'Stretta', table: 'Stretta', top: 1, left: 1, columns: [{ header: 'Codice', format: 'text', output: false, width: 10 }] },
      { kind: 'replaceSheet', sheet: 'Foglio', rows: [['a', 'b', 'c']], widths: { 0: 40, 1: 40 } },
      setup('Larga'),
      setup('Stretta'),
      setup('Foglio'),
      setup('Altro'),
    ];
    const pages = withPrintPages(changes).flatMap((c) => (c.kind === 'sheetSetup' ? [[c.sheet, c.page]] : []));
    expect(pages).toEqual([
      // 462 characters at 56 %: two pages across on A4 landscape (253 characters) as on A3; A3 portrait pages hold the most rows.
      ['Larga', { paper: 'A3', orientation: 'portrait', fit: { scale: 56 }, titleColumns: { from: 1, to: 1 } }],
      ['Stretta', { paper: 'A4', orientation: 'portrait', fit: { pagesWide: 1 } }],
      // 40 + 40 + Excel's default 9.14 for the third column: 89 characters.
      ['Foglio', { paper: 'A4', orientation: 'portrait', fit: { pagesWide: 1 } }],
      ['Altro', undefined],
    ]);
  });

  it('counts the rows the batch writes, as tall as their wrapped text, to choose the page', () => {
    const columns = [10, 30, 13, 12, 12, 12, 17, 42].map((width, i) => ({ header: `C${i}`, format: 'text' as const, output: false, width, ...(i === 1 ? { wrap: true } : {}) }));
    const page = (rows: string[][]) =>
      withPrintPages([
        { kind: 'ensureTable', sheet: 'Personale', table: 'Personale', top: 1, left: 1, columns },
        { kind: 'writeRows', table: 'Personale', headers: ['C0', 'C1'], rows },
        setup('Personale'),
      ]).flatMap((c) => (c.kind === 'sheetSetup' ? [c.page] : []));
    // 148 characters: 30 one-line rows fit one landscape page at 96 %.
    expect(page(new Array(30).fill(['P1', 'breve']))).toEqual([{ paper: 'A4', orientation: 'landscape', fit: { pagesWide: 1 } }]);
    // 30 rows of two lines take two landscape pages at 96 %, one portrait at 66 %, and one landscape
    // at 86 %, the note widened to one line (the larger text wins).
    expect(page(new Array(30).fill(['P1', 'una nota di una cinquantina di caratteri, due righe']))).toEqual([{ paper: 'A4', orientation: 'landscape', fit: { scale: 86 } }]);
  });

  it('widens the wrapped columns of a sheet printed one page across at a set scale where that saves lines, and no other', () => {
    const columns = [{ header: 'Codice', format: 'text' as const, output: false, width: 12 }, ...new Array(6).fill(0).map((_, i) => ({ header: `T${i}`, format: 'text' as const, output: false, width: 42, wrap: true }))];
    // 40 words of 31 points: six lines in a column 42 wide (three shown), two from 115 wide.
    const rows = new Array(100).fill(0).map((_, i) => [`F${i}`, new Array(40).fill('parola').join(' '), 'breve']);
    const changes = withPrintPages([
      { kind: 'ensureTable', sheet: 'Fasi', table: 'Fasi', top: 1, left: 1, columns },
      { kind: 'writeRows', table: 'Fasi', headers: ['Codice', 'T0', 'T1'], rows },
      setup('Fasi'),
    ]);
    // 264 characters fit one A3 landscape page across at 77 %: 100 rows of 45 pt take five pages; at
    // 56 % three, T0 widened so its rows take two lines; at 58 % still three with a tenth to spare.
    expect(changes[2]).toMatchObject({ page: { paper: 'A3', orientation: 'landscape', fit: { scale: 58 } } });
    const widths = changes[0].kind === 'ensureTable' ? changes[0].columns.map((c) => c.width) : [];
    expect(widths).toEqual([12, 119, 42, 42, 42, 42, 42]);
  });
});
