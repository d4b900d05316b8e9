/**
 * The workbook of the browser preview, held twice: a MemoryWorkbook that the sheet view shows
 * and the task pane reads, and an XlsxWorkbook (the opened file, or a new one) that «Scarica
 * .xlsx» saves. Every batch of the pane goes to both through the same WorkbookPort contract, so
 * the download is the opened file with the pane's changes — other sheets, formats and parts
 * copied as they were — and never a re-export of the simplified memory model.
 *
 * The xlsx copy applies first: it is the stricter one (it knows protected sheets and the cells
 * around the tables, which the memory copy of an opened file does not), and a batch it refuses
 * reaches neither copy.
 */
import type { TableData, WorkbookChange, WorkbookPort } from '../workbook/port';
import { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import { XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';
import { fflateCodec } from '../workbook/xlsx/fflateCodec';
import { browserPause } from '../workbook/cooperative';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NEW_FILE_NAME = 'traguardo.xlsx';


export class PreviewDocument {
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** What the pane receives: reads the memory copy, writes both, tells the view. */
  readonly port: WorkbookPort = {
    readTables: (): Promise<TableData[]> => this.memory.readTables(),
    readProperty: (key: string): Promise<string | null> => this.memory.readProperty(key),
    // The sheet view draws no chart, and the downloaded xlsx holds none (as from the CLI).
    supportsCharts: false,
    apply: async (changes: readonly WorkbookChange[]): Promise<void> => {
      // Each copy takes seconds on a large plan: they give the page the thread back as they go.
      await this.xlsx.apply(changes, browserPause);
      await browserPause();
      await this.memory.apply(changes, browserPause);
      await browserPause();
      this.changed();
    },
    selectCell: async (sheet: string, address: string): Promise<void> => {
      await this.memory.selectCell(sheet, address);
      this.changed();
    },
  };

  private constructor(
    readonly memory: MemoryWorkbook,
    private readonly xlsx: XlsxWorkbook,
    /** Name of the opened file, also the name of the download. */
    readonly fileName: string,
  ) {}

  /** An empty workbook, as a new file in Excel. */
  static empty(): PreviewDocument {
    return new PreviewDocument(new MemoryWorkbook(), XlsxWorkbook.create(fflateCodec), NEW_FILE_NAME);
  }

  /**
   * An .xlsx file from disk. The view shows its tables (the cells the pane works on); its other
   * sheets travel untouched to the download. Throws UserError on a file that is not a workbook,
   * and on a hostile one: the reader is the CLI's, with the same bounds on inflating, on parts
   * and on tables, so a zip bomb or an absurd table gives a message, not a frozen tab.
   */
  static async open(bytes: Uint8Array, fileName: string): Promise<PreviewDocument> {
    const xlsx = await XlsxWorkbook.load(bytes, fileName, fflateCodec);
    const memory = MemoryWorkbook.fromTables(await xlsx.readTables(), (sheet, row, column) => xlsx.numberFormatAt(sheet, row, column));
    return new PreviewDocument(memory, xlsx, fileName);
  }

  /** The .xlsx to download. */
  toBytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.xlsx.toBytes();
  }

  /** For React's useSyncExternalStore: called after every write and selection. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
