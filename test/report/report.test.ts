/**
 * The Relazione's content and its WordprocessingML: every objective with the engine's figures,
 * the excluded ones in their annex, Word's heading styles, a TOC field, A4 portrait tables.
 * The .docx is read back with the project's namespace-aware XML parser (saxes).
 */
import { assessRaw, scoreAssessment, type Scored } from '../../src/actions/assess';
import { resultsDocument } from '../../src/actions/resultsJson';
import { demoDocument } from '../../src/demo/demo';
import type { Lang } from '../../src/i18n';
import { buildReport } from '../../src/report/content';
import { PAGE, renderDocx, TEXT_WIDTH } from '../../src/report/docx';
import type { Block } from '../../src/report/blocks';
import { parseInterchange, type JsonValue } from '../../src/schema/interchange';
import { defaultLocator } from '../../src/workbook/grid';
import { fflateCodec } from '../../src/workbook/xlsx/fflateCodec';
import { attribute, descendantsOf, parseXml, type Namespace, type XmlElement } from '../../src/workbook/xlsx/xml';
import { partText } from '../support/package';

const W: Namespace = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main'];
const EXCLUDED = 'T3';
const OVERRIDDEN = 'RIS-1';

type Json = { [key: string]: JsonValue };

/** The demo plan with one objective excluded, one graded by the NdV and markup-like text in a title. */
function scoredDemo(lang: Lang = 'it'): Scored {
  const doc = demoDocument();
  const objectives = doc.objectives as Json[];
  for (const o of objectives) {
    if (o.code === EXCLUDED) Object.assign(o, { excluded: true, excludedReason: 'Progetto rinviato al 2024 per mancato finanziamento' });
    if (o.code === OVERRIDDEN) Object.assign(o, { override: 87.5, overrideNote: 'Obiettivo raggiunto con ritardo giustificato' });
  }
  objectives[1].title = `${String(objectives[1].title)} <R&S> "bis"\u0001`;
  const indicators = doc.indicators as Json[];
  const first = indicators.find((i) => i.objective === OVERRIDDEN) as Json;
  first.notes = 'Dato dell’ufficio ragioneria';
  const raw = parseInterchange(doc);
  return scoreAssessment(assessRaw(raw, defaultLocator(raw, lang), [], lang));
}

/** As the CLI prints a grade: Decimali places, Italian decimal comma. */
const printed = (g: number | null): string => (g === null ? '—' : (Math.round(g * 100 + 1e-9) / 100).toFixed(2).replace('.', ','));

const blockText = (b: Block): string => {
  switch (b.kind) {
    case 'table':
      return [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n');
    case 'paragraph':
      return b.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
    case 'bars':
      return b.bars.map((bar) => `${bar.label} ${bar.text}`).join('\n');
    case 'pageBreak':
      return '';
    case 'toc':
      return b.placeholder;
    default:
      return b.text;
  }
};

/** The text under each Heading 3 (an objective), up to the next heading. */
function objectiveSections(blocks: readonly Block[]): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      current = b.level === 3 ? b.text : null;
      if (current !== null) sections.set(current, '');
    } else if (current !== null) sections.set(current, `${sections.get(current)}\n${blockText(b)}`);
  }
  return sections;
}

