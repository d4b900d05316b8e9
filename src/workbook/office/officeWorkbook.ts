/// <reference types="office-js" />
/**
 * The WorkbookPort of Excel itself, through Office.js: the only code of Traguardo that touches
 * `Excel.*`.
 *
 * Syncs (SPEC §7): `readTables` takes one metadata sync, which also reads the first rows of every
 * table, then as many value syncs as the data needs at up to 4 MB each — one for any workbook that
 * fits. `apply` reuses the metadata of a `readTables` that just ran (Calcola reads, computes and
 * writes at once), so a computation costs metadata + values + writes: three syncs when everything
 * fits in 4 MB. `readProperty` after `readTables` answers from the metadata sync, which loaded the
 * custom properties. Every sync is bounded by a timeout, and Excel's refusals become UserErrors.
 *
 * Input cells are safe whatever sync fails: reads come first; the checks that can refuse a batch
 * (protected sheet, occupied cells, wrong lengths) run before the first write; a computation
 * writes only output columns and `Riepilogo`.
 */
import type { TableData, WorkbookChange, WorkbookPort } from '../port';
import { DEFAULT_SYNC_TIMEOUT_MS, isPayloadTooLarge, officeFailure, withTimeout } from './failures';
import type { PageSetupSeen } from '../legacyPage';
import {
  NOTE_LOCATION_BYTES,
  pageProbe,
  queueNoteLocations,
  readBodies,
  readMetadata,
  SAMPLE_ROWS,
  type Metadata,
  type MetadataOptions,
  type Sampled,
  type Sync,
} from './reading';
import { NOTES_EXCEL_API, officeSupports } from './requirements';
import { BatchObjects, packRequests, planWrites, queueSlice, touchesNotes, type Area } from './writing';
import { UserError } from '../../errors';
import { cellAddress } from '../port';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The largest request or response one sync may carry (Excel on the web refuses above 5 MB). */
export const PAYLOAD_LIMIT = 4 * 1024 * 1024;
/** Room kept in each sync for what the byte estimate does not count (ids, paths, envelopes). */
const PAYLOAD_RESERVE = 8 * 1024;
/** How long the metadata of a `readTables` may serve the next `apply`. */
const METADATA_REUSE_MS = 30_000;

export interface OfficeWorkbookOptions {
  /**
   * The tables the port reads, by name (Office.js reads a table by name within the one metadata
   * sync), and the sheets Traguardo draws charts on: `recognisedNames()` of workbook/headers.ts.
   */
  recognises: { tables: readonly string[]; chartSheets: readonly string[] };
  /** `Excel.run`, or a test double of it. */
  run?: ExcelRun;
  syncTimeoutMs?: number;
  payloadLimit?: number;
  /** Whether an ExcelApi requirement set is available (header notes need 1.18). */
  supports?: (version: string) => boolean;
  now?: () => number;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly supportsCharts = true;
  private readonly run: ExcelRun;
  private readonly timeoutMs: number;
  private readonly budget: number;
  private readonly supports: (version: string) => boolean;
  private readonly now: () => number;
  private readonly recognises: OfficeWorkbookOptions['recognises'];
  /** Metadata of the last `readTables`, for the `apply` that follows it; taken once. */
  private recent: { metadata: Metadata; at: number } | null = null;
  /** Custom properties as last read (and written since), by lower-case key. */
  private properties: { values: Map<string, string>; at: number } | null = null;

  constructor(options: OfficeWorkbookOptions) {
    this.recognises = options.recognises;
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.timeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    this.budget = (options.payloadLimit ?? PAYLOAD_LIMIT) - PAYLOAD_RESERVE;
    this.supports = options.supports ?? officeSupports;
    this.now = options.now ?? Date.now;
  }

  async readTables(): Promise<TableData[]> {
    this.recent = null;
    return this.batch(async (context, sync) => {
      const sampled = await this.metadata(context, sync);
      const bodies = await readBodies(context, sync, sampled, this.budget);
      const at = this.now();
      this.recent = { metadata: sampled.meta, at };
      this.properties = { values: new Map(sampled.meta.properties), at };
      return sampled.meta.tables.map((t, i) => ({
        name: t.name,
        sheet: t.sheet,
        top: t.top,
        left: t.left,
        headers: t.headers,
        rows: bodies[i],
      }));
    });
  }

  async readProperty(key: string): Promise<string | null> {
    const cached = this.properties;
    if (cached && this.now() - cached.at <= METADATA_REUSE_MS) return cached.values.get(key.toLowerCase()) ?? null;
    return this.batch(async (context, sync) => {
      const custom = context.workbook.properties.custom;
      custom.load('items/key,items/value');
      await sync();
      const values = new Map(custom.items.map((p) => [p.key.toLowerCase(), String(p.value)]));
      this.properties = { values, at: this.now() };
      return values.get(key.toLowerCase()) ?? null;
    });
  }

