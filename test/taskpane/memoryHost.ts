/**
 * A task-pane host on the in-memory workbook: what the preview gives the pane, with every
 * download recorded so tests can read the file the user would get.
 */
import type { Lang } from '../../src/i18n';
import type { HostServices } from '../../src/taskpane/host';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

export interface Download {
  fileName: string;
  content: Blob;
  mimeType: string;
}

export interface MemoryHost extends HostServices {
  port: MemoryWorkbook;
  downloads: Download[];
}

export function memoryHost(workbook = new MemoryWorkbook(), lang: Lang = 'it'): MemoryHost {
  const downloads: Download[] = [];
  return {
    kind: 'preview',
    port: workbook,
    lang,
    theme: 'light',
    downloads,
    download(fileName, content, mimeType) {
      downloads.push({ fileName, content, mimeType });
    },
  };
}

/** A Blob's text through FileReader, which every jsdom version has. */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
