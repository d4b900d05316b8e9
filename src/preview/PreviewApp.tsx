/**
 * The browser preview: the task pane exactly as Excel shows it, on a workbook held in the page,
 * beside a read-only view of that workbook. A banner says it is not Excel; «Apri .xlsx» and
 * «Scarica .xlsx» bring a real file in and the result out.
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { UserError } from '../errors';
import { message, type Lang } from '../i18n';
import type { HostServices } from '../taskpane/host';
import { TaskPaneApp } from '../taskpane/App';
import { PreviewDocument, XLSX_MIME_TYPE } from './previewDocument';
import { SheetView } from './SheetView';
import { PREVIEW_CSS } from './styles';

type Intent = 'error' | 'success';

/** How long a download's object URL lives: the browser reads it after the click returns. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** Offers `content` as a file: an object URL and a click on a temporary link. */
export function downloadFile(fileName: string, content: Blob, mimeType: string): void {
  const blob = content.type === mimeType ? content : new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

/**
 * The language the pane shows, read from the `lang` attribute it sets on its root: the preview's
 * own texts follow the pane's language switch.
 */
function usePaneLanguage(pane: RefObject<HTMLElement>, onChange: (lang: Lang) => void): void {
  useEffect(() => {
    const root = pane.current;
    if (!root) return undefined;
    const read = (): void => {
      const tagged = root.querySelector('[lang]');
      const value = tagged?.getAttribute('lang')?.toLowerCase() ?? '';
      if (value.startsWith('en')) onChange('en');
      else if (value.startsWith('it')) onChange('it');
    };
    const observer = new MutationObserver(read);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang'] });
    read();
    return () => observer.disconnect();
  }, [pane, onChange]);
}

function errorText(error: unknown, lang: Lang): string {
  return error instanceof UserError ? message(error.key, error.params, lang) : error instanceof Error ? error.message : String(error);
}

export function PreviewApp({ initialLang, theme }: { initialLang: Lang; theme: 'light' | 'dark' }): JSX.Element {
  // `opened` counts documents, so opening the same file twice still mounts a fresh pane.
  const [{ doc, opened }, setSession] = useState(() => ({ doc: PreviewDocument.empty(), opened: 0 }));
  const [lang, setLang] = useState<Lang>(initialLang);
  const [notice, setNotice] = useState<{ intent: Intent; text: string } | null>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  usePaneLanguage(paneRef, setLang);

  // A new document mounts a new pane (nothing of the old workbook's findings survives), in the
  // language the user has chosen so far.
  const langRef = useRef(lang);
  langRef.current = lang;
  const host = useMemo<HostServices>(
    () => ({ kind: 'preview', port: doc.port, lang: langRef.current, theme, download: downloadFile }),
    [doc, theme],
  );

  async function open(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const next = await PreviewDocument.open(new Uint8Array(await file.arrayBuffer()), file.name);
      setSession({ doc: next, opened: opened + 1 });
      const tables = (await next.port.readTables()).length;
      setNotice({ intent: 'success', text: message('preview-opened', { file: file.name, tables: String(tables) }, lang) });
    } catch (error) {
      setNotice({ intent: 'error', text: message('preview-open-failed', { file: file.name, reason: errorText(error, lang) }, lang) });
    }
  }

  async function download(): Promise<void> {
    try {
      downloadFile(doc.fileName, new Blob([await doc.toBytes()], { type: XLSX_MIME_TYPE }), XLSX_MIME_TYPE);
      setNotice(null);
    } catch (error) {
      setNotice({ intent: 'error', text: message('preview-download-failed', { reason: errorText(error, lang) }, lang) });
    }
  }

  return (
    <div className={`tg-preview tg-${theme}`} lang={lang}>
      <style>{PREVIEW_CSS}</style>
      <header className="tg-bar">
        <p className="tg-banner" role="note" data-testid="preview-banner">
          {message('preview-banner', {}, lang)}
        </p>
        <div className="tg-actions">
          <input ref={fileInput} type="file" accept=".xlsx" hidden data-testid="input-open-xlsx" onChange={(e) => void open(e)} />
          <button type="button" data-testid="btn-open-xlsx" title={message('preview-open-xlsx-hint', {}, lang)} onClick={() => fileInput.current?.click()}>
            {message('preview-open-xlsx', {}, lang)}
          </button>
          <button type="button" data-testid="btn-download-xlsx" title={message('preview-download-xlsx-hint', {}, lang)} onClick={() => void download()}>
            {message('preview-download-xlsx', {}, lang)}
          </button>
        </div>
        {notice && (
          <p className={`tg-notice tg-notice-${notice.intent}`} role={notice.intent === 'error' ? 'alert' : 'status'} data-testid="preview-notice" data-intent={notice.intent}>
            {notice.text}
          </p>
        )}
      </header>
      <main className="tg-main">
        <aside className="tg-pane" ref={paneRef} data-testid="preview-pane">
          <TaskPaneApp key={opened} host={host} />
        </aside>
        <SheetView doc={doc} lang={lang} />
      </main>
    </div>
  );
}
