/// <reference types="office-js" />
/**
 * Office's display language and theme, and downloads through a Blob URL: what the task pane
 * (taskpane/officeHost.ts) and the ribbon commands take from Office besides the workbook port.
 */
import type { Lang } from '../../i18n';

/** English for an English display language (`en-US`, `en-GB` …), Italian otherwise. */
export function officeLang(displayLanguage: string | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'it';
}

/** Dark when the body background Office paints the pane with is dark. */
export function officeTheme(theme: { bodyBackgroundColor?: string } | undefined): 'light' | 'dark' {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme?.bodyBackgroundColor?.trim() ?? '');
  if (!match) return 'light';
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  // Relative luminance (ITU-R BT.709 weights), without gamma: enough to tell dark from light.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}

/** Offers a file through a temporary link; Office's webviews allow downloads started by the pane. */
export function downloadBlob(fileName: string, content: Blob, mimeType: string): void {
  const blob = content.type === mimeType ? content : new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download may find no data.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
