/**
 * What the Relazione says, from a scored plan: cover, contents, summary with two charts, one
 * chapter per unit (or per missione/programma) with every objective, and the annex of excluded
 * objectives. Grades are written as the CLI prints them (Decimali places, «83,33»); every figure
 * comes from the engine's results, none is recomputed here.
 */
import type { Scored } from '../actions/assess';
import { noteOf, objectiveRowsAt } from '../engine/monitoringNotes';
import { rowsOf } from '../engine/analysis';
import { transparency, type PotStats } from '../engine/pay/transparency';
import { inherited, parentRows, structureRollup } from '../engine/structure';
import { message, type Lang } from '../i18n';
import { euro } from '../i18n/euro';
import { bandLabel } from '../rules/bands';
import { classLabel } from '../rules/payClass';
import { roundHalfUp, formatDecimal } from '../rules/rounding';
import type { ImplementationStatus } from '../rules/status';
import { italianDate } from '../schema/cells';
import type { IsoDate, Measure, Objective } from '../schema/model';
import { PAY_ROLE_OPTIONS } from '../schema/payTables';
import { LEVEL_OPTIONS, optionLabel } from '../schema/tables';
import type { Bar, Block, Column, ReportDocument, Run } from './blocks';

export type ReportGrouping = 'unita' | 'missione';

export interface ReportOptions {
  lang: Lang;
  by: ReportGrouping;
  /** The day the document is generated (ISO date), printed on the cover. */
  generatedOn: string;
  /** The recorded monitoring date the plan was scored at: each objective then shows its `Monitoraggi` Notas of that date. */
  asOf?: IsoDate;
}

const STATUS_ORDER: readonly ImplementationStatus[] = ['completato', 'in-linea', 'in-ritardo', 'critico', 'non-avviato'];
const STATUS_COLORS: Record<ImplementationStatus, string> = {
  completato: '00B050',
  'in-linea': '92D050',
  'in-ritardo': 'FFC000',
  critico: 'C00000',
  'non-avviato': 'A6A6A6',
};
const DEFAULT_BAR = '4472C4';
const HEX = /^#?([0-9a-f]{6})$/i;

/** Values of an indicator are shown as typed, not at the grades' Decimali. */
const MEASURE_DECIMALS = 6;

const col = (width: number, align: Column['align'] = 'left'): Column => ({ width, align });

const OBJECTIVE_COLUMNS = [col(0.12, 'right'), col(0.14, 'right'), col(0.12, 'right'), col(0.14, 'right'), col(0.13, 'right'), col(0.19), col(0.16)];
const INDICATOR_COLUMNS = [col(0.12), col(0.36), col(0.14, 'right'), col(0.14, 'right'), col(0.1, 'right'), col(0.14, 'right')];
const PHASE_COLUMNS = [col(0.06, 'right'), col(0.36), col(0.22), col(0.12), col(0.12, 'right'), col(0.12, 'right')];
const UNIT_COLUMNS = [col(0.4), col(0.11, 'right'), col(0.11, 'right'), col(0.11, 'right'), col(0.16), col(0.11, 'right')];
const FIGURE_COLUMNS = [col(0.6), col(0.4, 'right')];
const EXCLUDED_COLUMNS = [col(0.14), col(0.36), col(0.14), col(0.36)];
const CLASS_COLUMNS = [col(0.5), col(0.2, 'right'), col(0.3, 'right')];
const CATEGORY_COLUMNS = [col(0.22), col(0.1, 'right'), col(0.1, 'right'), col(0.16, 'right'), col(0.14, 'right'), col(0.14, 'right'), col(0.14, 'right')];

interface Group {
  heading: string;
  /** A line under the heading (the unit's grade, or the count). */
  line: string;
  objectives: number[];
}

export function buildReport(scored: Scored, options: ReportOptions): ReportDocument {
  return new ReportBuilder(scored, options).build();
}

class ReportBuilder {
  private readonly blocks: Block[] = [];
  private readonly t: (key: string, params?: Record<string, string | number>) => string;
  private readonly decimals: number;
  private readonly statusLabels: Map<ImplementationStatus, string>;
  private readonly unitNames: Map<string, string>;
  /** The `Monitoraggi` rows of the report's date by objective code; empty for the current sheets. */
  private readonly monitoringRows: Map<string, number[]>;

