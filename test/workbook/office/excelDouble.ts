/// <reference types="office-js" />
/**
 * A test double of the part of the Excel JavaScript API that OfficeWorkbook uses, with the
 * semantics that matter for correctness and cost:
 * - proxy objects: methods and property writes are queued and take effect at `context.sync()`;
 *   a property can be read only after `load` and a sync, otherwise it throws PropertyNotLoaded;
 *   an object made by a method is resolved when its turn comes in the queue (a range taken before
 *   a resize keeps its old address); `getItemOrNullObject` gives `isNullObject`;
 * - a batch is not a transaction: a failing action stops the sync, the actions before it stay;
 * - strings written to a cell not formatted as text are parsed as Excel parses typing: `=…`,
 *   `+…`, `-…`, `@…` become formulas (read back as `#NAME?`), numeric text becomes a number;
 * - `Range.formulas` records each formula (a cell formatted as text keeps it as text, as Excel
 *   does) and evaluates nothing: the cell's value stays what it was, so a formula written over its
 *   cached result reads back as that result — the double assumes Excel computes what Traguardo
 *   computed, which the formula tests prove with spreadsheet engines, not here; null entries of
 *   `formulas`, `values` and `numberFormat` leave their cell alone;
 * - notes: `NoteCollection.add` refuses a cell that has a note, `getItem` a cell that has none
 *   (ItemNotFound); the workbook's notes come sheet by sheet, row by row;
 * - charts are kept with their type, series name, ranges, title and position; clearing a range
 *   leaves them; conditional formats: `clearAll` removes every format that touches the range
 *   (Excel would keep the part outside it);
 * - defined names: `add` refuses a name that exists; custom properties: `add` sets or replaces;
 * - an Excel table always keeps at least one body row; a resize that grows it gives the new rows
 *   the formats of its last row; protected sheets refuse writes with AccessDenied.
 * Every sync is recorded with the JSON bytes of its request (queued actions with their
 * arguments) and of its response (loaded values). A sync can be made to fail at the Nth call,
 * after some of its actions, or to never return; payloads above `rejectAbove` are refused as
 * Excel on the web does.
 */
import type { ExcelRun } from '../../../src/workbook/office/officeWorkbook';
import { cellAddress } from '../../../src/workbook/port';
import { parseCellAddress } from '../../../src/workbook/memory/memoryWorkbook';

export type Value = string | number | boolean;

export interface DCell {
  /** What `values` gives; for a formula cell, the value it held when the formula was written. */
  value: Value;
  /** Text of a formula the cell holds (the double computes nothing). */
  formula?: string;
  format?: string;
  fill?: string;
  bold?: boolean;
  note?: string;
  /** `format.wrapText`. */
  wrap?: boolean;
}

/** What `Worksheet.pageLayout` was given: orientation, zoom, margins (points), print titles, headers and footers. */
export interface DPageLayout {
  orientation?: string;
  /** `Excel.PaperType`: `A4`, `A3`, `Letter` … */
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  margins: Record<string, number>;
  printTitleRows?: string;
  printTitleColumns?: string;
  /** `leftHeader`, `centerFooter` … of `headersFooters.defaultForAllPages`. */
  headersFooters: Record<string, string>;
}

interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface DChart {
  name: string;
  type: string;
  values: Rect;
  categories?: Rect;
  title?: string;
  seriesName?: string;
  /** Top-left cell, A1. */
  anchor?: string;
  /** A line chart's series in order (`Rows`: one row of values each), with their names and x values. */
  lines?: DLine[];
}

export interface DLine {
  name?: string;
  values?: Rect;
  categories?: Rect;
}

export interface DSheet {
  id: number;
  name: string;
  /** cells[row][column], 0-based, sparse. */
  cells: (DCell | undefined)[][];
  protected: boolean;
  widths: Map<number, number>;
  validations: { rect: Rect; source: string }[];
  conditional: { rect: Rect; formula: string; fill?: string }[];
  charts: DChart[];
  /** Frozen rows and columns (`freezePanes`), none when absent. */
  freeze?: { rows: number; columns: number };
  page?: DPageLayout;
}

export interface DName {
  name: string;
  formula: string;
  comment?: string;
}

export interface DTable {
  id: number;
  name: string;
  sheet: DSheet;
  /** 0-based header row and first column. */
  row: number;
  column: number;
  columns: number;
  bodyRows: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Actions queued, by name (`set values`, `call resize`, `load` …). */
  actions: string[];
  /** The error code when Excel refused the sync. */
  failed?: string;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeExtension.Error';
  }
}

const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `A1` or `A1:B2` of a rectangle. */
export function rectA1(r: Rect): string {
  const from = cellAddress(r.row + 1, r.column + 1);
  const to = cellAddress(r.row + r.rows, r.column + r.columns);
  return from === to ? from : `${from}:${to}`;
}

