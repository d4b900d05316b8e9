/**
 * How the .xlsx adapter turns a file it cannot read into the user's error: a package that is
 * not a zip (an .xls, a password-protected workbook), a damaged or missing part, a part too big.
 */
import type { Steps } from '../cooperative';
import { UserError } from '../../errors';
import type { Worksheet } from './sheet';
import { MAX_XML_ELEMENTS } from './xml';
import { INFLATE_LIMITS, PartError, ZipFormatError } from './zip';

/** OLE compound files: .xls workbooks and password-protected .xlsx files. */
export const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream name that marks a password-protected package, as UTF-16LE bytes. */
export const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

export function startsWith(data: Uint8Array, prefix: readonly number[]): boolean {
  return data.length >= prefix.length && prefix.every((byte, i) => data[i] === byte);
}

export function contains(data: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  for (let i = data.indexOf(first); i >= 0 && i + needle.length <= data.length; i = data.indexOf(first, i + 1)) {
    if (needle.every((byte, k) => data[i + k] === byte)) return true;
  }
  return false;
}

/** A stage whose every step translates the failures of a file that cannot be read, as `unreadableAsUserError`. */
export function* guarded<T>(file: string, steps: Steps<T>): Steps<T> {
  for (;;) {
    const step = unreadableAsUserError(file, () => steps.next());
    if (step.done) return step.value;
    yield;
  }
}

/** Runs `work`, turning a damaged or missing part of the package into the user's error. */
export function unreadableAsUserError<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PartError) {
      const limit =
        error.problem === 'xlsx-part-too-complex'
          ? MAX_XML_ELEMENTS
          : Math.round((error.problem === 'xlsx-package-too-large' ? INFLATE_LIMITS.total : INFLATE_LIMITS.part) / 1024 / 1024);
      throw new UserError(error.problem, { file, part: error.part, limit });
    }
    // A RangeError is a string or an array past what the JavaScript engine allows: a part too big to handle.
    if (error instanceof ZipFormatError || error instanceof RangeError) throw new UserError('xlsx-unreadable', { file });
    throw error;
  }
}

/** Commits a sheet's pending writes; the sheet knows the cell of a text too long, the workbook its name. */
export function* commitNamed(sheet: Worksheet, name: string): Steps<void> {
  try {
    yield* sheet.commitSteps();
  } catch (error) {
    throw named(error, name);
  }
}

/** Runs `work`, which writes cells of the sheet `name`: a text too long there names the sheet too. */
export function nameTextTooLong<T>(name: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw named(error, name);
  }
}

function named(error: unknown, sheet: string): unknown {
  return error instanceof UserError && error.key === 'xlsx-text-too-long' ? new UserError(error.key, { ...error.params, sheet }) : error;
}