describe('Relazione content', () => {
  const scored = scoredDemo();
  const report = buildReport(scored, { lang: 'it', by: 'unita', generatedOn: '2024-03-15' });

  test('every objective but the excluded one has its section, with its final grade, band and Stato as the CLI prints them', () => {
    const sections = objectiveSections(report.blocks);
    const { plan, results } = scored;
    expect(sections.size).toBe(plan.objectives.length - 1);
    plan.objectives.forEach((o, i) => {
      const key = [...sections.keys()].find((h) => h.startsWith(`${o.code} — `));
      if (o.code === EXCLUDED) {
        expect(key).toBeUndefined();
        return;
      }
      expect(key).toBeDefined();
      const text = sections.get(key as string) as string;
      const r = results.objectives[i];
      const row = text.split('\n').find((line) => line.startsWith(r.weightShare === null ? ' | ' : printed(r.weightShare)));
      expect(row).toBe(
        [
          r.weightShare === null ? '' : printed(r.weightShare),
          printed(r.indicatorGrade),
          printed(r.phaseGrade),
          printed(r.computedGrade),
          printed(r.finalGrade),
          r.band === null ? '' : plan.bands[r.band].label,
          { completato: 'Completato', 'in-linea': 'In linea', 'in-ritardo': 'In ritardo', critico: 'Critico', 'non-avviato': 'Non avviato' }[r.status ?? 'x' as never] ?? '',
        ].join(' | '),
      );
    });
  });

  test('an objective lists its indicators with target, actual and grade, and its phases with planned dates and progress', () => {
    const sections = objectiveSections(report.blocks);
    const { plan, results } = scored;
    const i = plan.indicators.findIndex((ind) => ind.actual?.kind === 'number' && results.indicators[plan.indicators.indexOf(ind)].grade !== null);
    const ind = plan.indicators[i];
    const section = [...sections.entries()].find(([h]) => h.startsWith(`${ind.objective} — `))?.[1] ?? '';
    const line = section.split('\n').find((l) => l.startsWith(`${ind.code} | `));
    expect(line).toContain(`| ${printed(results.indicators[i].grade)}`);
    const actual = ind.actual as { value: number };
    expect(line).toContain(String(actual.value).replace('.', ','));
    const p = plan.phases.findIndex((ph) => ph.plannedStart !== null && ph.plannedEnd !== null && ph.objective !== null);
    const phase = plan.phases[p];
    const phaseSection = [...sections.entries()].find(([h]) => h.startsWith(`${phase.objective} — `))?.[1] ?? '';
    const [y, m, d] = (phase.plannedStart as string).split('-');
    expect(phaseSection).toContain(`${d}/${m}/${y} – `);
  });

  test('the NdV judgement is printed with its grade, an indicator’s Note under its table, and the excluded objective is in the annex with its reason', () => {
    const sections = objectiveSections(report.blocks);
    const ris1 = [...sections.entries()].find(([h]) => h.startsWith(`${OVERRIDDEN} — `))?.[1] ?? '';
    expect(ris1).toContain('Giudizio del Nucleo di Valutazione: Grado NdV 87,50. Obiettivo raggiunto con ritardo giustificato');
    const noted = (demoDocument().indicators as Json[]).find((i) => i.objective === OVERRIDDEN) as Json;
    expect(ris1).toContain(`Note: ${String(noted.code)}: Dato dell’ufficio ragioneria`);
    const annex = report.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Allegato A'));
    expect(annex).toBeGreaterThan(0);
    const table = report.blocks[annex + 1];
    expect(table.kind).toBe('table');
    expect(blockText(table)).toContain(`${EXCLUDED} | `);
    expect(blockText(table)).toContain('Progetto rinviato al 2024 per mancato finanziamento');
  });

  test('the summary gives the organisation grade, coverage and one bar per unit and per Stato', () => {
    const { results, plan } = scored;
    const summary = report.blocks.slice(0, report.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Obiettivi per struttura'));
    const text = summary.map(blockText).join('\n');
    expect(text).toContain(`Grado di raggiungimento dell’ente | ${printed(results.organization.grade)}`);
    const graded = results.objectives.filter((o) => o.finalGrade !== null).length;
    expect(text).toContain(`Obiettivi valutati | ${graded} su ${plan.objectives.length}`);
    const [unitBars, statusBars] = summary.filter((b): b is Extract<Block, { kind: 'bars' }> => b.kind === 'bars');
    expect(unitBars.bars.map((b) => b.text)).toEqual(results.units.map((u) => printed(u.grade)));
    expect(unitBars.bars.map((b) => b.fill)).toEqual(results.units.map((u) => (u.grade ?? 0) / 100));
    const late = results.objectives.filter((o) => o.status === 'in-ritardo').length;
    expect(statusBars.bars.find((b) => b.label === 'In ritardo')?.text).toBe(String(late));
    expect(statusBars.bars.reduce((sum, b) => sum + Number(b.text), 0)).toBe(plan.objectives.length);
  });

  test('by missione and programma, objectives are grouped in budget order; in English the labels are English', () => {
    const byMission = buildReport(scoredDemo('en'), { lang: 'en', by: 'missione', generatedOn: '2024-03-15' });
    const chapters = byMission.blocks.slice(0, byMission.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Annex A')));
    const groups = chapters.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    const missions = groups.filter((g) => g.startsWith('Mission ')).map((g) => Number(/Mission (\d+)/.exec(g)?.[1]));
    expect(missions).toEqual([...missions].sort((a, b) => a - b));
    expect(groups).toContain('Mission 1 · Programme 2');
    expect(groups).toContain('Mission 10');
    expect(groups[groups.length - 1]).toBe('Objectives without mission and programme');
    expect(byMission.blocks.some((b) => b.kind === 'heading' && b.text === 'Summary of results')).toBe(true);
    // The chapter's line gives the DUP roll-up of that missione/programma: Σ raw·G / Σ raw over its graded objectives.
    const scored = scoredDemo('en');
    const { plan, results } = scored;
    const graded = plan.objectives
      .map((o, i) => ({ o, i }))
      .filter(({ o, i }) => o.mission !== null && o.programme !== null && results.analysis.grading[i] === 'parts' && results.objectives[i].finalGrade !== null && results.analysis.rawWeights[i] !== null);
    const { mission, programme } = graded[0].o;
    const members = graded.filter(({ o }) => o.mission === mission && o.programme === programme);
    const raw = members.reduce((sum, { i }) => sum + (results.analysis.rawWeights[i] as number), 0);
    const points = members.reduce((sum, { i }) => sum + (results.analysis.rawWeights[i] as number) * (results.objectives[i].finalGrade as number), 0);
    expect(plan.objectives.every((o) => o.parent === null)).toBe(true);
    const at = byMission.blocks.findIndex((b) => b.kind === 'heading' && b.text === `Mission ${mission} · Programme ${programme}`);
    expect(blockText(byMission.blocks[at + 1])).toMatch(new RegExp(`^Grade: ${(Math.round((points / raw) * 100 + 1e-9) / 100).toFixed(2)} · Objectives: \\d+, in the grade: ${members.length}$`));
  });
});

/** The text of an Annex B table cell as a number: «30.000,00 €» → 30000. */
const amount = (text: string): number => Number(text.replace(/\s|\u00a0|€/g, '').replace(/\./g, '').replace(',', '.'));

describe('Relazione Annex B: the distribution of result pay', () => {
  const scored = scoredDemo();
  const report = buildReport(scored, { lang: 'it', by: 'unita', generatedOn: '2024-03-15' });
  const start = report.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Allegato B'));
  const annex = report.blocks.slice(start);
  const funds = resultsDocument(scored, 'it').funds ?? [];

  test('the demo has pay, so the annex follows Annex A with one section per pot of score --json', () => {
    expect(scored.pay).not.toBeNull();
    expect(funds.map((f) => f.code)).toEqual(['PERF-ORG', 'PERF-IND', 'RIS-EQ']);
    const annexA = report.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Allegato A'));
    expect(start).toBeGreaterThan(annexA);
    expect(report.blocks[start]).toEqual({ kind: 'heading', level: 1, text: 'Allegato B — Distribuzione dei premi di risultato' });
    const pots = annex.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(pots).toEqual(scored.plan.funds.map((f) => `Fondo ${f.code} — ${f.name}`));
  });

  test('each pot’s Stanziato, Distribuito and Residuo are score --json’s funds figures, in euro with two decimals', () => {
    for (const fund of funds) {
      const at = annex.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.text.startsWith(`Fondo ${fund.code} — `));
      const table = annex.slice(at).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
      const figure = (label: string): string => (table.rows.find((r) => r[0] === label) as string[])[1];
      for (const [label, value] of [['Stanziato', fund.allocated], ['Distribuito', fund.paid], ['Residuo', fund.unspent]] as const) {
        expect(figure(label)).toMatch(/^\d{1,3}(\.?\d{3})*,\d{2}\s€$/);
        expect(amount(figure(label))).toBeCloseTo(value, 2);
      }
    }
    const perfOrg = annex.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.rows[0][0] === 'Stanziato') as Extract<Block, { kind: 'table' }>;
    expect(perfOrg.rows[0][1].replace('\u00a0', ' ')).toBe('30.000,00 €');
  });

  test('by class and by category, people and amounts add up to the pot’s evaluated people and Distribuito', () => {
    const pay = scored.pay as NonNullable<Scored['pay']>;
    for (const fund of funds) {
      const tableAfter = (title: string): Extract<Block, { kind: 'table' }> => annex[annex.findIndex((b) => blockText(b) === title) + 1] as Extract<Block, { kind: 'table' }>;
      const byClass = tableAfter(`Fondo ${fund.code}: distribuzione per classe`);
      const byCategory = tableAfter(`Fondo ${fund.code}: distribuzione per categoria`);
      const members = pay.people.filter((p) => p.score !== null && p.pots.some((x) => x.fund === fund.code));
      expect(byClass.header).toEqual(['Classe', 'Persone', 'Distribuito']);
      expect(byClass.rows.reduce((a, r) => a + Number(r[1]), 0)).toBe(members.length);
      expect(byClass.rows.reduce((a, r) => a + amount(r[2]), 0)).toBeCloseTo(fund.paid, 2);
      expect(byCategory.rows.reduce((a, r) => a + Number(r[1]), 0)).toBe(members.length);
      expect(byCategory.rows.reduce((a, r) => a + amount(r[3]), 0)).toBeCloseTo(fund.paid, 2);
      const categories = new Set(members.map((p) => scored.plan.people.find((x) => x.id === p.id)?.category));
      expect(byCategory.rows.map((r) => r[0]).sort()).toEqual([...categories].map(String).sort());
    }
    expect(annex.some((b) => b.kind === 'table' && b.rows.some((r) => /^Classe \d+ \(da \d+/.test(r[0])))).toBe(true);
  });

  test('the document names nobody: no Nominativo or Matricola of any person is in its text or its XML', () => {
    const text = report.blocks.map(blockText).join('\n');
    const xml = partText(renderDocx(report, fflateCodec, '2024-03-15T10:00:00Z'), 'word/document.xml');
    const people = scored.plan.people;
    expect(people.length).toBeGreaterThan(20);
    expect(people.every((p) => p.name !== null && p.id !== null)).toBe(true);
    for (const p of people) {
      for (const identifying of [p.name, p.id]) {
        if (identifying === null || identifying === undefined) continue;
        expect(text).not.toContain(identifying);
        expect(xml).not.toContain(identifying);
      }
    }
  });

  test('in English the annex has English labels and English amounts; without people there is no Annex B', () => {
    const english = buildReport(scoredDemo('en'), { lang: 'en', by: 'unita', generatedOn: '2024-03-15' });
    const heading = english.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Annex B — Distribution of result pay');
    expect(heading).toBeGreaterThan(0);
    const table = english.blocks.slice(heading).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.rows[0][0] === 'Allocated') as Extract<Block, { kind: 'table' }>;
    expect(table.rows[0][1]).toBe('€30,000.00');
    const doc = demoDocument();
    for (const key of ['people', 'evaluations', 'funds', 'classes', 'staff']) delete (doc as Json)[key];
    const raw = parseInterchange(doc);
    const unpaid = scoreAssessment(assessRaw(raw, defaultLocator(raw, 'it'), [], 'it'));
    expect(unpaid.pay).toBeNull();
    const plain = buildReport(unpaid, { lang: 'it', by: 'unita', generatedOn: '2024-03-15' });
    expect(plain.blocks.some((b) => b.kind === 'heading' && b.text.startsWith('Allegato B'))).toBe(false);
    expect(plain.blocks.some((b) => b.kind === 'heading' && b.text.startsWith('Allegato A'))).toBe(true);
  });
});

