/** The parts of an .xlsx or .docx package (a zip), by name, as stored bytes after inflating. */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { fflateCodec } from '../../src/workbook/xlsx/fflateCodec';
import { entryContent, readZip } from '../../src/workbook/xlsx/zip';

export function packageParts(file: string): Map<string, Uint8Array> {
  const entries = unzipSync(readFileSync(file));
  return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
}

/** One part of a package as text, read with the project's own zip reader. */
export function partText(bytes: Uint8Array, name: string): string {
  const entry = readZip(bytes).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return new TextDecoder().decode(entryContent(entry, fflateCodec));
}

/** A .docx's body, word/document.xml. */
export const documentXml = (bytes: Uint8Array): string => partText(bytes, 'word/document.xml');

/**
 * The parts that index a package or that every writer rewrites when it adds a sheet, a style or
 * a document property (the package's own relationships list docProps/custom.xml): they may
 * change; any other part a file had must come out byte for byte.
 */
export const INDEX_PARTS = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/.+)$/;

/** The names of the parts of `before`, outside `mayChange`, that `after` lacks or holds changed. */
export function changedParts(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>, mayChange: (name: string) => boolean = (name) => INDEX_PARTS.test(name)): string[] {
  const changed: string[] = [];
  for (const [name, bytes] of before) {
    if (mayChange(name)) continue;
    const now = after.get(name);
    if (now === undefined || Buffer.compare(Buffer.from(now), Buffer.from(bytes)) !== 0) changed.push(name);
  }
  return changed;
}
