"""Opens workbooks in openpyxl and prints, as JSON, what it read of each.

    python3 openpyxl_check.py <file.xlsx>...

For each file: {"sheets": [...], "cells": {sheet: {"A1": value, ...}}} with every non-empty
cell (a formula as its text, a date in ISO form), or {"error": "..."} when openpyxl cannot
load it.
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def read(file):
    try:
        wb = openpyxl.load_workbook(file)
    except Exception as error:  # openpyxl's failures have no common base class
        return {'error': f'{type(error).__name__}: {error}'}
    cells = {}
    for ws in wb.worksheets:
        cells[ws.title] = {
            cell.coordinate: plain(cell.value)
            for row in ws.iter_rows()
            for cell in row
            if cell.value is not None and cell.value != ''
        }
    return {'sheets': wb.sheetnames, 'cells': cells}


def main():
    json.dump({file: read(file) for file in sys.argv[1:]}, sys.stdout)


if __name__ == '__main__':
    main()
