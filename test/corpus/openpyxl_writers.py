"""Workbooks written by openpyxl (what pandas uses), for the corpus test.

    python3 openpyxl_writers.py <plan.json> <template.xlsx> <out-dir>

<plan.json> holds the Traguardo tables of a plan as the corpus test lays them out: for each
table its sheet, name, top-left cell, input headers and rows (dates as {"date": "YYYY-MM-DD"}).
Writes to <out-dir>:
  openpyxl-template.xlsx  the Traguardo template, filled by openpyxl as a user's script would;
  openpyxl-scratch.xlsx   a workbook built by openpyxl alone, with the same tables;
  openpyxl-1904.xlsx      the same, in the 1904 date system;
  openpyxl-plain.xlsx     the user's sheet alone, no Traguardo table;
  prefixed.xlsx           openpyxl-scratch.xlsx with every SpreadsheetML part re-serialised by
                          ElementTree under an `x:` prefix for the main namespace.
Each has a sheet of the user's own, «Appunti», first.
"""
import datetime
import io
import json
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.table import Table, TableStyleInfo

MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def cell_value(value):
    if isinstance(value, dict) and 'date' in value:
        return datetime.datetime.fromisoformat(value['date'])
    return value


def add_user_sheet(ws):
    ws['A1'] = 'Riunione NdV'
    ws['B2'] = 42
    ws['C2'] = '=B2*2'
    ws['A4'] = datetime.datetime(2023, 3, 15)
    ws['A4'].number_format = 'dd/mm/yyyy'


def table_ref(table, rows):
    top, left = table['top'], table['left']
    right = get_column_letter(left + len(table['headers']) - 1)
    # A table has at least one data row, blank if the plan has none.
    bottom = top + max(rows, 1)
    return f'{get_column_letter(left)}{top}:{right}{bottom}'


def fill_template(template, plan, out):
    """What a user's script does: open the template, write rows under its headers, grow the tables."""
    wb = openpyxl.load_workbook(template)
    tables = {t['table']: t for t in plan['tables']}
    for ws in wb.worksheets:
        for table in list(ws.tables.values()):
            spec = tables.get(table.displayName)
            if spec is None:
                continue
            first = ws[table.ref.split(':')[0]]
            top, left = first.row, first.column
            width = len(ws[table.ref][0])
            columns = {ws.cell(row=top, column=left + i).value: left + i for i in range(width)}
            for r, row in enumerate(spec['rows']):
                for header, value in zip(spec['headers'], row):
                    if header in columns and value is not None:
                        ws.cell(row=top + 1 + r, column=columns[header], value=cell_value(value))
            last = get_column_letter(left + width - 1)
            table.ref = f'{get_column_letter(left)}{top}:{last}{top + max(len(spec["rows"]), 1)}'
            if table.autoFilter is not None:
                table.autoFilter.ref = table.ref
    add_user_sheet(wb.create_sheet('Appunti', 0))
    wb.save(out)


def from_scratch(plan, out, epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    add_user_sheet(wb.active)
    wb.active.title = 'Appunti'
    for spec in plan['tables']:
        ws = wb[spec['sheet']] if spec['sheet'] in wb.sheetnames else wb.create_sheet(spec['sheet'])
        top, left = spec['top'], spec['left']
        for c, header in enumerate(spec['headers']):
            ws.cell(row=top, column=left + c, value=header)
        for r, row in enumerate(spec['rows']):
            for c, value in enumerate(row):
                if value is not None:
                    cell = ws.cell(row=top + 1 + r, column=left + c, value=cell_value(value))
                    if isinstance(cell.value, datetime.datetime):
                        cell.number_format = 'dd/mm/yyyy'
        table = Table(displayName=spec['table'], ref=table_ref(spec, len(spec['rows'])))
        table.tableStyleInfo = TableStyleInfo(name='TableStyleMedium2', showRowStripes=True)
        ws.add_table(table)
    wb.save(out)


def plain(out):
    wb = openpyxl.Workbook()
    add_user_sheet(wb.active)
    wb.active.title = 'Appunti'
    wb.save(out)


def prefixed(source, out):
    """Every part in the SpreadsheetML namespace written again by ElementTree with an `x:` prefix."""
    ET.register_namespace('x', MAIN_NS)
    ET.register_namespace('r', REL_NS)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith('.xml'):
                root = ET.fromstring(data)
                if root.tag.startswith('{' + MAIN_NS + '}'):
                    buffer = io.BytesIO()
                    ET.ElementTree(root).write(buffer, encoding='UTF-8', xml_declaration=True)
                    data = buffer.getvalue()
            zout.writestr(info, data)


def main():
    plan_file, template, out_dir = sys.argv[1:4]
    with open(plan_file, encoding='utf-8') as f:
        plan = json.load(f)
    fill_template(template, plan, os.path.join(out_dir, 'openpyxl-template.xlsx'))
    from_scratch(plan, os.path.join(out_dir, 'openpyxl-scratch.xlsx'))
    from_scratch(plan, os.path.join(out_dir, 'openpyxl-1904.xlsx'), CALENDAR_MAC_1904)
    plain(os.path.join(out_dir, 'openpyxl-plain.xlsx'))
    prefixed(os.path.join(out_dir, 'openpyxl-scratch.xlsx'), os.path.join(out_dir, 'prefixed.xlsx'))


if __name__ == '__main__':
    main()
