import type { MessageParams } from './schema/findings';

/**
 * A failure the user can act on (unreadable file, wrong format, workbook without Traguardo
 * tables). `key` is an i18n message key; the CLI prints the message and exits 2, the task pane
 * shows it. Anything else that is thrown is a defect.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}