  async apply(changes: readonly WorkbookChange[]): Promise<void> {
    const recent = this.recent;
    this.recent = null;
    if (changes.length === 0) return;
    const notes = this.supports(NOTES_EXCEL_API);
    const replaced = changes.flatMap((c) => (c.kind === 'replaceSheet' ? [c.sheet] : []));
    const options: MetadataOptions = { notes, tables: this.recognises.tables, chartSheets: [...this.recognises.chartSheets, ...replaced] };
    // A batch that reshapes table bodies needs positions no older than this very call, and one
    // that replaces a sheet needs to know the charts on it.
    const reuse =
      recent !== null &&
      this.now() - recent.at <= METADATA_REUSE_MS &&
      !changes.some((c) => c.kind === 'writeRows') &&
      replaced.every((sheet) => !recent.metadata.sheets.has(sheet.toLowerCase()) || recent.metadata.charts.has(sheet.toLowerCase()));
    await this.batch(async (context, sync) => {
      const metadata = reuse ? recent.metadata : (await readMetadata(context, sync, 1, options)).meta;
      const locate = notes && metadata.notes === null && touchesNotes(changes);
      let plan = planWrites(metadata, changes, { notes });
      if (plan.claims.length > 0 || locate) {
        await probe(context, sync, plan.claims, locate ? metadata : null, this.budget);
        if (locate) plan = planWrites(metadata, changes, { notes });
      }
      const requests = packRequests(plan, this.budget);
      const objects = new BatchObjects(context);
      try {
        for (const request of requests) {
          context.application.suspendApiCalculationUntilNextSync();
          context.application.suspendScreenUpdatingUntilNextSync();
          context.runtime.enableEvents = false;
          for (const step of request.steps) step.queue(context, objects);
          for (const slice of request.slices) queueSlice(objects, slice);
          for (const step of request.notes) step.queue(context, objects);
          // Queued last in the same request: events come back on with the writes, at no extra sync.
          context.runtime.enableEvents = true;
          await sync();
        }
      } catch (error) {
        if (!(error instanceof UserError && error.key === 'office-timeout')) await restoreEvents(context, sync);
        throw error;
      }
      if (this.properties) for (const [k, value] of plan.properties) this.properties.values.set(k, value);
    });
  }

  /** One sync; the sheets come from the tables just read (a sheet deleted since fails the read). */
  async readPageSetups(sheets: readonly string[]): Promise<Map<string, PageSetupSeen>> {
    return this.batch(async (context, sync) => {
      const probes = sheets.map((name) => [name, pageProbe(context.workbook.worksheets.getItem(name))] as const);
      await sync();
      return new Map(probes.map(([name, seen]) => [name, seen()]));
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.batch(async (context, sync) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await sync();
    });
  }

  private async metadata(context: Excel.RequestContext, sync: Sync): Promise<Sampled> {
    const options: MetadataOptions = { notes: this.supports(NOTES_EXCEL_API), ...this.recognises };
    try {
      return await readMetadata(context, sync, SAMPLE_ROWS, options);
    } catch (error) {
      // Sample rows of giant cells: metadata alone, rows are then sized cautiously.
      if (!isPayloadTooLarge(error)) throw error;
      return readMetadata(context, sync, 0, options);
    }
  }

  private async batch<T>(body: (context: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<T> {
    try {
      return await this.run((context) => body(context, () => withTimeout(context.sync(), this.timeoutMs)));
    } catch (error) {
      throw officeFailure(error);
    }
  }
}

/**
 * What a write must know before its first request, in as few syncs as the budget allows: the
 * batch is refused when a cell a new table or column would take holds something; with `notes`,
 * the cell of every note of the workbook is located into its metadata.
 */
async function probe(context: Excel.RequestContext, sync: Sync, claims: readonly Area[], notes: Metadata | null, budget: number): Promise<void> {
  const checks = claims.map((area) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(area.sheet);
    sheet.load('name');
    const used = sheet.getRangeByIndexes(area.row - 1, area.column - 1, area.rows, area.columns).getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex');
    return { area, sheet, used };
  });
  const count = notes?.noteCount ?? 0;
  const perSync = Math.max(1, Math.floor(budget / NOTE_LOCATION_BYTES));
  const located = new Set<string>();
  for (let from = 0; ; from += perSync) {
    const locate = queueNoteLocations(context, from, Math.min(count, from + perSync));
    await sync();
    locate(located);
    if (from === 0) {
      for (const { area, sheet, used } of checks) {
        if (!sheet.isNullObject && !used.isNullObject) {
          throw new UserError('workbook-range-occupied', { sheet: area.sheet, cell: cellAddress(used.rowIndex + 1, used.columnIndex + 1) });
        }
      }
    }
    if (from + perSync >= count) break;
  }
  if (notes) notes.notes = located;
}

/** After a failed write: events back on (the request that would have done it did not complete). */
async function restoreEvents(context: Excel.RequestContext, sync: Sync): Promise<void> {
  try {
    context.runtime.enableEvents = true;
    await sync();
  } catch {
    // The original failure is what the user needs to see; events are this add-in's own
    // (Runtime.enableEvents does not reach other add-ins) and are on again when it reloads.
  }
}