/** As Excel gives `Range.address`: the sheet name quoted when it is not a plain word. */
function rectAddress(sheet: DSheet, r: Rect): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${rectA1(r)}`;
}

/** Excel's page setup of a sheet nobody set up: Letter, portrait, 100 %, normal margins (0.7 and 0.75 inch). */
const DEFAULT_MARGINS: Record<string, number> = { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 };

/** A `pageLayout` property as Excel reports it, from what the sheet was given. */
function pageProperty(page: DPageLayout | undefined, name: string): unknown {
  switch (name) {
    case 'orientation':
      return page?.orientation ?? 'Portrait';
    case 'paperSize':
      return page?.paperSize ?? 'Letter';
    case 'zoom':
      return { ...(page?.zoom ?? { scale: 100 }) };
    default:
      if (name in DEFAULT_MARGINS) return page?.margins[name] ?? DEFAULT_MARGINS[name];
      throw new Error(`double: pageLayout cannot load ${name}`);
  }
}

function parseRect(address: string): Rect {
  const [from, to = from] = address.split(':');
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  return { row: a.row - 1, column: a.column - 1, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

type Target =
  | { kind: 'sheet'; sheet: DSheet }
  | { kind: 'table'; table: DTable }
  | { kind: 'range'; sheet: DSheet; rect: Rect }
  | { kind: 'note'; sheet: DSheet; row: number; column: number }
  | { kind: 'chart'; sheet: DSheet; chart: DChart }
  | { kind: 'name'; name: DName }
  | { kind: 'other' };

/** The workbook the double holds, and the knobs of the tests. */
export class ExcelModel {
  sheets: DSheet[] = [];
  tables: DTable[] = [];
  names: DName[] = [];
  /** Custom document properties by lower-case key. */
  properties = new Map<string, { key: string; value: string }>();
  /** Charts added so far: Excel names a new chart after it (`Grafico 3`). */
  chartsAdded = 0;
  private nextId = 1;
  eventsEnabled = true;
  selection: { sheet: string; address: string } | null = null;
  syncs: SyncRecord[] = [];
  /** Requests or responses above this many bytes are refused (Excel on the web: 5 MB). */
  rejectAbove = 5 * 1024 * 1024;
  /** Fail the sync with this 1-based index after this many of its actions (default: half). */
  failAt: { sync: number; afterActions?: number; code?: string; message?: string } | null = null;
  /** This 1-based sync never returns. */
  hangAt: number | null = null;
  /** Excel is in cell-edit mode: every sync is refused. */
  editing = false;
  sheet(name: string): DSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): DTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): DSheet {
    if (this.sheet(name)) throw new OfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    const sheet: DSheet = { id: this.nextId++, name, cells: [], protected: false, widths: new Map(), validations: [], conditional: [], charts: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  addTable(sheet: DSheet, rect: Rect): DTable {
    this.writable(sheet);
    if (this.tables.some((t) => t.sheet === sheet && intersects(tableRect(t), rect))) {
      throw new OfficeError('InvalidOperation', 'A table cannot overlap another table.');
    }
    let n = this.tables.length + 1;
    while (this.table(`Table${n}`)) n++;
    const table: DTable = { id: this.nextId++, name: `Table${n}`, sheet, row: rect.row, column: rect.column, columns: rect.columns, bodyRows: Math.max(1, rect.rows - 1) };
    this.tables.push(table);
    return table;
  }

  cell(sheet: DSheet, row: number, column: number): DCell | undefined {
    return sheet.cells[row]?.[column];
  }

  update(sheet: DSheet, row: number, column: number, change: Partial<DCell>): void {
    const cells = (sheet.cells[row] ??= []);
    const old = cells[column];
    cells[column] = old ? { ...old, ...change } : { value: '', ...change };
  }

  /** Every stored cell within a rectangle. */
  *cellsIn(sheet: DSheet, rect: Rect): Generator<[number, number, DCell]> {
    const last = Math.min(sheet.cells.length, rect.row + rect.rows);
    for (let r = rect.row; r < last; r++) {
      const cells = sheet.cells[r];
      if (!cells) continue;
      const end = Math.min(cells.length, rect.column + rect.columns);
      for (let c = rect.column; c < end; c++) {
        const cell = cells[c];
        if (cell) yield [r, c, cell];
      }
    }
  }

  writable(sheet: DSheet): void {
    if (sheet.protected) throw new OfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
  }

  /** A value as Excel stores what is typed into a cell with this format. */
  typed(value: Value, format: string | undefined): Partial<DCell> {
    if (typeof value !== 'string' || format === '@' || value === '') return { value, formula: undefined };
    const first = value.charCodeAt(0);
    // Most text starts with a letter and is stored as typed.
    if ((first >= 65 && first <= 90 && !/^(true|false)$/i.test(value)) || (first >= 97 && first <= 122 && !/^(true|false)$/i.test(value))) {
      return { value, formula: undefined };
    }
    if (/^[=+\-@]/.test(value) && value.length > 1) return { value: '#NAME?', formula: value };
    if (NUMERIC.test(value.trim())) return { value: Number(value), formula: undefined };
    if (/^(true|false)$/i.test(value)) return { value: value.toLowerCase() === 'true', formula: undefined };
    return { value, formula: undefined };
  }

  headers(table: DTable): string[] {
    return Array.from({ length: table.columns }, (_, c) => String(this.cell(table.sheet, table.row, table.column + c)?.value ?? ''));
  }

  /** Cells shift right from `column` on the rows of the table, as when a column is inserted. */
  shiftRight(table: DTable, column: number): void {
    const sheet = table.sheet;
    for (let r = table.row; r <= table.row + table.bodyRows; r++) {
      const cells = sheet.cells[r];
      if (cells && cells.length > column) cells.splice(column, 0, undefined);
    }
    for (const other of this.tables) {
      if (other !== table && other.sheet === sheet && other.column >= column && other.row <= table.row + table.bodyRows && other.row + other.bodyRows >= table.row) {
        other.column++;
      }
    }
  }

  newId(): number {
    return this.nextId++;
  }

  name(name: string): DName | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** Every note of the workbook: sheet by sheet, row by row. */
  notes(): { sheet: DSheet; row: number; column: number }[] {
    const found: { sheet: DSheet; row: number; column: number }[] = [];
    for (const sheet of this.sheets) {
      sheet.cells.forEach((cells, row) => cells?.forEach((cell, column) => cell?.note !== undefined && found.push({ sheet, row, column })));
    }
    return found;
  }
}

export function tableRect(t: DTable): Rect {
  return { row: t.row, column: t.column, rows: t.bodyRows + 1, columns: t.columns };
}

// ---------------------------------------------------------------------------------------------
// Proxies

interface Action {
  proxy: Proxy;
  kind: 'create' | 'load' | 'set' | 'call';
  name: string;
  args: unknown[];
  exec(): void;
}

function wireArg(a: unknown): unknown {
  if (a instanceof Proxy) return { ref: a.id };
  return a === undefined ? null : a;
}

class Context {
  readonly queue: Action[] = [];
  readonly workbook: Workbook;
  readonly application: Application;
  readonly runtime: Runtime;

  constructor(readonly model: ExcelModel) {
    this.workbook = new Workbook(this);
    this.application = new Application(this);
    this.runtime = new Runtime(this);
  }

  sync(): Promise<void> {
    const model = this.model;
    const actions = this.queue.splice(0);
    const index = model.syncs.length + 1;
    const request = JSON.stringify(actions.map((a) => ({ o: a.proxy.id, k: a.kind, n: a.name, a: a.args.map(wireArg) })));
    const record: SyncRecord = { requestBytes: Buffer.byteLength(request), responseBytes: 0, actions: actions.map((a) => `${a.kind} ${a.name}`) };
    model.syncs.push(record);
    if (model.hangAt === index) return new Promise<void>(() => undefined);
    return Promise.resolve().then(() => {
      if (model.editing) throw new OfficeError('InvalidOperation', 'The operation cannot be performed while Excel is in cell-edit mode.');
      if (record.requestBytes > model.rejectAbove) throw new OfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
      const failure = model.failAt?.sync === index ? model.failAt : null;
      const stopAfter = failure ? (failure.afterActions ?? Math.floor(actions.length / 2)) : Infinity;
      const loaded: Proxy[] = [];
      actions.forEach((action, i) => {
        if (i >= stopAfter && failure) throw new OfficeError(failure.code ?? 'GeneralException', failure.message ?? 'Injected failure.');
        action.exec();
        if (action.kind === 'load') loaded.push(action.proxy);
      });
      if (failure && stopAfter >= actions.length) throw new OfficeError(failure.code ?? 'GeneralException', failure.message ?? 'Injected failure.');
      const response = JSON.stringify(loaded.map((p) => ({ o: p.id, p: p.pendingResponse.splice(0) })));
      record.responseBytes = Buffer.byteLength(response);
      if (record.responseBytes > model.rejectAbove) throw new OfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      for (const p of loaded) p.commitLoads();
    }).catch((error: unknown) => {
      record.failed = error instanceof OfficeError ? error.code : String(error);
      throw error;
    });
  }
}

abstract class Proxy {
  readonly id: number;
  protected target: Target | null | undefined;
  private readonly loadedValues = new Map<string, unknown>();
  private readonly staged = new Map<string, unknown>();
  pendingResponse: unknown[] = [];
  private nullKnown = false;

  constructor(
    readonly context: Context,
    resolve: ((self: Proxy) => Target | null) | Target | null,
    name: string,
    args: unknown[] = [],
    parent?: Proxy,
  ) {
    this.id = context.model.newId();
    if (typeof resolve === 'function') {
      context.queue.push({ proxy: parent ?? this, kind: 'create', name, args, exec: () => (this.target = resolve(this)) });
    } else {
      this.target = resolve;
    }
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw new OfficeError('PropertyNotLoaded', 'The property isNullObject is not available. Load and sync first.');
    return this.target === null;
  }

  protected resolved(): Target {
    if (this.target === undefined) throw new Error('double: object used before its creation ran');
    if (this.target === null) throw new OfficeError('InvalidOperation', 'The object is a null object.');
    return this.target;
  }

  protected get<T>(name: string): T {
    if (!this.loadedValues.has(name)) {
      throw new OfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedValues.get(name) as T;
  }

  /** A value that becomes readable at the end of the current sync. */
  stageValue(name: string, value: unknown): void {
    this.staged.set(name, value);
  }

  load(names: string | string[] = []): this {
    const list = (Array.isArray(names) ? names : names.split(',')).map((n) => n.trim()).filter((n) => n !== '');
    this.context.queue.push({
      proxy: this,
      kind: 'load',
      name: 'load',
      args: [list.join(',')],
      exec: () => {
        if (this.target === null) this.pendingResponse.push({ isNullObject: true });
        else this.readInto(list);
      },
    });
    return this;
  }

  /** Reads the properties when the load runs; what is read is also the response. */
  protected readInto(names: readonly string[]): void {
    for (const n of names) {
      const v = this.read(n);
      this.stageValue(n, v);
      this.pendingResponse.push({ [n]: v });
    }
  }

  commitLoads(): void {
    this.nullKnown = true;
    for (const [k, v] of this.staged) this.loadedValues.set(k, v);
    this.staged.clear();
  }

  protected queueSet(name: string, value: unknown, exec: () => void): void {
    this.context.queue.push({ proxy: this, kind: 'set', name, args: [value], exec });
  }

  protected queueCall(name: string, args: unknown[], exec: () => void): void {
    this.context.queue.push({ proxy: this, kind: 'call', name, args, exec });
  }

  /** The value of a property at the moment the load runs. */
  protected read(name: string): unknown {
    throw new Error(`double: ${this.constructor.name} cannot load ${name}`);
  }
}

/** A collection: `load('items/a,items/b/c')` reads those paths of every item. */
abstract class Collection<T extends Proxy> extends Proxy {
  private itemProxies: T[] = [];

  get items(): T[] {
    this.get('items');
    return this.itemProxies;
  }

  protected abstract makeItems(): T[];
  protected abstract itemPath(item: T, path: string): unknown;

  protected override readInto(names: readonly string[]): void {
    this.itemProxies = this.makeItems();
    const paths = names.map((n) => {
      if (!n.startsWith('items/')) throw new Error(`double: collections load items/… only, not ${n}`);
      return n.slice('items/'.length);
    });
    const response = this.itemProxies.map((item) => {
      const entry: Record<string, unknown> = {};
      for (const path of paths) {
        const v = this.itemPath(item, path);
        item.stageValue(path, v);
        entry[path] = v;
      }
      return entry;
    });
    this.stageValue('items', true);
    this.pendingResponse.push({ items: response });
  }

  override commitLoads(): void {
    super.commitLoads();
    for (const item of this.itemProxies) item.commitLoads();
  }
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  readonly properties: { custom: CustomPropertyCollection };
  readonly notes: WorkbookNotes;
  constructor(context: Context) {
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, null);
    this.names = new NamedItemCollection(context);
    this.properties = { custom: new CustomPropertyCollection(context) };
    this.notes = new WorkbookNotes(context);
  }
}

/** A method's result (`getCount`): readable after the sync that computes it. */
class ClientResult<T> extends Proxy {
  constructor(context: Context, name: string, compute: () => T) {
    super(context, { kind: 'other' }, name);
    context.queue.push({
      proxy: this,
      kind: 'load',
      name,
      args: [],
      exec: () => {
        const value = compute();
        this.stageValue('value', value);
        this.pendingResponse.push({ value });
      },
    });
  }
  get value(): T {
    return this.get('value');
  }
}

class NamedItemCollection extends Collection<NamedItem> {
  constructor(context: Context) {
    super(context, { kind: 'other' }, 'names');
  }
  protected makeItems(): NamedItem[] {
    return this.context.model.names.map((name) => new NamedItem(this.context, { kind: 'name', name }, 'item'));
  }
  protected itemPath(item: NamedItem, path: string): unknown {
    if (path !== 'name') throw new Error(`double: names load items/name only, not ${path}`);
    return item.nameTarget().name;
  }
  add(name: string, reference: string, comment?: string): void {
    this.queueCall('names.add', [name, reference, comment], () => {
      const model = this.context.model;
      if (model.name(name)) throw new OfficeError('InvalidArgument', `The name ${name} already exists.`);
      model.names.push({ name, formula: reference, ...(comment !== undefined ? { comment } : {}) });
    });
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.context, () => {
      const item = this.context.model.name(name);
      if (!item) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
      return { kind: 'name', name: item };
    }, 'getItem', [name], this);
  }
}

class NamedItem extends Proxy {
  nameTarget(): DName {
    const t = this.resolved();
    if (t.kind !== 'name') throw new Error('double: not a name');
    return t.name;
  }
  get name(): string {
    return this.get('name');
  }
  set formula(formula: string) {
    this.queueSet('formula', formula, () => (this.nameTarget().formula = formula));
  }
  set comment(comment: string) {
    this.queueSet('comment', comment, () => (this.nameTarget().comment = comment));
  }
}

class CustomPropertyCollection extends Collection<CustomProperty> {
  constructor(context: Context) {
    super(context, { kind: 'other' }, 'properties.custom');
  }
  protected makeItems(): CustomProperty[] {
    return [...this.context.model.properties.values()].map((p) => new CustomProperty(this.context, p));
  }
  protected itemPath(item: CustomProperty, path: string): unknown {
    if (path === 'key') return item.property.key;
    if (path === 'value') return item.property.value;
    throw new Error(`double: custom properties load items/key and items/value only, not ${path}`);
  }
  add(key: string, value: string): void {
    this.queueCall('properties.custom.add', [key, value], () => this.context.model.properties.set(key.toLowerCase(), { key, value: String(value) }));
  }
}

class CustomProperty extends Proxy {
  constructor(
    context: Context,
    readonly property: { key: string; value: string },
  ) {
    super(context, { kind: 'other' }, 'item');
  }
  get key(): string {
    return this.get('key');
  }
  get value(): string {
    return this.get('value');
  }
}

class Note extends Proxy {
  private noteTarget(): { sheet: DSheet; row: number; column: number } {
    const t = this.resolved();
    if (t.kind !== 'note') throw new Error('double: not a note');
    return t;
  }
  set content(text: string) {
    this.queueSet('content', text, () => {
      const { sheet, row, column } = this.noteTarget();
      this.context.model.writable(sheet);
      this.context.model.update(sheet, row, column, { note: text });
    });
  }
  delete(): void {
    this.queueCall('delete', [], () => {
      const { sheet, row, column } = this.noteTarget();
      this.context.model.writable(sheet);
      const cell = sheet.cells[row][column]!;
      const { note: _note, ...rest } = cell;
      sheet.cells[row][column] = rest;
    });
  }
  getLocation(): Range {
    return new Range(this.context, () => {
      const { sheet, row, column } = this.noteTarget();
      return { kind: 'range', sheet, rect: { row, column, rows: 1, columns: 1 } };
    }, 'getLocation', [], this);
  }
}

class WorkbookNotes extends Proxy {
  constructor(context: Context) {
    super(context, { kind: 'other' }, 'notes');
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, 'getCount', () => this.context.model.notes().length);
  }
  getItemAt(index: number): Note {
    return new Note(this.context, () => {
      const note = this.context.model.notes()[index];
      if (!note) throw new OfficeError('ItemNotFound', `No note at ${index}.`);
      return { kind: 'note', ...note };
    }, 'getItemAt', [index], this);
  }
}

/** The notes of one sheet, by cell address. */
class SheetNotes extends Proxy {
  constructor(
    context: Context,
    private readonly owner: Worksheet,
  ) {
    super(context, { kind: 'other' }, 'notes');
  }
  add(cell: Range, content: string): void {
    this.queueCall('notes.add', [cell, content], () => {
      const t = cell.rangeTarget();
      const model = this.context.model;
      model.writable(t.sheet);
      if (t.rect.rows !== 1 || t.rect.columns !== 1) throw new OfficeError('InvalidArgument', 'A note goes on one cell.');
      if (model.cell(t.sheet, t.rect.row, t.rect.column)?.note !== undefined) throw new OfficeError('InvalidArgument', 'The cell already has a note.');
      model.update(t.sheet, t.rect.row, t.rect.column, { note: content });
    });
  }
  getItem(address: string): Note {
    return new Note(this.context, () => {
      const sheet = this.owner.sheetOf();
      const { row, column } = parseCellAddress(address);
      if (!sheet || this.context.model.cell(sheet, row - 1, column - 1)?.note === undefined) {
        throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${address}`);
      }
      return { kind: 'note', sheet, row: row - 1, column: column - 1 };
    }, 'getItem', [address], this);
  }
}

