/**
 * Workbooks written by other programs, at test time: openpyxl (what pandas uses) re-saving a
 * workbook or building one from scratch, and Python's ElementTree re-serialising the
 * SpreadsheetML parts with an `x:` prefix on the main namespace. Debian's python3-openpyxl runs
 * under the system Python (`.ci/run` installs it); tests fail, never skip, when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CellValue } from '../../src/schema/raw';
import { isCellError, isPercentCell } from '../../src/schema/raw';
import type { TableData } from '../../src/workbook/port';

const PYTHON = '/usr/bin/python3';

/** Runs `script` with the system Python; its standard output, or an error with its standard error. */
export function python(script: string, args: readonly string[] = []): string {
  const run = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) throw new Error(`${PYTHON} did not run (${run.error.message}): install python3-openpyxl`);
  if (run.status !== 0) throw new Error(`${PYTHON} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

async function withFiles<T>(inputs: Record<string, Uint8Array | string>, work: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-foreign-'));
  try {
    for (const [name, content] of Object.entries(inputs)) await fs.writeFile(path.join(dir, name), content);
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** openpyxl loads the workbook and saves it again: every part rewritten its way. */
export async function resavedByOpenpyxl(xlsx: Uint8Array): Promise<Buffer> {
  return withFiles({ 'in.xlsx': xlsx }, async (dir) => {
    python('import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])', [path.join(dir, 'in.xlsx'), path.join(dir, 'out.xlsx')]);
    return fs.readFile(path.join(dir, 'out.xlsx'));
  });
}

type JsonCell = null | string | number | boolean | { date: string } | { percent: number } | { error: string };

function jsonCell(value: CellValue): JsonCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: value.toISOString() };
  if (isPercentCell(value)) return { percent: value.percent };
  if (isCellError(value)) return { error: value.error };
  return value;
}

const FROM_SCRATCH = `
import json, sys, datetime, openpyxl
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904
spec = json.load(open(sys.argv[1]))
wb = openpyxl.Workbook()
if spec['date1904']:
    wb.epoch = CALENDAR_MAC_1904
wb.remove(wb.active)
for t in spec['tables']:
    ws = wb[t['sheet']] if t['sheet'] in wb.sheetnames else wb.create_sheet(t['sheet'])
    top, left = t['top'], t['left']
    for c, header in enumerate(t['headers']):
        ws.cell(row=top, column=left + c, value=header)
    for r, row in enumerate(t['rows']):
        for c, value in enumerate(row):
            cell = ws.cell(row=top + 1 + r, column=left + c)
            if isinstance(value, dict) and 'date' in value:
                cell.value = datetime.datetime.fromisoformat(value['date'].replace('Z', ''))
                cell.number_format = 'dd/mm/yyyy'
            elif isinstance(value, dict) and 'percent' in value:
                cell.value = value['percent'] / 100
                cell.number_format = '0%'
            elif isinstance(value, dict) and 'error' in value:
                cell.value = value['error']
                cell.data_type = 'e'
            else:
                cell.value = value
    bottom = top + max(len(t['rows']), 1)
    ref = '%s%d:%s%d' % (get_column_letter(left), top, get_column_letter(left + len(t['headers']) - 1), bottom)
    table = Table(displayName=t['name'], ref=ref)
    table.tableStyleInfo = TableStyleInfo(name='TableStyleMedium2', showRowStripes=True)
    ws.add_table(table)
wb.save(sys.argv[2])
`;

/** openpyxl builds a new workbook holding these tables (same sheets, places, headers and cells). */
export async function builtByOpenpyxl(tables: readonly TableData[], options: { date1904: boolean }): Promise<Buffer> {
  const spec = {
    date1904: options.date1904,
    tables: tables.map((t) => ({ name: t.name, sheet: t.sheet, top: t.top, left: t.left, headers: t.headers, rows: t.rows.map((row) => row.map(jsonCell)) })),
  };
  return withFiles({ 'spec.json': JSON.stringify(spec) }, async (dir) => {
    python(FROM_SCRATCH, [path.join(dir, 'spec.json'), path.join(dir, 'out.xlsx')]);
    return fs.readFile(path.join(dir, 'out.xlsx'));
  });
}

const PREFIXED = `
import sys, zipfile
import xml.etree.ElementTree as ET
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
ET.register_namespace('x', MAIN)
ET.register_namespace('rel', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships')
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename.endswith('.xml') and not info.filename.startswith('['):
            root = ET.fromstring(data)
            if root.tag.startswith('{%s}' % MAIN):
                data = ET.tostring(root, encoding='UTF-8', xml_declaration=True)
        out.writestr(info.filename, data)
`;

/**
 * The package with every SpreadsheetML part re-serialised by ElementTree: the main namespace on
 * the prefix `x:` (`<x:worksheet xmlns:x=…>`), the relationships namespace on `rel:`.
 */
export async function prefixedByElementTree(xlsx: Uint8Array): Promise<Buffer> {
  return withFiles({ 'in.xlsx': xlsx }, async (dir) => {
    python(PREFIXED, [path.join(dir, 'in.xlsx'), path.join(dir, 'out.xlsx')]);
    return fs.readFile(path.join(dir, 'out.xlsx'));
  });
}

const OPENPYXL_SUMMARY = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: {'tables': sorted(ws.tables.keys()), 'a1': ws['A1'].value} for ws in wb.worksheets}))
`;

/** What openpyxl sees in a workbook: per sheet, its tables and cell A1. Throws when it cannot open it. */
export async function openedByOpenpyxl(xlsx: Uint8Array): Promise<Record<string, { tables: string[]; a1: unknown }>> {
  return withFiles({ 'in.xlsx': xlsx }, (dir) => JSON.parse(python(OPENPYXL_SUMMARY, [path.join(dir, 'in.xlsx')])));
}

const TYPE_MONITORING_NOTE = `
import sys, datetime, openpyxl
path, date, kind, code, note = sys.argv[1:6]
wb = openpyxl.load_workbook(path)
ws = wb['Monitoraggi']
col = {c.value: i for i, c in enumerate(ws[1])}
for row in ws.iter_rows(min_row=2):
    when = row[col['Data']].value
    if isinstance(when, datetime.datetime) and when.date().isoformat() == date and row[col['Tipo']].value == kind and row[col['Codice']].value == code:
        row[col['Nota']].value = note
        break
else:
    raise SystemExit('no Monitoraggi row for ' + code + ' at ' + date)
wb.save(path)
`;

/** A user types a Nota in another program (openpyxl, in place): on the `Monitoraggi` row of `code` (Tipo `kind`) recorded at `date` (ISO). */
export function typeMonitoringNote(xlsx: string, row: { date: string; kind: 'Indicatore' | 'Fase'; code: string; note: string }): void {
  python(TYPE_MONITORING_NOTE, [xlsx, row.date, row.kind, row.code, row.note]);
}
