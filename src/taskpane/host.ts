/**
 * What the task pane needs from where it runs — Excel (Office.js) or the browser preview — and
 * nothing more. The pane never calls Excel.run: it gets a WorkbookPort and these services.
 */
import type { Lang } from '../i18n';
import type { WorkbookPort } from '../workbook/port';

export interface HostServices {
  kind: 'office' | 'preview';
  port: WorkbookPort;
  /** Initial language: Office's display language, or the browser's in the preview. */
  lang: Lang;
  /** Office's theme (or the system's in the preview). */
  theme: 'light' | 'dark';
  /** Offers a file to the user (interchange JSON export, the preview's .xlsx). */
  download(fileName: string, content: Blob, mimeType: string): void;
}