describe('Relazione as WordprocessingML', () => {
  const scored = scoredDemo();
  const bytes = renderDocx(buildReport(scored, { lang: 'it', by: 'unita', generatedOn: '2024-03-15' }), fflateCodec, '2024-03-15T10:00:00Z');
  const documentXml = partText(bytes, 'word/document.xml');
  const document = parseXml(documentXml);
  const styles = parseXml(partText(bytes, 'word/styles.xml'));

  const styleOf = (p: XmlElement): string | undefined => {
    const pStyle = descendantsOf(p, W, 'pStyle')[0];
    return pStyle ? attribute(pStyle, 'val', W) : undefined;
  };
  const textOf = (p: XmlElement): string => descendantsOf(p, W, 't').map((t) => t.text).join('');

  test('headings are Word’s Heading 1–3, defined with outline levels 0–2, and objectives are Heading 3', () => {
    const paragraphs = descendantsOf(document, W, 'p');
    const headings = paragraphs.filter((p) => /^Heading\d$/.test(styleOf(p) ?? ''));
    expect(new Set(headings.map(styleOf))).toEqual(new Set(['Heading1', 'Heading2', 'Heading3']));
    expect(headings.filter((p) => styleOf(p) === 'Heading3')).toHaveLength(scored.plan.objectives.length - 1);
    for (const level of [1, 2, 3]) {
      const style = descendantsOf(styles, W, 'style').find((s) => attribute(s, 'styleId', W) === `Heading${level}`) as XmlElement;
      expect(attribute(descendantsOf(style, W, 'name')[0], 'val', W)).toBe(`heading ${level}`);
      expect(attribute(descendantsOf(style, W, 'outlineLvl')[0], 'val', W)).toBe(String(level - 1));
    }
  });

  test('the table of contents is a TOC field over levels 1–3 that Word updates on opening', () => {
    const instr = descendantsOf(document, W, 'instrText').map((e) => e.text);
    expect(instr).toContain(' TOC \\o "1-3" \\h \\z \\u ');
    expect(partText(bytes, 'word/settings.xml')).toContain('<w:updateFields w:val="true"/>');
  });

  test('the page is A4 portrait and no table is wider than the text between the margins', () => {
    const size = descendantsOf(document, W, 'pgSz')[0];
    expect([attribute(size, 'w', W), attribute(size, 'h', W), attribute(size, 'orient', W)]).toEqual(['11906', '16838', undefined]);
    expect(TEXT_WIDTH).toBe(PAGE.width - 2 * PAGE.margin);
    const tables = descendantsOf(document, W, 'tbl');
    expect(tables.length).toBeGreaterThan(scored.plan.objectives.length);
    for (const table of tables) {
      const grid = descendantsOf(table, W, 'gridCol').reduce((sum, c) => sum + Number(attribute(c, 'w', W)), 0);
      expect(grid).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(Number(attribute(descendantsOf(table, W, 'tblW')[0], 'w', W))).toBeLessThanOrEqual(TEXT_WIDTH);
    }
  });

  test('text is escaped and characters XML forbids are dropped, so a title with markup reads as typed', () => {
    const objective = (demoDocument().objectives as Json[])[1];
    const expected = `${String(objective.code)} — ${String(objective.title)} <R&S> "bis"`;
    const headings = descendantsOf(document, W, 'p').filter((p) => styleOf(p) === 'Heading3').map(textOf);
    expect(headings).toContain(expected);
    expect(documentXml).toContain('&lt;R&amp;S&gt; &quot;bis&quot;</w:t>');
  });
});