class ChartCollection extends Collection<Chart> {
  constructor(
    context: Context,
    private readonly owner: Worksheet,
  ) {
    super(context, { kind: 'other' }, 'charts');
  }
  protected makeItems(): Chart[] {
    const sheet = this.owner.sheetOf();
    return sheet ? sheet.charts.map((chart) => new Chart(this.context, { kind: 'chart', sheet, chart }, 'item')) : [];
  }
  protected itemPath(item: Chart, path: string): unknown {
    if (path !== 'name') throw new Error(`double: charts load items/name only, not ${path}`);
    return item.chartTarget().chart.name;
  }
  add(type: string, source: Range, seriesBy: string): Chart {
    return new Chart(this.context, () => {
      const t = source.rangeTarget();
      const model = this.context.model;
      model.writable(t.sheet);
      const line = seriesBy === 'Rows' && t.rect.rows === 1;
      if (!line && (seriesBy !== 'Columns' || t.rect.columns !== 1)) throw new Error('double: charts of one column series, or of one row per series');
      const chart: DChart = { name: `Grafico ${++model.chartsAdded}`, type, values: t.rect, ...(line ? { lines: [{ values: t.rect }] } : {}) };
      t.sheet.charts.push(chart);
      return { kind: 'chart', sheet: t.sheet, chart };
    }, 'add', [type, source, seriesBy], this.owner);
  }
  getItemAt(index: number): Chart {
    return new Chart(this.context, () => {
      const sheet = this.owner.sheetOf();
      const chart = sheet?.charts[index];
      if (!sheet || !chart) throw new OfficeError('ItemNotFound', `No chart at ${index}.`);
      return { kind: 'chart', sheet, chart };
    }, 'getItemAt', [index], this);
  }
}

