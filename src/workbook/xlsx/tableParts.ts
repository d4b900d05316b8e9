/** Table parts (xl/tables/tableN.xml) of an .xlsx package: what they say, and edits of their XML. */
import { UserError } from '../../errors';
import { columnIndexOf } from '../changes';
import { cellAddress } from '../port';
import { isRelationship, Package, RELATIONSHIP } from './package';
import { adopt, appendChild, attribute, childOf, childrenOf, escapeXml, inNamespace, MAIN, MAIN_BINDINGS, MAX_COLUMNS, MAX_ROWS, parseRangeRef, parseXml, replaceStartTag, unescapeExcel, withAttribute, type RangeRef } from './xml';
import { PartError, ZipFormatError } from './zip';

export interface SheetInfo {
  name: string;
  path: string;
}

export interface TableInfo {
  path: string;
  /** Relationship id from the sheet to the table part. */
  relationship: string;
  sheet: SheetInfo;
  id: number;
  name: string;
  ref: RangeRef;
  headerRow: boolean;
  totalsRows: number;
  columns: string[];
}

/** The tables of `sheets`, in sheet order; a listed part that is missing or not a table is a damaged package. */
export function readTableParts(pkg: Package, sheets: readonly SheetInfo[]): TableInfo[] {
  const tables: TableInfo[] = [];
  for (const sheet of sheets) {
    const relationships = pkg.relationships(sheet.path).filter((r) => isRelationship(r.type, RELATIONSHIP.table));
    for (const rel of relationships) {
      if (!pkg.has(rel.path)) throw new PartError('xlsx-part-missing', rel.path, 'table listed but missing');
      const { root } = pkg.parse(rel.path);
      if (root.local !== 'table' || !inNamespace(root, MAIN)) throw new PartError('xlsx-part-damaged', rel.path, 'not a table');
      const columns = childOf(root, MAIN, 'tableColumns');
      const names = columns ? childrenOf(columns, MAIN, 'tableColumn').map((c) => unescapeExcel(attribute(c, 'name') ?? '')) : [];
      const name = attribute(root, 'displayName') ?? attribute(root, 'name') ?? '';
      const refText = attribute(root, 'ref') ?? 'A1';
      let ref: RangeRef;
      try {
        ref = parseRangeRef(refText);
      } catch {
        throw new UserError('xlsx-table-outside-grid', { table: name, ref: refText, rows: MAX_ROWS, columns: MAX_COLUMNS });
      }
      if (ref.bottom < ref.top || ref.right < ref.left) throw new UserError('xlsx-table-outside-grid', { table: name, ref: refText, rows: MAX_ROWS, columns: MAX_COLUMNS });
      tables.push({
        path: rel.path,
        relationship: rel.id,
        sheet,
        id: Number(attribute(root, 'id') ?? 0) || 0,
        name,
        ref,
        headerRow: attribute(root, 'headerRowCount') !== '0',
        totalsRows: Math.max(0, Number(attribute(root, 'totalsRowCount') ?? 0) || 0),
        columns: names,
      });
    }
  }
  return tables;
}

/** Rewrites the table part after a change of its ref or columns; `edit` adds its own changes. */
export function writeTable(pkg: Package, table: TableInfo, edit: (xml: string) => string): void {
  let xml = edit(pkg.text(table.path));
  const filter = childOf(parseXml(xml), MAIN, 'autoFilter');
  if (filter) {
    const filterRange = rangeText({ ...table.ref, bottom: table.ref.bottom - table.totalsRows });
    xml = replaceStartTag(xml, filter, withAttribute(xml, filter, 'ref', filterRange));
  }
  const root = parseXml(xml);
  pkg.setText(table.path, replaceStartTag(xml, root, withAttribute(xml, root, 'ref', rangeText(table.ref))));
}

export function firstDataRow(table: TableInfo): number {
  return table.headerRow ? table.ref.top + 1 : table.ref.top;
}

export function columnIndex(table: TableInfo, header: string): number {
  return columnIndexOf(table.name, table.columns, header);
}

export function appendTableColumn(xml: string, header: string): string {
  const columns = childOf(parseXml(xml), MAIN, 'tableColumns');
  if (!columns) throw new ZipFormatError('table without tableColumns');
  const existing = childrenOf(columns, MAIN, 'tableColumn');
  const id = Math.max(0, ...existing.map((c) => Number(attribute(c, 'id') ?? 0) || 0)) + 1;
  const counted = replaceStartTag(xml, columns, withAttribute(xml, columns, 'count', String(existing.length + 1)));
  const reparsed = childOf(parseXml(counted), MAIN, 'tableColumns')!;
  return appendChild(counted, reparsed, adopt(`<tableColumn id="${id}" name="${escapeXml(header)}"/>`, reparsed.scope, MAIN_BINDINGS));
}

export function rangeText(ref: RangeRef): string {
  return `${cellAddress(ref.top, ref.left)}:${cellAddress(ref.bottom, ref.right)}`;
}
