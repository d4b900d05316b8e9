/** Edits of the workbook part (xl/workbook.xml): defined names, recalculation on open, and the part of a new package. */
import type { DefinedName } from '../port';
import { CONTENT_TYPE, isRelationship, Package, RELATIONSHIP } from './package';
import { EMPTY_STYLES } from './styles';
import { adopt, appendChild, attribute, childOf, escapeXml, inNamespace, MAIN, MAIN_BINDINGS, NS, replaceStartTag, setAttr, withAttribute, type XmlElement } from './xml';
import type { ZipCodec } from './zip';

/** Elements of CT_Workbook that follow `definedNames`, in schema order. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** The workbook part as read: its text and parsed root. */
export interface WorkbookPart {
  xml: string;
  root: XmlElement;
}

/** The package of an empty workbook: no sheet, an empty style sheet. */
export function emptyPackage(codec: ZipCodec): Package {
  const pkg = new Package([], codec);
  pkg.setText(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
  );
  pkg.setText(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${RELATIONSHIP.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
  );
  pkg.setText(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>',
  );
  pkg.setText('xl/styles.xml', EMPTY_STYLES);
  pkg.addRelationship('xl/workbook.xml', RELATIONSHIP.styles, 'xl/styles.xml');
  return pkg;
}

/** Redefines `existing`, or adds the name (scoped to the sheet at `localSheetId` when given). */
export function setDefinedName(pkg: Package, workbookPath: string, { xml, root }: WorkbookPart, name: DefinedName, existing: XmlElement | undefined, localSheetId?: number): void {
  const formula = escapeXml(name.formula.startsWith('=') ? name.formula.slice(1) : name.formula);
  const comment = name.comment === undefined ? '' : ` comment="${escapeXml(name.comment)}"`;
  const names = childOf(root, MAIN, 'definedNames');
  let updated: string;
  if (existing) {
    const open = xml.slice(existing.start, existing.tagEnd).replace(/\s*\/>$/, '>');
    const tag = name.comment === undefined ? open : setAttr(open, 'comment', escapeXml(name.comment));
    updated = xml.slice(0, existing.start) + `${tag}${formula}</${existing.name}>` + xml.slice(existing.end);
  } else {
    const local = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
    const element = `<definedName name="${escapeXml(name.name)}"${local}${comment}>${formula}</definedName>`;
    if (names) updated = appendChild(xml, names, adopt(element, names.scope, MAIN_BINDINGS));
    else {
      const next = root.children.find((c) => inNamespace(c, MAIN) && AFTER_DEFINED_NAMES.includes(c.local));
      const fragment = adopt(`<definedNames>${element}</definedNames>`, root.scope, MAIN_BINDINGS);
      updated = next ? xml.slice(0, next.start) + fragment + xml.slice(next.start) : appendChild(xml, root, fragment);
    }
  }
  pkg.setText(workbookPath, updated);
}

/** Makes Excel recompute formulas on open: they may read cells Traguardo wrote. */
export function recalculateOnOpen(pkg: Package, workbookPath: string, workbookXml: () => WorkbookPart): void {
  const chain = pkg.relationships(workbookPath).find((r) => isRelationship(r.type, RELATIONSHIP.calcChain));
  if (chain) {
    // The calculation chain lists formula cells; a cell Traguardo overwrote would make it invalid.
    pkg.removeRelationship(workbookPath, chain.id);
    pkg.removeContentType(chain.path);
    pkg.remove(chain.path);
  }
  const { xml, root } = workbookXml();
  const calc = childOf(root, MAIN, 'calcPr');
  if (calc) {
    if (attribute(calc, 'fullCalcOnLoad') !== '1') pkg.setText(workbookPath, replaceStartTag(xml, calc, withAttribute(xml, calc, 'fullCalcOnLoad', '1')));
    return;
  }
  const next = root.children.find((c) => inNamespace(c, MAIN) && AFTER_CALC_PR.includes(c.local));
  const element = adopt('<calcPr fullCalcOnLoad="1"/>', root.scope, MAIN_BINDINGS);
  pkg.setText(workbookPath, next ? xml.slice(0, next.start) + element + xml.slice(next.start) : appendChild(xml, root, element));
}
