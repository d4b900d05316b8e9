/**
 * A line chart on a sheet Traguardo owns (`Andamento`): a DrawingML chart part
 * (`xl/charts/chartN.xml`) placed by a drawing part (`xl/drawings/drawingN.xml`) that the sheet's
 * `<drawing>` points at. Writing the sheet again rewrites the same two parts, so charts do not
 * pile up. The series refer to the sheet's cells, with their values cached so that a reader that
 * does not recalculate (a viewer, a preview) still draws the lines.
 */
import { cellPosition, sheetPrefix } from '../formulas/a1';
import type { LineChart, OutputValue } from '../port';
import { isFormulaCell } from '../port';
import { isRelationship, type Package } from './package';
import type { Worksheet } from './sheet';
import { escapeXml } from './xml';

const DRAWING_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_SPREADSHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The chart's size in cells: wide enough for a dozen dates and a legend of unit names. */
const WIDTH_COLUMNS = 10;
const HEIGHT_ROWS = 20;

const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;

function parseCellAddress(address: string): { row: number; column: number } {
  const position = cellPosition(address);
  if (position === null) throw new Error(`not a cell address: ${address}`);
  return position;
}

/** Draws `chart` on the sheet at `sheetPath`, replacing the chart Traguardo drew there before. */
export function setLineChart(pkg: Package, sheetPath: string, sheet: Worksheet, sheetName: string, chart: LineChart, rows: readonly (readonly OutputValue[])[]): void {
  const drawingId = sheet.drawing;
  let drawingPath = drawingId === undefined ? undefined : pkg.relationships(sheetPath).find((r) => r.id === drawingId)?.path;
  if (drawingPath === undefined) {
    drawingPath = pkg.freePath('xl/drawings/drawing{n}.xml');
    pkg.setContentType(drawingPath, DRAWING_CONTENT_TYPE);
    sheet.setDrawing(pkg.addRelationship(sheetPath, DRAWING_RELATIONSHIP, drawingPath));
  }
  const existing = pkg.relationships(drawingPath).find((r) => isRelationship(r.type, CHART_RELATIONSHIP) && !r.external);
  let chartPath = existing?.path;
  let chartId = existing?.id;
  if (chartPath === undefined || chartId === undefined) {
    chartPath = pkg.freePath('xl/charts/chart{n}.xml');
    pkg.setContentType(chartPath, CHART_CONTENT_TYPE);
    chartId = pkg.addRelationship(drawingPath, CHART_RELATIONSHIP, chartPath);
  }
  pkg.setText(drawingPath, drawingXml(chart.anchor, chartId));
  pkg.setText(chartPath, chartXml(chart, sheetName, rows));
}

function drawingXml(anchor: string, chartId: string): string {
  const { row, column } = parseCellAddress(anchor);
  const marker = (tag: string, c: number, r: number) =>
    `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWING}">` +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker('from', column - 1, row - 1) +
    marker('to', column - 1 + WIDTH_COLUMNS, row - 1 + HEIGHT_ROWS) +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Traguardo"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_RELATIONSHIPS}" r:id="${chartId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}

/** The cells of a one-row or one-column A1 range, as 0-based (row, column) pairs. */
function cellsOf(range: string): { row: number; column: number }[] {
  const [from, to = from] = range.replace(/\$/g, '').split(':').map(parseCellAddress);
  const cells: { row: number; column: number }[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) cells.push({ row: r - 1, column: c - 1 });
  return cells;
}

function absolute(range: string): string {
  return range
    .replace(/\$/g, '')
    .split(':')
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}

function plain(value: OutputValue | undefined): OutputValue {
  return value !== undefined && isFormulaCell(value) ? value.result : (value ?? null);
}

function stringCache(values: readonly OutputValue[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v === null || v === undefined ? '' : String(v))}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: readonly OutputValue[]): string {
  const points = values.flatMap((v, i) => (typeof v === 'number' && Number.isFinite(v) ? [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`] : [])).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function chartXml(chart: LineChart, sheetName: string, rows: readonly (readonly OutputValue[])[]): string {
  const prefix = sheetPrefix(sheetName);
  const read = (range: string) => cellsOf(range).map(({ row, column }) => plain(rows[row]?.[column]));
  const categories = `<c:cat><c:strRef><c:f>${escapeXml(prefix + absolute(chart.categories))}</c:f>${stringCache(read(chart.categories))}</c:strRef></c:cat>`;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(prefix + absolute(s.name))}</c:f>${stringCache(read(s.name))}</c:strRef></c:tx>` +
        '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>' +
        categories +
        `<c:val><c:numRef><c:f>${escapeXml(prefix + absolute(s.values))}</c:f>${numberCache(read(s.values))}</c:numRef></c:val>` +
        '<c:smooth val="0"/></c:ser>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_RELATIONSHIPS}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:lineChart>` +
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/>` +
    '<c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart></c:chartSpace>'
  );
}