class Chart extends Proxy {
  chartTarget(): { sheet: DSheet; chart: DChart } {
    const t = this.resolved();
    if (t.kind !== 'chart') throw new Error('double: not a chart');
    return t;
  }
  get title(): { text: string } {
    const chart = this;
    return {
      set text(text: string) {
        chart.queueSet('title.text', text, () => (chart.chartTarget().chart.title = text));
      },
      get text(): string {
        throw new OfficeError('PropertyNotLoaded', 'title.text is not loaded');
      },
    };
  }
  get series(): {
    getItemAt: (index: number) => { name: string; setXAxisValues: (range: Range) => void };
    add: (name: string) => { setValues: (range: Range) => void; setXAxisValues: (range: Range) => void };
  } {
    const chart = this;
    /** The line at `index` of a line chart, made when first touched (series.add queues it). */
    const line = (index: number): DLine => {
      const lines = chart.chartTarget().chart.lines;
      if (!lines?.[index]) throw new Error(`double: no line series at ${index}`);
      return lines[index];
    };
    return {
      getItemAt(index: number) {
        if (index !== 0) throw new Error('double: getItemAt reaches the first series only');
        return {
          set name(name: string) {
            chart.queueSet('series.name', name, () => {
              const target = chart.chartTarget().chart;
              target.seriesName = name;
              if (target.lines) line(0).name = name;
            });
          },
          get name(): string {
            throw new OfficeError('PropertyNotLoaded', 'series.name is not loaded');
          },
          setXAxisValues(range: Range) {
            chart.queueCall('series.setXAxisValues', [range], () => {
              const target = chart.chartTarget().chart;
              target.categories = range.rangeTarget().rect;
              if (target.lines) line(0).categories = range.rangeTarget().rect;
            });
          },
        };
      },
      add(name: string) {
        let index = -1;
        chart.queueCall('series.add', [name], () => {
          const lines = chart.chartTarget().chart.lines;
          if (!lines) throw new Error('double: series.add on a line chart only');
          index = lines.push({ name }) - 1;
        });
        return {
          setValues(range: Range) {
            chart.queueCall('series.setValues', [range], () => (line(index).values = range.rangeTarget().rect));
          },
          setXAxisValues(range: Range) {
            chart.queueCall('series.setXAxisValues', [range], () => (line(index).categories = range.rangeTarget().rect));
          },
        };
      },
    };
  }
  setPosition(startCell: string): void {
    this.queueCall('setPosition', [startCell], () => (this.chartTarget().chart.anchor = startCell));
  }
  delete(): void {
    this.queueCall('delete', [], () => {
      const { sheet, chart } = this.chartTarget();
      this.context.model.writable(sheet);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class Application {
  constructor(private readonly context: Context) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.queue.push({ proxy: this.context.workbook.worksheets, kind: 'call', name: 'suspendApiCalculationUntilNextSync', args: [], exec: () => undefined });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.queue.push({ proxy: this.context.workbook.worksheets, kind: 'call', name: 'suspendScreenUpdatingUntilNextSync', args: [], exec: () => undefined });
  }
}

class Runtime {
  constructor(private readonly context: Context) {}
  set enableEvents(value: boolean) {
    const model = this.context.model;
    this.context.queue.push({ proxy: this.context.workbook.worksheets, kind: 'set', name: 'enableEvents', args: [value], exec: () => (model.eventsEnabled = value) });
  }
  get enableEvents(): boolean {
    throw new OfficeError('PropertyNotLoaded', 'enableEvents is not loaded');
  }
}

class WorksheetCollection extends Collection<Worksheet> {
  constructor(context: Context) {
    super(context, { kind: 'other' }, 'worksheets');
  }
  protected makeItems(): Worksheet[] {
    return this.context.model.sheets.map((sheet) => new Worksheet(this.context, { kind: 'sheet', sheet }, 'item'));
  }
  protected itemPath(item: Worksheet, path: string): unknown {
    return item.readPath(path);
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => {
      const sheet = this.context.model.sheet(name);
      if (!sheet) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
      return { kind: 'sheet', sheet };
    }, 'getItem', [name], this);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.context, () => {
      const sheet = this.context.model.sheet(name);
      return sheet ? { kind: 'sheet', sheet } : null;
    }, 'getItemOrNullObject', [name], this);
  }
  add(name: string): Worksheet {
    return new Worksheet(this.context, () => ({ kind: 'sheet', sheet: this.context.model.addSheet(name) }), 'add', [name], this);
  }
}

class Worksheet extends Proxy {
  private sheetTarget(): DSheet | null {
    const t = this.target;
    return t && t.kind === 'sheet' ? t.sheet : null;
  }
  /** The sheet once resolved, null for a null object. */
  sheetOf(): DSheet | null {
    return this.sheetTarget();
  }
  readPath(path: string): unknown {
    const sheet = this.sheetTarget();
    if (!sheet) return null;
    if (path === 'name') return sheet.name;
    if (path === 'protection/protected') return sheet.protected;
    if (path.startsWith('pageLayout/')) return pageProperty(sheet.page, path.slice('pageLayout/'.length));
    throw new Error(`double: worksheet cannot load ${path}`);
  }
  protected override read(name: string): unknown {
    return this.readPath(name);
  }
  get name(): string {
    return this.get('name');
  }
  get protection(): { protected: boolean } {
    const sheet = this;
    return {
      get protected(): boolean {
        return sheet.get<boolean>('protection/protected');
      },
    };
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, this);
  }
  get notes(): SheetNotes {
    return new SheetNotes(this.context, this);
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, this);
  }
  get freezePanes(): { freezeAt(range: Range): void; freezeRows(count: number): void; freezeColumns(count: number): void; unfreeze(): void } {
    const worksheet = this;
    const set = (name: string, args: unknown[], freeze: () => DSheet['freeze']): void =>
      worksheet.queueCall(`freezePanes.${name}`, args, () => {
        const sheet = worksheet.resolvedSheet();
        worksheet.context.model.writable(sheet);
        sheet.freeze = freeze();
      });
    return {
      freezeAt: (range) =>
        set('freezeAt', [range], () => {
          const { rect } = range.rangeTarget();
          if (rect.row !== 0 || rect.column !== 0) throw new OfficeError('InvalidArgument', 'The frozen range must start at A1.');
          return { rows: rect.rows, columns: rect.columns };
        }),
      freezeRows: (count) => set('freezeRows', [count], () => ({ rows: count, columns: 0 })),
      freezeColumns: (count) => set('freezeColumns', [count], () => ({ rows: 0, columns: count })),
      unfreeze: () => set('unfreeze', [], () => undefined),
    };
  }
  get pageLayout(): Record<string, unknown> {
    const worksheet = this;
    const page = (): DPageLayout => {
      const sheet = worksheet.resolvedSheet();
      worksheet.context.model.writable(sheet);
      return (sheet.page ??= { margins: {}, headersFooters: {} });
    };
    const titles = (name: string, kind: 'printTitleRows' | 'printTitleColumns'): Range =>
      new Range(worksheet.context, () => {
        const sheet = worksheet.sheetTarget();
        const reference = sheet?.page?.[kind];
        if (!sheet || !reference) return null;
        const [from, to] = reference.replace(/\$/g, '').split(':');
        const rect = kind === 'printTitleRows'
          ? { row: Number(from) - 1, column: 0, rows: Number(to) - Number(from) + 1, columns: 16_384 }
          : { row: 0, column: parseCellAddress(`${from}1`).column - 1, rows: 1_048_576, columns: parseCellAddress(`${to}1`).column - parseCellAddress(`${from}1`).column + 1 };
        return { kind: 'range', sheet, rect };
      }, name, [], worksheet);
    const layout: Record<string, unknown> = {
      // A load of the layout's properties is one of the worksheet's, on `pageLayout/…` paths.
      load: (names: string) => void worksheet.load(names.split(',').map((n) => `pageLayout/${n.trim()}`)),
      getPrintTitleRowsOrNullObject: () => titles('getPrintTitleRowsOrNullObject', 'printTitleRows'),
      getPrintTitleColumnsOrNullObject: () => titles('getPrintTitleColumnsOrNullObject', 'printTitleColumns'),
      setPrintTitleRows: (rows: string) =>
        worksheet.queueCall('pageLayout.setPrintTitleRows', [rows], () => {
          if (!/^\$\d+:\$\d+$/.test(rows)) throw new OfficeError('InvalidArgument', `Not a row range: ${rows}`);
          page().printTitleRows = rows;
        }),
      setPrintTitleColumns: (columns: string) =>
        worksheet.queueCall('pageLayout.setPrintTitleColumns', [columns], () => {
          if (!/^\$[A-Z]{1,3}:\$[A-Z]{1,3}$/.test(columns)) throw new OfficeError('InvalidArgument', `Not a column range: ${columns}`);
          page().printTitleColumns = columns;
        }),
    };
    Object.defineProperty(layout, 'paperSize', {
      get: () => worksheet.get('pageLayout/paperSize'),
      set: (value: string) =>
        worksheet.queueSet('pageLayout.paperSize', value, () => {
          // Excel.PaperType names Traguardo may use; anything else is not a paper Excel knows.
          if (!['A3', 'A4', 'A5', 'Letter', 'Legal'].includes(value)) throw new OfficeError('InvalidArgument', `Not a paper type: ${value}`);
          page().paperSize = value;
        }),
    });
    Object.defineProperty(layout, 'orientation', {
      get: () => worksheet.get('pageLayout/orientation'),
      set: (value: string) => worksheet.queueSet('pageLayout.orientation', value, () => void (page().orientation = value)),
    });
    Object.defineProperty(layout, 'zoom', {
      get: () => worksheet.get('pageLayout/zoom'),
      set: (value: DPageLayout['zoom']) => worksheet.queueSet('pageLayout.zoom', value, () => void (page().zoom = { ...value })),
    });
    for (const margin of ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin']) {
      Object.defineProperty(layout, margin, {
        get: () => worksheet.get(`pageLayout/${margin}`),
        set: (value: number) => worksheet.queueSet(`pageLayout.${margin}`, value, () => void (page().margins[margin] = value)),
      });
    }
    const defaultForAllPages: Record<string, string> = {};
    for (const part of ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter']) {
      Object.defineProperty(defaultForAllPages, part, {
        set: (value: string) => worksheet.queueSet(`pageLayout.headersFooters.defaultForAllPages.${part}`, value, () => void (page().headersFooters[part] = value)),
      });
    }
    layout.headersFooters = { defaultForAllPages };
    return layout;
  }
  private resolvedSheet(): DSheet {
    const sheet = this.sheetTarget();
    if (!sheet) throw new OfficeError('InvalidOperation', 'The object is a null object.');
    return sheet;
  }
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const sheet = this.sheetTarget();
      if (!sheet) return null;
      return { kind: 'range', sheet, rect: address ? parseRect(address) : { row: 0, column: 0, rows: 1_048_576, columns: 16_384 } };
    }, 'getRange', [address], this);
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    return new Range(this.context, () => {
      const sheet = this.sheetTarget();
      if (!sheet) return null;
      if (rows < 1 || columns < 1) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { kind: 'range', sheet, rect: { row, column, rows, columns } };
    }, 'getRangeByIndexes', [row, column, rows, columns], this);
  }
  activate(): void {
    this.queueCall('activate', [], () => {
      this.resolved();
    });
  }
}

