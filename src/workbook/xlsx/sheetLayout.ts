/**
 * Layout edits of a worksheet's skeleton (the part without its rows): column widths, frozen
 * panes, fit to page. Each takes the skeleton and its parsed root and returns the edited text.
 */
import { cellAddress } from '../port';
import { adopt, appendChild, attr, childOf, childrenOf, inNamespace, MAIN, MAIN_BINDINGS, parseXml, replaceStartTag, setAttr, withAttribute, type XmlElement } from './xml';

/**
 * Sets the width of one column, splitting a `<col>` range that covers several columns; with
 * `style`, also the style of the column's empty cells (what a value typed there gets).
 */
export function withColumnWidth(skeleton: string, root: XmlElement, col: number, width: number, style?: number): string {
  const cols = childOf(root, MAIN, 'cols');
  const xml = skeleton;
  const entries = cols ? childrenOf(cols, MAIN, 'col').map((e) => xml.slice(e.start, e.end)) : [];
  const styled = style ? ` style="${style}"` : '';
  const own = (min: number, max: number): string => `<col min="${min}" max="${max}" width="${width}"${styled} customWidth="1"/>`;
  const result: string[] = [];
  let placed = false;
  const scope = cols?.scope ?? root.scope;
  for (const tag of entries) {
    const min = Number(attr(tag, 'min'));
    const max = Number(attr(tag, 'max'));
    if (col < min || col > max) {
      if (!placed && min > col) {
        result.push(adopt(own(col, col), scope, MAIN_BINDINGS));
        placed = true;
      }
      result.push(tag);
      continue;
    }
    if (min < col) result.push(setAttr(tag, 'max', String(col - 1)));
    const sized = setAttr(setAttr(setAttr(setAttr(tag, 'min', String(col)), 'max', String(col)), 'width', String(width)), 'customWidth', '1');
    result.push(style ? setAttr(sized, 'style', String(style)) : sized);
    if (max > col) result.push(setAttr(tag, 'min', String(col + 1)));
    placed = true;
  }
  if (!placed) result.push(adopt(own(col, col), scope, MAIN_BINDINGS));
  if (cols) {
    const open = cols.selfClosing ? xml.slice(cols.start, cols.tagEnd).replace(/\s*\/>$/, '>') : xml.slice(cols.start, cols.tagEnd);
    return xml.slice(0, cols.start) + open + result.join('') + `</${cols.name}>` + xml.slice(cols.end);
  } else {
    // `cols` goes just before `sheetData` (CT_Worksheet).
    const at = childOf(root, MAIN, 'sheetData')!.start;
    return xml.slice(0, at) + adopt(`<cols>${result.join('')}</cols>`, root.scope, MAIN_BINDINGS) + xml.slice(at);
  }
}

/** Freezes the first `rows` rows and `columns` columns in the sheet's first view; 0 and 0 unfreeze. */
export function withFrozenPanes(skeleton: string, parsed: XmlElement, rows: number, columns: number): string {
  let xml = skeleton;
  let root = parsed;
  if (!childOf(root, MAIN, 'sheetViews')) {
    // sheetViews comes before sheetFormatPr, cols and sheetData (CT_Worksheet).
    const next = root.children.find((c) => inNamespace(c, MAIN) && ['sheetFormatPr', 'cols', 'sheetData'].includes(c.local))!;
    xml = xml.slice(0, next.start) + adopt('<sheetViews><sheetView workbookViewId="0"/></sheetViews>', root.scope, MAIN_BINDINGS) + xml.slice(next.start);
    root = parseXml(xml);
  }
  const views = childOf(root, MAIN, 'sheetViews')!;
  if (!childOf(views, MAIN, 'sheetView')) {
    xml = appendChild(xml, views, adopt('<sheetView workbookViewId="0"/>', views.scope, MAIN_BINDINGS));
    root = parseXml(xml);
  }
  let view = childOf(childOf(root, MAIN, 'sheetViews')!, MAIN, 'sheetView')!;
  // The selection belongs to a pane: both go, and come back for the new panes.
  const gone = view.children.filter((c) => inNamespace(c, MAIN) && (c.local === 'pane' || c.local === 'selection'));
  for (const element of gone.reverse()) xml = xml.slice(0, element.start) + xml.slice(element.end);
  view = childOf(childOf(parseXml(xml), MAIN, 'sheetViews')!, MAIN, 'sheetView')!;
  if (rows > 0 || columns > 0) {
    const active = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
    const corner = cellAddress(rows + 1, columns + 1);
    const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
    const fragment =
      `<pane${split} topLeftCell="${corner}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}" activeCell="${corner}" sqref="${corner}"/>`;
    const content = adopt(fragment, view.scope, MAIN_BINDINGS);
    const open = view.selfClosing ? xml.slice(view.start, view.tagEnd).replace(/\s*\/>$/, '>') : xml.slice(view.start, view.tagEnd);
    const rest = view.selfClosing ? `</${view.name}>` + xml.slice(view.end) : xml.slice(view.tagEnd);
    xml = xml.slice(0, view.start) + open + content + rest;
  }
  return xml;
}

/** `sheetPr/pageSetUpPr@fitToPage`: on, the fitTo… of the page setup apply (they are ignored without it); off, its scale. */
export function withFitToPage(skeleton: string, root: XmlElement, on = true): string {
  const xml = skeleton;
  const value = on ? '1' : '0';
  const pr = childOf(root, MAIN, 'sheetPr');
  if (!pr) {
    if (!on) return xml;
    // sheetPr is the worksheet's first child.
    const at = root.children[0]?.start ?? root.contentEnd;
    return xml.slice(0, at) + adopt('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', root.scope, MAIN_BINDINGS) + xml.slice(at);
  }
  const setUp = childOf(pr, MAIN, 'pageSetUpPr');
  if (setUp) {
    return replaceStartTag(xml, setUp, withAttribute(xml, setUp, 'fitToPage', value));
  }
  if (!on) return xml;
  // pageSetUpPr is the last child of sheetPr (after tabColor and outlinePr).
  return appendChild(xml, pr, adopt('<pageSetUpPr fitToPage="1"/>', pr.scope, MAIN_BINDINGS));
}