  constructor(
    private readonly scored: Scored,
    private readonly options: ReportOptions,
  ) {
    const { lang } = options;
    this.t = (key, params = {}) => message(key, params, lang);
    this.decimals = scored.plan.rules.decimals;
    this.statusLabels = new Map(STATUS_ORDER.map((s) => [s, message(`status-${s}`, {}, lang)]));
    this.unitNames = new Map(scored.plan.units.flatMap((u) => (u.code === null ? [] : [[u.code, u.name ?? '']])));
    this.monitoringRows = options.asOf === undefined ? new Map() : objectiveRowsAt(scored.plan, scored.plan.monitoring ?? [], options.asOf);
  }

  build(): ReportDocument {
    const { plan } = this.scored;
    const year = plan.rules.year;
    const title = this.t('report-title', { year: String(year) });
    this.cover(title);
    this.summary();
    this.chapters();
    this.annexExcluded();
    this.annexPay();
    return { title, language: this.options.lang === 'it' ? 'it-IT' : 'en-GB', blocks: this.blocks };
  }

  /** A grade as the CLI prints it: Decimali places, kept even when zero (83,30). */
  private grade(value: number | null): string {
    if (value === null) return this.t('report-no-grade');
    const text = roundHalfUp(value, this.decimals).toFixed(this.decimals);
    return this.options.lang === 'it' ? text.replace('.', ',') : text;
  }

  private number(value: number, decimals = MEASURE_DECIMALS): string {
    return formatDecimal(value, decimals, this.options.lang);
  }

  private measure(value: Measure | null, unit: string | null): string {
    if (value === null) return '';
    switch (value.kind) {
      case 'number':
        return unit ? `${this.number(value.value)} ${unit}` : this.number(value.value);
      case 'yesno':
        return this.t(value.value ? 'report-yes' : 'report-no');
      case 'partial':
        return this.t('report-partial', { percent: this.number(value.value) });
      case 'date':
        return italianDate(value.value);
    }
  }

  private unitLabel(code: string): string {
    const name = this.unitNames.get(code);
    return name ? `${code} ${name}` : code;
  }

  private cover(title: string): void {
    const { plan, results } = this.scored;
    this.blocks.push(
      { kind: 'title', text: title },
      { kind: 'subtitle', text: plan.organization ?? this.t('report-organization-default') },
      { kind: 'subtitle', text: this.t('report-as-of', { date: italianDate(results.referenceDate) }) },
      { kind: 'paragraph', runs: [this.t('report-generated', { date: italianDate(this.options.generatedOn) })] },
      { kind: 'pageBreak' },
      { kind: 'paragraph', runs: [{ text: this.t('report-toc-title'), bold: true }] },
      { kind: 'toc', placeholder: this.t('report-toc-placeholder') },
      { kind: 'pageBreak' },
    );
  }

  private summary(): void {
    const { plan, results } = this.scored;
    const org = results.organization;
    const graded = results.objectives.filter((o) => o.finalGrade !== null).length;
    const excluded = plan.objectives.filter((o) => o.excluded).length;
    const figures: string[][] = [
      [this.t('report-org-grade'), this.grade(org.grade)],
      [this.t('report-band'), this.band(org.band) ?? this.t('report-no-grade')],
      [this.t('report-reward'), this.grade(org.reward)],
      [this.t('report-coverage'), this.t('report-coverage-value', { graded: String(graded), total: String(plan.objectives.length) })],
      [this.t('report-excluded-count'), String(excluded)],
      [this.t('report-ente-performance'), this.grade(org.entePerformance)],
      [this.t('report-reference-date'), italianDate(results.referenceDate)],
    ];
    this.blocks.push(
      { kind: 'heading', level: 1, text: this.t('report-summary') },
      { kind: 'table', columns: FIGURE_COLUMNS, header: [this.t('report-figure'), this.t('report-value')], rows: figures },
      { kind: 'heading', level: 2, text: this.t('report-chart-units') },
      { kind: 'bars', bars: this.unitBars() },
      { kind: 'heading', level: 2, text: this.t('report-chart-status') },
      { kind: 'bars', bars: this.statusBars() },
      { kind: 'heading', level: 2, text: this.t('report-units-table') },
      {
        kind: 'table',
        columns: UNIT_COLUMNS,
        header: [this.t('report-unit'), this.t('report-objectives'), this.t('report-weights'), this.t('report-grade'), this.t('report-band'), this.t('report-reward')],
        rows: results.units.map((u) => [
          this.unitLabel(u.code),
          String(u.objectives),
          this.number(u.weightSum, this.decimals),
          this.grade(u.grade),
          this.band(u.band) ?? '',
          this.grade(u.reward),
        ]),
      },
    );
  }