class TableCollection extends Collection<Table> {
  constructor(context: Context, private readonly owner: Worksheet | null) {
    super(context, { kind: 'other' }, 'tables');
  }
  protected makeItems(): Table[] {
    return this.context.model.tables.map((table) => new Table(this.context, { kind: 'table', table }, 'item'));
  }
  protected itemPath(item: Table, path: string): unknown {
    if (path !== 'name') throw new Error(`double: tables load items/name only, not ${path}`);
    return item.tableTarget().name;
  }
  getItem(name: string): Table {
    return new Table(this.context, () => {
      const table = this.context.model.table(name);
      if (!table) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
      return { kind: 'table', table };
    }, 'getItem', [name], this);
  }
  getItemOrNullObject(name: string): Table {
    return new Table(this.context, () => {
      const table = this.context.model.table(name);
      return table ? { kind: 'table', table } : null;
    }, 'getItemOrNullObject', [name], this);
  }
  add(range: Range, hasHeaders: boolean): Table {
    return new Table(this.context, () => {
      const t = range.rangeTarget();
      if (!hasHeaders) throw new Error('double: tables are added with headers');
      return { kind: 'table', table: this.context.model.addTable(t.sheet, t.rect) };
    }, 'add', [range, hasHeaders], this.owner ?? this);
  }
}

