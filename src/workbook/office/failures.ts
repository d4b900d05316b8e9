/**
 * What Excel answers when it refuses a batch, turned into messages the user can act on, and the
 * timeout that keeps a sync Excel never answers from freezing the task pane.
 */
import { UserError } from '../../errors';

/** The fields of OfficeExtension.Error that tell one refusal from another. */
interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
}

const PAYLOAD_CODES: ReadonlySet<string> = new Set(['RequestPayloadSizeLimitExceeded', 'PayloadTooLarge', 'ResponsePayloadSizeLimitExceeded']);
/** Excel's wording when a cell is being edited («edit mode», «editing a cell»…), in English and Italian. */
const EDIT_MODE = /edit|modific/i;
const PROTECTED = /protect/i;

export function isPayloadTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && PAYLOAD_CODES.has(String((error as OfficeErrorLike).code));
}

/** A UserError for an Office refusal; anything that is not an Office error passes unchanged. */
export function officeFailure(error: unknown): unknown {
  if (error instanceof UserError || typeof error !== 'object' || error === null) return error;
  const { code, message } = error as OfficeErrorLike;
  if (typeof code !== 'string') return error;
  const text = typeof message === 'string' ? message : '';
  if (PAYLOAD_CODES.has(code)) return new UserError('office-payload-too-large');
  if (code === 'AccessDenied' || (code === 'InvalidOperation' && PROTECTED.test(text))) return new UserError('office-sheet-protected');
  if ((code === 'InvalidOperation' || code === 'GeneralException') && EDIT_MODE.test(text)) return new UserError('office-cell-editing');
  return new UserError('office-refused', { code, detail: text || code });
}

/** Default limit for one `context.sync`: large workbooks on a slow connection answer well within it. */
export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

/** The promise, or a UserError `office-timeout` when it has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserError('office-timeout', { seconds: Math.round(ms / 1000) })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
