/**
 * Reading the add-in manifest in tests, with the DOMParser of the jsdom test environment (test
 * files using this declare `@jest-environment jsdom`).
 */
export const OFFICE_APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
export const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export function parseManifest(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent ?? ''}`);
  return doc;
}

export function childElements(element: Element): Element[] {
  return Array.from(element.children);
}

/** Every element with this local name, whatever its namespace. */
export function elements(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}

export function only(root: Document | Element, localName: string): Element {
  const found = elements(root, localName);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0];
}

/** The one child element with this local name. */
export function child(parent: Element, localName: string): Element {
  const found = childElements(parent).filter((e) => e.localName === localName);
  if (found.length !== 1) throw new Error(`expected one <${localName}> in <${parent.localName}>, found ${found.length}`);
  return found[0];
}

export function xsiType(element: Element): string | null {
  return element.getAttributeNS(XSI_NS, 'type');
}

/** Every URL the manifest points at: DefaultValue/Value attributes holding an absolute URL. */
export function manifestUrls(doc: Document): string[] {
  const urls: string[] = [];
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    for (const name of ['DefaultValue', 'Value']) {
      const value = element.getAttribute(name);
      if (value !== null && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
    }
  }
  return urls;
}