  /** The label of a band the engine chose (an index into Fasce). */
  private band(index: number | null): string | null {
    return bandLabel(this.scored.plan.bands, index);
  }

  private bandColor(index: number | null): string {
    const color = index === null ? undefined : this.scored.plan.bands[index]?.color;
    return HEX.exec(color?.trim() ?? '')?.[1]?.toUpperCase() ?? DEFAULT_BAR;
  }

  private unitBars(): Bar[] {
    const { results } = this.scored;
    const scale = Math.max(100, results.analysis.cap);
    return results.units.map((u) => ({
      label: this.unitLabel(u.code),
      fill: u.grade === null ? 0 : u.grade / scale,
      text: this.grade(u.grade),
      color: this.bandColor(u.band),
    }));
  }

  private statusBars(): Bar[] {
    const counts = new Map<ImplementationStatus | null, number>();
    for (const o of this.scored.results.objectives) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    const max = Math.max(1, ...counts.values());
    const bar = (status: ImplementationStatus | null): Bar => {
      const count = counts.get(status) ?? 0;
      return {
        label: status === null ? this.t('report-no-status') : (this.statusLabels.get(status) ?? status),
        fill: count / max,
        text: String(count),
        color: status === null ? 'D9D9D9' : STATUS_COLORS[status],
      };
    };
    return [...STATUS_ORDER.map(bar), bar(null)];
  }

