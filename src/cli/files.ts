/**
 * The files the `traguardo` command reads and writes. Reading: a path that is missing, a folder
 * or unreadable is a UserError (exit 2), never a crash. Writing never destroys what the user did
 * not ask to replace, and a write that fails or is interrupted leaves the old file as it was:
 * the bytes go to a temporary file beside the target, are synced to disk and renamed over it,
 * with the target's mode and owner; a symlink is followed, so the link stays a link.
 */
import { constants, promises as fs, unlinkSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors';

/**
 * Test hook: with this variable set to a number of milliseconds, a write pauses that long once
 * its temporary file is complete and synced, just before the rename, and says so on stderr — so
 * the signal test can interrupt it at a known point instead of racing the write.
 */
export const PAUSE_BEFORE_RENAME_ENV = 'TRAGUARDO_TEST_PAUSE_BEFORE_RENAME_MS';
export const PAUSED_MARKER = 'traguardo-test: paused before rename';

/** Symbolic links followed before giving up (Linux's own limit, ELOOP). */
const MAX_LINKS = 40;

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function readFailure(file: string, error: unknown): UserError {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError('file-not-found', { file });
  if (code === 'EISDIR') return new UserError('file-is-directory', { file });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('file-no-permission', { file });
  return new UserError('file-unreadable', { file, detail: code ?? (error instanceof Error ? error.message : String(error)) });
}

/** A file the command can read: it exists, is not a folder, and this user may open it. */
export async function assertReadableFile(file: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.stat(file);
  } catch (e) {
    throw readFailure(file, e);
  }
  if (stats.isDirectory()) throw new UserError('file-is-directory', { file });
  try {
    await (await fs.open(file, 'r')).close();
  } catch (e) {
    throw readFailure(file, e);
  }
}

/** Reads a file, or says in one line why it cannot. */
export async function readInputFile(file: string): Promise<Buffer> {
  await assertReadableFile(file);
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw readFailure(file, e);
  }
}

/** Runs `read` (which opens `file`), turning a file-system failure into the user's message. */
export async function readingFile<T>(file: string, read: () => Promise<T>): Promise<T> {
  await assertReadableFile(file);
  try {
    return await read();
  } catch (e) {
    // Only the system's own failures (EIO, EACCES …): Node's ERR_* codes are defects, exit 70.
    if (/^E[A-Z]+$/.test(errnoCode(e) ?? '') && !(e instanceof UserError)) throw readFailure(file, e);
    throw e;
  }
}

/** Whether two paths name the same file (after symlinks); false when either does not exist. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * May the output replace an existing file? `new`: no, `existsKey` says why and what to do;
 * `replace`: yes (the user asked for it, or it is the file the command updates in place).
 */
export type OutputPolicy = { kind: 'new'; existsKey: string } | { kind: 'replace' };

/** Where a write lands: the path the user named, with symlinks followed. */
interface OutputTarget {
  /** The path the user named, for messages. */
  file: string;
  /** The file actually written. */
  target: string;
  existing: Stats | null;
}

/** Follows `file` through symlinks (a dangling one names the file to create). */
async function resolveLinks(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    let stats: Stats;
    try {
      stats = await fs.lstat(current);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return current;
      throw e;
    }
    if (!stats.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new UserError('file-unwritable', { file, detail: 'ELOOP' });
}

/**
 * Read-only by its mode bits, or not writable by this user. The rename that replaces a file
 * needs only the folder's permission, so the file's own is checked here: by opening it for
 * writing (which changes nothing, and answers for the effective user, ACLs included), and — as
 * root may open any file — by its bits, so a file made read-only stays untouched even for root.
 */
async function isReadOnly(target: string, stats: Stats): Promise<boolean> {
  if ((stats.mode & 0o222) === 0) return true;
  try {
    await (await fs.open(target, constants.O_WRONLY)).close();
    return false;
  } catch {
    return true;
  }
}

/**
 * Checks where an output would be written, before the command does its work, so that a refusal
 * costs nothing: the folder exists, the path is not a folder, an existing file is replaced only
 * under `policy`, and never when it is read-only.
 */
export async function checkOutput(file: string, policy: OutputPolicy): Promise<OutputTarget> {
  let target: string;
  try {
    target = await resolveLinks(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('file-unwritable', { file, detail: errnoCode(e) ?? String(e) });
  }
  let existing: Stats | null = null;
  try {
    existing = await fs.stat(target);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw new UserError('file-unwritable', { file, detail: errnoCode(e) ?? String(e) });
  }
  if (existing === null) {
    const folder = path.dirname(target);
    const folderStats = await fs.stat(folder).catch(() => null);
    if (folderStats === null || !folderStats.isDirectory()) throw new UserError('output-folder-missing', { file, folder });
    return { file, target, existing };
  }
  if (existing.isDirectory()) throw new UserError('file-is-directory', { file });
  if (!existing.isFile()) throw new UserError('file-not-regular', { file });
  if (policy.kind === 'new') throw new UserError(policy.existsKey, { file });
  if (await isReadOnly(target, existing)) throw new UserError('file-read-only', { file });
  return { file, target, existing };
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Writes `data` to `file` atomically under `policy` (checked again now: the file may have
 * changed while the command worked). The temporary file gets the old file's owner and mode
 * (a new file gets the umask's), is synced, then renamed over the target; the folder is synced
 * where the system allows it. On SIGINT or SIGTERM during the write the temporary file is
 * removed before exiting with 130 or 143.
 */
export async function writeOutputFile(file: string, data: Uint8Array | string, policy: OutputPolicy): Promise<void> {
  const { target, existing } = await checkOutput(file, policy);
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES): void => {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed, or never created: nothing to remove.
    }
    process.exit(SIGNAL_EXIT_CODES[signal]);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const handle = await fs.open(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    try {
      if (existing) {
        await keepOwner(handle, existing);
        // After chown, which may clear the set-id bits, and past the umask, which narrowed it.
        if (((await handle.stat()).mode & 0o7777) !== (existing.mode & 0o7777)) await handle.chmod(existing.mode & 0o7777);
      }
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await pauseForTest();
    await fs.rename(temporary, target);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError('file-unwritable', { file, detail: errnoCode(e) ?? (e instanceof Error ? e.message : String(e)) });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  await syncFolder(folder);
}

/**
 * The old file's owner and group, where this user may give them (root), else its group where
 * the user belongs to it; a file system without owners (FAT, some network shares) keeps its own.
 */
async function keepOwner(handle: fs.FileHandle, existing: Stats): Promise<void> {
  const stats = await handle.stat();
  if (stats.uid === existing.uid && stats.gid === existing.gid) return;
  try {
    await handle.chown(existing.uid, existing.gid);
  } catch {
    await handle.chown(stats.uid, existing.gid).catch(() => undefined);
  }
}

/** Makes the rename itself durable; some systems (Windows) cannot open a folder for syncing. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported here: the rename is still atomic, only its durability is the system's.
  } finally {
    await handle?.close();
  }
}

async function pauseForTest(): Promise<void> {
  const ms = Number(process.env[PAUSE_BEFORE_RENAME_ENV]);
  if (!Number.isFinite(ms) || ms <= 0) return;
  process.stderr.write(`${PAUSED_MARKER}\n`);
  await new Promise((resolve) => setTimeout(resolve, ms));
}