class Table extends Proxy {
  tableTarget(): DTable {
    const t = this.resolved();
    if (t.kind !== 'table') throw new Error('double: not a table');
    return t.table;
  }
  private maybeTable(): DTable | null {
    return this.target && this.target.kind === 'table' ? this.target.table : null;
  }
  protected override read(name: string): unknown {
    if (name === 'name') return this.tableTarget().name;
    throw new Error(`double: table cannot load ${name}`);
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.queueSet('name', value, () => {
      const table = this.tableTarget();
      const other = this.context.model.table(value);
      if (other && other !== table) throw new OfficeError('InvalidArgument', `A table named ${value} already exists.`);
      table.name = value;
    });
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => {
      const table = this.maybeTable();
      return table ? { kind: 'sheet', sheet: table.sheet } : null;
    }, 'worksheet', [], this);
  }
  private part(name: string, rect: (t: DTable) => Rect): Range {
    return new Range(this.context, () => {
      const table = this.maybeTable();
      return table ? { kind: 'range', sheet: table.sheet, rect: rect(table) } : null;
    }, name, [], this);
  }
  getRange(): Range {
    return this.part('getRange', tableRect);
  }
  getHeaderRowRange(): Range {
    return this.part('getHeaderRowRange', (t) => ({ row: t.row, column: t.column, rows: 1, columns: t.columns }));
  }
  getDataBodyRange(): Range {
    return this.part('getDataBodyRange', (t) => ({ row: t.row + 1, column: t.column, rows: t.bodyRows, columns: t.columns }));
  }
  get columns(): { add: (index?: number, values?: unknown, name?: string) => void } {
    return {
      add: (index?: number, values?: unknown, name?: string) =>
        this.queueCall('columns.add', [index, values, name], () => {
          const table = this.tableTarget();
          const model = this.context.model;
          model.writable(table.sheet);
          if (index !== undefined && index !== null) throw new Error('double: columns are appended');
          const column = table.column + table.columns;
          model.shiftRight(table, column);
          table.columns++;
          model.update(table.sheet, table.row, column, { value: name ?? `Column${table.columns}`, formula: undefined });
        }),
    };
  }
  resize(range: Range): void {
    this.queueCall('resize', [range], () => {
      const table = this.tableTarget();
      const t = range.rangeTarget();
      const model = this.context.model;
      model.writable(table.sheet);
      if (t.sheet !== table.sheet || t.rect.row !== table.row || t.rect.column !== table.column || t.rect.rows < 2) {
        throw new OfficeError('InvalidArgument', 'The new range must keep the header row and the top left cell.');
      }
      const last = table.row + table.bodyRows;
      for (let r = last + 1; r < t.rect.row + t.rect.rows; r++) {
        for (let c = 0; c < t.rect.columns; c++) {
          const above = model.cell(table.sheet, last, table.column + c);
          if (above && (above.format || above.fill)) model.update(table.sheet, r, table.column + c, { format: above.format, fill: above.fill });
        }
      }
      table.bodyRows = t.rect.rows - 1;
      table.columns = t.rect.columns;
    });
  }
}