  private chapters(): void {
    const groups = this.options.by === 'missione' ? this.missionGroups() : this.unitGroups();
    this.blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: this.t(this.options.by === 'missione' ? 'report-by-mission' : 'report-by-unit') });
    for (const group of groups) {
      this.blocks.push({ kind: 'heading', level: 2, text: group.heading }, { kind: 'paragraph', runs: [group.line] });
      for (const o of group.objectives) this.objective(o);
    }
  }

  /** The objectives the chapters list: all but the excluded ones, which have their annex. */
  private listed(): number[] {
    const out: number[] = [];
    this.scored.plan.objectives.forEach((o, i) => {
      if (!o.excluded) out.push(i);
    });
    return out;
  }

  private unitGroups(): Group[] {
    const { results } = this.scored;
    const byUnit = new Map<string, number[]>();
    const orphans: number[] = [];
    const known = new Set(results.units.map((u) => u.code));
    for (const i of this.listed()) {
      const unit = this.scored.plan.objectives[i].unit;
      if (unit !== null && known.has(unit)) {
        const list = byUnit.get(unit);
        if (list) list.push(i);
        else byUnit.set(unit, [i]);
      } else orphans.push(i);
    }
    const groups: Group[] = [];
    for (const u of results.units) {
      const objectives = byUnit.get(u.code);
      if (!objectives) continue;
      groups.push({
        heading: this.t('report-group-unit', { code: u.code, name: this.unitNames.get(u.code) ?? '' }),
        line: this.t('report-group-unit-line', { grade: this.grade(u.grade), band: this.band(u.band) ?? this.t('report-no-grade'), count: String(u.objectives) }),
        objectives,
      });
    }
    if (orphans.length > 0) groups.push({ heading: this.t('report-group-no-unit'), line: this.t('report-group-count', { count: String(orphans.length) }), objectives: orphans });
    return groups;
  }

  /**
   * Chapters by missione/programma as the DUP roll-up groups them (engine/structure.ts): an
   * objective without them takes its nearest ancestor's, and a chapter with a programme gives the
   * roll-up's grade of that missione/programma.
   */
  private missionGroups(): Group[] {
    const { plan, results } = this.scored;
    const parents = parentRows(plan, results);
    const keyed = new Map<string, { mission: number | null; programme: number | null; objectives: number[] }>();
    for (const i of this.listed()) {
      const mission = inherited(i, parents, (o) => plan.objectives[o].mission);
      const programme = mission === null ? null : inherited(i, parents, (o) => plan.objectives[o].programme);
      const key = `${mission ?? ''}.${programme ?? ''}`;
      const group = keyed.get(key);
      if (group) group.objectives.push(i);
      else keyed.set(key, { mission, programme, objectives: [i] });
    }
    const rollup = structureRollup(plan, results).missions;
    // Missione and programma in budget order; objectives without them last.
    const order = (n: number | null): number => n ?? Number.MAX_SAFE_INTEGER;
    const sorted = [...keyed.values()].sort((a, b) => order(a.mission) - order(b.mission) || order(a.programme) - order(b.programme));
    return sorted.map((g) => {
      // Without a programme the roll-up's row is the whole missione, not this chapter's objectives.
      const graded = g.mission !== null && g.programme === null ? undefined : rollup.find((r) => r.mission === g.mission && r.programme === g.programme);
      return {
        heading:
          g.mission === null
            ? this.t('report-group-no-mission')
            : g.programme === null
              ? this.t('report-group-mission-only', { mission: String(g.mission) })
              : this.t('report-group-mission', { mission: String(g.mission), programme: String(g.programme) }),
        line:
          graded === undefined
            ? this.t('report-group-count', { count: String(g.objectives.length) })
            : this.t('report-group-mission-line', { grade: this.grade(graded.grade), graded: String(graded.objectives), count: String(g.objectives.length) }),
        objectives: g.objectives,
      };
    });
  }

  private objective(i: number): void {
    const { plan, results } = this.scored;
    const o = plan.objectives[i];
    const r = results.objectives[i];
    this.blocks.push({ kind: 'heading', level: 3, text: [o.code, o.title].filter((s) => s !== null && s !== '').join(' — ') });
    this.blocks.push({ kind: 'paragraph', runs: this.objectiveLine(o) });
    this.blocks.push({
      kind: 'table',
      columns: OBJECTIVE_COLUMNS,
      header: [
        this.t('report-weight-share'),
        this.t('report-indicator-grade'),
        this.t('report-phase-grade'),
        this.t('report-computed-grade'),
        this.t('report-final-grade'),
        this.t('report-band'),
        this.t('report-status'),
      ],
      rows: [
        [
          r.weightShare === null ? '' : this.grade(r.weightShare),
          this.grade(r.indicatorGrade),
          this.grade(r.phaseGrade),
          this.grade(r.computedGrade),
          this.grade(r.finalGrade),
          this.band(r.band) ?? '',
          r.status === null ? '' : (this.statusLabels.get(r.status) ?? r.status),
        ],
      ],
    });
    if (results.analysis.grading[i] === 'blocked') this.blocks.push({ kind: 'paragraph', runs: [this.t('report-blocked')] });
    this.indicators(i);
    this.phases(i);
    if (o.code !== null) this.monitoringNotes(o.code);
    if (o.override !== null || o.overrideNote !== null) {
      const runs: Run[] = [{ text: this.t('report-ndv'), bold: true }];
      if (o.override !== null) runs.push(this.t('report-ndv-grade', { grade: this.grade(o.override) }));
      if (o.overrideNote !== null) runs.push(o.overrideNote);
      this.blocks.push({ kind: 'paragraph', runs });
    }
  }

  private objectiveLine(o: Objective): Run[] {
    const runs: Run[] = [];
    const add = (label: string, value: string | null): void => {
      if (value === null || value === '') return;
      if (runs.length > 0) runs.push(' · ');
      runs.push({ text: `${label}: `, bold: true }, value);
    };
    add(this.t('report-level'), LEVEL_OPTIONS.find((l) => l.key === o.level)?.label[this.options.lang] ?? o.level);
    add(this.t('report-unit'), o.unit === null ? null : this.unitLabel(o.unit));
    add(this.t('report-shared-with'), o.sharedWith.length > 0 ? o.sharedWith.join(', ') : null);
    add(this.t('report-owner'), o.owner);
    add(this.t('report-mission'), o.mission === null ? null : [o.mission, o.programme].filter((n) => n !== null).join('.'));
    return runs;
  }

  private indicators(o: number): void {
    const { plan, results } = this.scored;
    const rows = rowsOf(results.analysis.indicatorsOf, o);
    if (rows.length === 0) return;
    const table: string[][] = [];
    for (const i of rows) {
      const ind = plan.indicators[i];
      const r = results.indicators[i];
      table.push([
        ind.code ?? '',
        ind.name ?? '',
        this.measure(ind.target, ind.unit),
        this.measure(ind.actual, ind.unit),
        r.weightShare === null ? '' : this.grade(r.weightShare),
        this.grade(r.grade),
      ]);
    }
    this.blocks.push({
      kind: 'table',
      columns: INDICATOR_COLUMNS,
      header: [this.t('report-code'), this.t('report-indicator'), this.t('report-target'), this.t('report-actual'), this.t('report-weight-share'), this.t('report-grade')],
      rows: table,
    });
    this.notes(Array.from(rows, (i) => [plan.indicators[i].code ?? '', plan.indicators[i].notes]));
  }

  private phases(o: number): void {
    const { plan, results } = this.scored;
    const rows = rowsOf(results.analysis.phasesOf, o);
    if (rows.length === 0) return;
    const date = (d: string | null): string => (d === null ? '…' : italianDate(d));
    const table: string[][] = [];
    for (const i of rows) {
      const p = plan.phases[i];
      const r = results.phases[i];
      table.push([
        p.seq === null ? '' : String(p.seq),
        p.year === null || p.year === plan.rules.year ? (p.name ?? '') : `${p.name ?? ''} (${p.year})`,
        p.plannedStart === null && p.plannedEnd === null ? '' : `${date(p.plannedStart)} – ${date(p.plannedEnd)}`,
        p.actualEnd === null ? '' : italianDate(p.actualEnd),
        this.number(p.progress ?? 0, this.decimals),
        r.expectedProgress === null ? '' : this.number(r.expectedProgress, this.decimals),
      ]);
    }
    this.blocks.push({
      kind: 'table',
      columns: PHASE_COLUMNS,
      header: [this.t('report-phase-no'), this.t('report-phase'), this.t('report-planned'), this.t('report-actual-end'), this.t('report-progress'), this.t('report-expected')],
      rows: table,
    });
    this.notes(Array.from(rows, (i) => [this.t('report-phase-note', { seq: plan.phases[i].seq === null ? '' : String(plan.phases[i].seq) }), plan.phases[i].notes]));
  }

  /** The Note of the rows of a table, one line under it, only for rows that have one. */
  private notes(rows: readonly (readonly [string, string | null])[]): void {
    const runs: Run[] = [];
    for (const [label, note] of rows) {
      if (note === null || note === '') continue;
      runs.push(runs.length === 0 ? { text: this.t('report-notes'), bold: true } : '; ', `${label}: ${note}`);
    }
    if (runs.length > 0) this.blocks.push({ kind: 'paragraph', runs });
  }

  /** The Notas written in `Monitoraggi` at the report's date on the objective's rows: why it stood where it did then. */
  private monitoringNotes(code: string): void {
    const { asOf } = this.options;
    if (asOf === undefined) return;
    const rows = this.scored.plan.monitoring ?? [];
    const runs: Run[] = [];
    for (const j of this.monitoringRows.get(code) ?? []) {
      const row = rows[j];
      const note = noteOf(row);
      if (note === null) continue;
      const phase = this.t('report-phase-note', { seq: row.seq === null ? '' : String(row.seq) });
      const label = row.kind === 'fase' ? (row.year === null ? phase : `${phase} (${row.year})`) : (row.code ?? '');
      runs.push(runs.length === 0 ? { text: this.t('report-monitoring-notes', { date: italianDate(asOf) }), bold: true } : '; ', `${label}: ${note}`);
    }
    if (runs.length > 0) this.blocks.push({ kind: 'paragraph', runs });
  }

  private annexExcluded(): void {
    const { plan } = this.scored;
    this.blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: this.t('report-annex-excluded') });
    const rows = plan.objectives
      .filter((o) => o.excluded)
      .map((o) => [o.code ?? '', o.title ?? '', o.unit ?? '', o.excludedReason ?? '']);
    if (rows.length === 0) {
      this.blocks.push({ kind: 'paragraph', runs: [this.t('report-none-excluded')] });
      return;
    }
    this.blocks.push({
      kind: 'table',
      columns: EXCLUDED_COLUMNS,
      header: [this.t('report-code'), this.t('report-title-column'), this.t('report-unit'), this.t('report-reason')],
      rows,
    });
  }

  /**
   * Annex B, only when the plan has pay: each pot's totals as the engine computed them and its
   * distribution by class and by Categoria as the `Trasparenza` sheet publishes it (the same
   * aggregates, engine/pay/transparency.ts). A publication document: people are counted, never named.
   * The pots are Heading 2 for the contents; their tables' titles are bold lines, since Heading 3
   * is an objective's.
   */
  private annexPay(): void {
    const { plan, pay, payInput: input } = this.scored;
    if (pay === null || input === null) return;
    const { lang } = this.options;
    const figures = transparency(input, pay);
    const money = (value: number | null): string => (value === null ? '' : euro(value, lang));
    this.blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: this.t('report-annex-pay') }, { kind: 'paragraph', runs: [this.t('report-pay-intro')] });
    for (const fund of pay.funds) {
      const row = input.funds.find((f) => f.code === fund.code);
      const name = plan.funds.find((f) => f.code === fund.code)?.name ?? null;
      const stats = figures.pots.filter((p) => p.fund === fund.code);
      const whole = stats.find((p) => p.category === null);
      this.blocks.push(
        { kind: 'heading', level: 2, text: this.t('report-pay-pot', { code: fund.code, name: name === null || name === '' ? '' : ` — ${name}` }) },
        { kind: 'paragraph', runs: [{ text: `${this.t('report-pay-role')}: `, bold: true }, optionLabel(PAY_ROLE_OPTIONS, row?.role, lang) ?? row?.role ?? ''] },
        {
          kind: 'table',
          columns: FIGURE_COLUMNS,
          header: [this.t('report-figure'), this.t('report-value')],
          rows: [
            [this.t('report-pay-allocated'), money(fund.allocated)],
            [this.t('report-pay-paid'), money(fund.paid)],
            [this.t('report-pay-unspent'), money(fund.unspent)],
            [this.t('report-pay-evaluated'), String(whole?.evaluated ?? 0)],
            [this.t('report-pay-paid-people'), String(whole?.paidPeople ?? 0)],
          ],
        },
      );
      if (whole !== undefined && whole.classes.length > 0) {
        const hasClasses = input.classes.some((c) => c.fund === fund.code);
        this.blocks.push(
          { kind: 'paragraph', runs: [{ text: this.t('report-pay-by-class', { code: fund.code }), bold: true }] },
          {
            kind: 'table',
            columns: CLASS_COLUMNS,
            header: [this.t('report-pay-class'), this.t('report-pay-people'), this.t('report-pay-paid')],
            rows: [...whole.classes].reverse().map((c) => [classLabel(c.classIndex, c.from, hasClasses, input.rules.scoreDecimals, lang), String(c.people), money(c.paid)]),
          },
        );
      }
      const categories = stats.filter((p): p is PotStats & { category: string } => p.category !== null);
      if (categories.length > 0)
        this.blocks.push(
          { kind: 'paragraph', runs: [{ text: this.t('report-pay-by-category', { code: fund.code }), bold: true }] },
          {
            kind: 'table',
            columns: CATEGORY_COLUMNS,
            header: [
              this.t('report-pay-category'),
              this.t('report-pay-evaluated'),
              this.t('report-pay-paid-people'),
              this.t('report-pay-paid'),
              this.t('report-pay-mean'),
              this.t('report-pay-min'),
              this.t('report-pay-max'),
            ],
            rows: categories.map((p) => [
              p.category === '' ? message('transparency-no-category', {}, lang) : p.category,
              String(p.evaluated),
              String(p.paidPeople),
              money(p.paid),
              money(p.mean),
              money(p.min),
              money(p.max),
            ]),
          },
        );
    }
  }
}
