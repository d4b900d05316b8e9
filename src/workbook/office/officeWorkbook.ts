/// <reference types="office-js" />
/**
 * The WorkbookPort of Excel itself, through Office.js: the only code of Traguardo that touches
 * `Excel.*`.
 *
 * Syncs (SPEC §7): `readTables` takes one metadata sync, which also reads the first rows of every
 * table, then as many value syncs as the data needs at up to 4 MB each — one for any workbook that
 * fits. `apply` reuses the metadata of a `readTables` that just ran (Calcola reads, computes and
 * writes at once), so a computation costs metadata + values + writes: three syncs when everything
 * fits in 4 MB. Every sync is bounded by a timeout, and Excel's refusals become UserErrors.
 *
 * Input cells are safe whatever sync fails: reads come first; the checks that can refuse a batch
 * (protected sheet, occupied cells, wrong lengths) run before the first write; a computation
 * writes only output columns and `Riepilogo`.
 */
import type { TableData, WorkbookChange, WorkbookPort } from '../port';
import { DEFAULT_SYNC_TIMEOUT_MS, isPayloadTooLarge, officeFailure, withTimeout } from './failures';
import { readBodies, readMetadata, SAMPLE_ROWS, type Metadata, type Sampled, type Sync } from './reading';
import { NOTES_EXCEL_API, officeSupports } from './requirements';
import { BatchObjects, packRequests, planWrites, queueSlice, type Area } from './writing';
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
  /** `Excel.run`, or a test double of it. */
  run?: ExcelRun;
  syncTimeoutMs?: number;
  payloadLimit?: number;
  /** Whether an ExcelApi requirement set is available (header notes need 1.18). */
  supports?: (version: string) => boolean;
  now?: () => number;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly timeoutMs: number;
  private readonly budget: number;
  private readonly supports: (version: string) => boolean;
  private readonly now: () => number;
  /** Metadata of the last `readTables`, for the `apply` that follows it; taken once. */
  private recent: { metadata: Metadata; at: number } | null = null;

  constructor(options: OfficeWorkbookOptions = {}) {
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
      this.recent = { metadata: sampled.meta, at: this.now() };
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

  async apply(changes: readonly WorkbookChange[]): Promise<void> {
    const recent = this.recent;
    this.recent = null;
    if (changes.length === 0) return;
    // A batch that reshapes table bodies needs positions no older than this very call.
    const reuse = recent !== null && this.now() - recent.at <= METADATA_REUSE_MS && !changes.some((c) => c.kind === 'writeRows');
    await this.batch(async (context, sync) => {
      const metadata = reuse ? recent.metadata : (await readMetadata(context, sync, 1)).meta;
      const plan = planWrites(metadata, changes, this.supports(NOTES_EXCEL_API));
      if (plan.claims.length > 0) await checkEmpty(context, sync, plan.claims);
      const requests = packRequests(plan, this.budget);
      const objects = new BatchObjects(context);
      try {
        for (const request of requests) {
          context.application.suspendApiCalculationUntilNextSync();
          context.application.suspendScreenUpdatingUntilNextSync();
          context.runtime.enableEvents = false;
          for (const step of request.steps) step.queue(context, objects);
          for (const slice of request.slices) queueSlice(objects, slice);
          // Queued last in the same request: events come back on with the writes, at no extra sync.
          context.runtime.enableEvents = true;
          await sync();
        }
      } catch (error) {
        if (!(error instanceof UserError && error.key === 'office-timeout')) await restoreEvents(context, sync);
        throw error;
      }
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
    try {
      return await readMetadata(context, sync, SAMPLE_ROWS);
    } catch (error) {
      // Sample rows of giant cells: metadata alone, rows are then sized cautiously.
      if (!isPayloadTooLarge(error)) throw error;
      return readMetadata(context, sync, 0);
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

/** One sync that refuses the batch when a cell a new table or column would take holds something. */
async function checkEmpty(context: Excel.RequestContext, sync: Sync, claims: readonly Area[]): Promise<void> {
  const checks = claims.map((area) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(area.sheet);
    sheet.load('name');
    const used = sheet.getRangeByIndexes(area.row - 1, area.column - 1, area.rows, area.columns).getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex');
    return { area, sheet, used };
  });
  await sync();
  for (const { area, sheet, used } of checks) {
    if (!sheet.isNullObject && !used.isNullObject) {
      throw new UserError('workbook-range-occupied', { sheet: area.sheet, cell: cellAddress(used.rowIndex + 1, used.columnIndex + 1) });
    }
  }
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