type Matrix = unknown[][] | unknown;

class Range extends Proxy {
  rangeTarget(): { sheet: DSheet; rect: Rect } {
    const t = this.resolved();
    if (t.kind !== 'range') throw new Error('double: not a range');
    return t;
  }
  private derived(name: string, args: unknown[], make: (t: { sheet: DSheet; rect: Rect }) => Rect | null): Range {
    return new Range(this.context, () => {
      if (this.target === null) return null;
      const t = this.rangeTarget();
      const rect = make(t);
      return rect ? { kind: 'range', sheet: t.sheet, rect } : null;
    }, name, args, this);
  }
  protected override read(name: string): unknown {
    const { sheet, rect } = this.rangeTarget();
    const model = this.context.model;
    const grid = (f: (cell: DCell | undefined) => unknown): unknown[][] =>
      Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.columns }, (_, c) => f(model.cell(sheet, rect.row + r, rect.column + c))));
    switch (name) {
      case 'values':
        return grid((cell) => cell?.value ?? '');
      case 'numberFormat':
        return grid((cell) => cell?.format ?? 'General');
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'address':
        return rectAddress(sheet, rect);
      default:
        throw new Error(`double: range cannot load ${name}`);
    }
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(input: unknown[][]) {
    this.queueSet('values', input, () => this.each(input, 'values', (sheet, r, c, v) => {
      const model = this.context.model;
      model.update(sheet, r, c, model.typed(v as Value, model.cell(sheet, r, c)?.format));
    }));
  }
  set formulas(input: unknown[][]) {
    this.queueSet('formulas', input, () => this.each(input, 'formulas', (sheet, r, c, v) => {
      const model = this.context.model;
      const format = model.cell(sheet, r, c)?.format;
      const formula = typeof v === 'string' && v.startsWith('=') && v.length > 1 && format !== '@';
      model.update(sheet, r, c, formula ? { formula: v } : model.typed(v as Value, format));
    }));
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.queueSet('numberFormat', input, () => this.each(input, 'numberFormat', (sheet, r, c, v) => this.context.model.update(sheet, r, c, { format: String(v) })));
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get address(): string {
    return this.get('address');
  }

  /** Applies a 2-D input (or one value for every cell); null entries leave their cell alone. */
  private each(input: Matrix, what: string, apply: (sheet: DSheet, row: number, column: number, value: unknown) => void): void {
    const { sheet, rect } = this.rangeTarget();
    this.context.model.writable(sheet);
    const matrix = Array.isArray(input) ? input : null;
    if (matrix && (matrix.length !== rect.rows || matrix.some((row) => !Array.isArray(row) || row.length !== rect.columns))) {
      throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
    }
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.columns; c++) {
        const v = matrix ? (matrix[r] as unknown[])[c] : input;
        if (v !== null && v !== undefined) apply(sheet, rect.row + r, rect.column + c, v);
      }
    }
  }

  private cellsOf(apply: (sheet: DSheet, row: number, column: number) => void): void {
    const { sheet, rect } = this.rangeTarget();
    this.context.model.writable(sheet);
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) apply(sheet, rect.row + r, rect.column + c);
  }

  get format(): { fill: { color: string }; font: { bold: boolean }; columnWidth: number; wrapText: boolean; verticalAlignment: string } {
    const range = this;
    return {
      set wrapText(wrap: boolean) {
        range.queueSet('format.wrapText', wrap, () => range.cellsOf((s, r, c) => range.context.model.update(s, r, c, { wrap })));
      },
      get wrapText(): boolean {
        throw new OfficeError('PropertyNotLoaded', 'format.wrapText is not loaded');
      },
      set verticalAlignment(alignment: string) {
        range.queueSet('format.verticalAlignment', alignment, () => range.cellsOf(() => undefined));
      },
      get verticalAlignment(): string {
        throw new OfficeError('PropertyNotLoaded', 'format.verticalAlignment is not loaded');
      },
      fill: {
        set color(color: string) {
          range.queueSet('format.fill.color', color, () => range.cellsOf((s, r, c) => range.context.model.update(s, r, c, { fill: color.toUpperCase() })));
        },
        get color(): string {
          throw new OfficeError('PropertyNotLoaded', 'format.fill.color is not loaded');
        },
      },
      font: {
        set bold(bold: boolean) {
          range.queueSet('format.font.bold', bold, () => range.cellsOf((s, r, c) => range.context.model.update(s, r, c, { bold })));
        },
        get bold(): boolean {
          throw new OfficeError('PropertyNotLoaded', 'format.font.bold is not loaded');
        },
      },
      set columnWidth(width: number) {
        range.queueSet('format.columnWidth', width, () => {
          const { sheet, rect } = range.rangeTarget();
          range.context.model.writable(sheet);
          for (let c = 0; c < rect.columns; c++) sheet.widths.set(rect.column + c, width);
        });
      },
      get columnWidth(): number {
        throw new OfficeError('PropertyNotLoaded', 'format.columnWidth is not loaded');
      },
    };
  }

  get dataValidation(): { clear: () => void; rule: unknown } {
    const range = this;
    return {
      clear: () =>
        range.queueCall('dataValidation.clear', [], () => {
          const { sheet, rect } = range.rangeTarget();
          range.context.model.writable(sheet);
          sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
        }),
      set rule(rule: unknown) {
        range.queueSet('dataValidation.rule', rule, () => {
          const { sheet, rect } = range.rangeTarget();
          range.context.model.writable(sheet);
          const list = (rule as { list?: { source?: string } }).list;
          if (!list || typeof list.source !== 'string') throw new Error('double: only list validations');
          sheet.validations.push({ rect, source: list.source });
        });
      },
      get rule(): unknown {
        throw new OfficeError('PropertyNotLoaded', 'dataValidation.rule is not loaded');
      },
    };
  }

  get conditionalFormats(): {
    add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string } } } };
    clearAll: () => void;
  } {
    const range = this;
    return {
      clearAll() {
        range.queueCall('conditionalFormats.clearAll', [], () => {
          const { sheet, rect } = range.rangeTarget();
          range.context.model.writable(sheet);
          sheet.conditional = sheet.conditional.filter((v) => !intersects(v.rect, rect));
        });
      },
      add(type: string) {
        if (type !== 'Custom') throw new Error('double: only custom conditional formats');
        const entry: { rect: Rect; formula: string; fill?: string } = { rect: { row: 0, column: 0, rows: 0, columns: 0 }, formula: '' };
        range.queueCall('conditionalFormats.add', [type], () => {
          const { sheet, rect } = range.rangeTarget();
          range.context.model.writable(sheet);
          entry.rect = rect;
          sheet.conditional.push(entry);
        });
        return {
          custom: {
            rule: {
              set formula(formula: string) {
                range.queueSet('conditionalFormat.rule.formula', formula, () => (entry.formula = formula));
              },
              get formula(): string {
                throw new OfficeError('PropertyNotLoaded', 'formula is not loaded');
              },
            },
            format: {
              fill: {
                set color(color: string) {
                  range.queueSet('conditionalFormat.fill.color', color, () => (entry.fill = color.toUpperCase()));
                },
                get color(): string {
                  throw new OfficeError('PropertyNotLoaded', 'color is not loaded');
                },
              },
            },
          },
        };
      },
    };
  }

  getRow(row: number): Range {
    return this.derived('getRow', [row], ({ rect }) => ({ ...rect, row: rect.row + row, rows: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], ({ rect }) => ({ ...rect, rows: rect.rows + deltaRows, columns: rect.columns + deltaColumns }));
  }
  getIntersectionOrNullObject(other: Range): Range {
    return this.derived('getIntersectionOrNullObject', [other], ({ rect }) => {
      if (other.target === null) return null;
      const o = other.rangeTarget().rect;
      if (!intersects(rect, o)) return null;
      const row = Math.max(rect.row, o.row);
      const column = Math.max(rect.column, o.column);
      return { row, column, rows: Math.min(rect.row + rect.rows, o.row + o.rows) - row, columns: Math.min(rect.column + rect.columns, o.column + o.columns) - column };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.derived('getUsedRangeOrNullObject', [valuesOnly], ({ sheet, rect }) => {
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const [r, c, cell] of this.context.model.cellsIn(sheet, rect)) {
        if (valuesOnly && cell.value === '') continue;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
    });
  }
  clear(applyTo: 'All' | 'Contents' = 'All'): void {
    this.queueCall('clear', [applyTo], () => {
      const { sheet, rect } = this.rangeTarget();
      this.context.model.writable(sheet);
      for (const [r, c, cell] of [...this.context.model.cellsIn(sheet, rect)]) {
        sheet.cells[r][c] = applyTo === 'Contents' ? { ...cell, value: '', formula: undefined } : undefined;
      }
      if (applyTo === 'All') {
        sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
        sheet.conditional = sheet.conditional.filter((v) => !intersects(v.rect, rect));
      }
    });
  }
  select(): void {
    this.queueCall('select', [], () => {
      const { sheet, rect } = this.rangeTarget();
      this.context.model.selection = { sheet: sheet.name, address: rectAddress(sheet, rect).split('!')[1] };
    });
  }
}

/** `Excel.run` over the model: a fresh context per batch, pending actions synced at the end. */
export function doubleRun(model: ExcelModel): ExcelRun {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new Context(model);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.queue.length > 0) await context.sync();
    return result;
  };
}
