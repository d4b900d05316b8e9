/** The parts of an .xlsx package (a zip), by name, as stored bytes after inflating. */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

export function packageParts(file: string): Map<string, Uint8Array> {
  const entries = unzipSync(readFileSync(file));
  return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
}

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
