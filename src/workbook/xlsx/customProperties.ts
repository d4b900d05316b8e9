/** Custom document properties (docProps/custom.xml): where Traguardo keeps its own settings in a file. */
import { sameHeader } from '../changes';
import { CONTENT_TYPE, isRelationship, Package, RELATIONSHIP } from './package';
import { adopt, appendChild, attribute, childrenOf, CUSTOM_PROPERTIES, escapeXml, inNamespace, NS, textOf, VT, type XmlElement } from './xml';
import { PartError } from './zip';

/** The format id every custom document property carries (MS-OLEPS «user defined properties»). */
const CUSTOM_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** The text of the property `key`, or null when the package has no such property. */
export function readCustomProperty(pkg: Package, key: string): string | null {
  const path = customPropertiesPath(pkg);
  if (!path) return null;
  const { xml, root } = pkg.parse(path);
  const property = findProperty(root, key);
  if (!property) return null;
  // The value is the property's one child (`<vt:lpwstr>`, `<vt:i4>` …); white space around it is layout.
  const value = property.children[0];
  return value ? textOf(xml, value) : property.text;
}

/** A text property of docProps/custom.xml, the part created (with its relationship) when missing. */
export function writeCustomProperty(pkg: Package, key: string, text: string): void {
  let path = customPropertiesPath(pkg);
  if (!path) {
    path = pkg.has('docProps/custom.xml') ? pkg.freePath('docProps/custom{n}.xml') : 'docProps/custom.xml';
    pkg.setText(
      path,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="${NS.vt}"></Properties>`,
    );
    pkg.setContentType(path, CONTENT_TYPE.customProperties);
    pkg.addRelationship('', RELATIONSHIP.customProperties, path);
  }
  const { xml, root } = pkg.parse(path);
  if (root.local !== 'Properties' || !inNamespace(root, CUSTOM_PROPERTIES)) throw new PartError('xlsx-part-damaged', path, 'not a custom properties part');
  const existing = findProperty(root, key);
  const value = `<vt:lpwstr>${escapeXml(text)}</vt:lpwstr>`;
  if (existing) {
    const open = xml.slice(existing.start, existing.tagEnd).replace(/\s*\/>$/, '>');
    pkg.setText(path, xml.slice(0, existing.start) + open + adopt(value, existing.scope, { vt: VT }) + `</${existing.name}>` + xml.slice(existing.end));
    return;
  }
  const pids = childrenOf(root, CUSTOM_PROPERTIES, 'property').map((p) => Number(attribute(p, 'pid') ?? 0) || 0);
  const property = `<property fmtid="${CUSTOM_FMTID}" pid="${Math.max(1, ...pids) + 1}" name="${escapeXml(key)}">${value}</property>`;
  pkg.setText(path, appendChild(xml, root, adopt(property, root.scope, { '': CUSTOM_PROPERTIES, vt: VT })));
}

function customPropertiesPath(pkg: Package): string | undefined {
  const rel = pkg.relationships('').find((r) => isRelationship(r.type, RELATIONSHIP.customProperties));
  return rel && pkg.has(rel.path) ? rel.path : undefined;
}

/** The `<property>` named `key` (names compared ignoring case, as Office does) of docProps/custom.xml. */
function findProperty(root: XmlElement, key: string): XmlElement | undefined {
  return childrenOf(root, CUSTOM_PROPERTIES, 'property').find((p) => sameHeader(attribute(p, 'name') ?? '', key));
}
