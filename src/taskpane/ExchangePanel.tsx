/** Scambio: the plan out as interchange JSON (download), and a file in (replacing the tables). */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload16Regular, ArrowUpload16Regular } from '@fluentui/react-icons';
import { useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import type { RawTables } from '../schema/raw';
import { ConfirmDialog } from './components';
import { usePane } from './context';
import { notice, type Notice } from './notice';
import { planCounts } from '../actions/sheets';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  // Kept in the document (tests and assistive tools reach it) but drawn by the button.
  file: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface ExchangePanelProps {
  /** Replaces the plan's tables with the file's; returns the notice reporting it. */
  importPlan(raw: RawTables, fileName: string): Promise<Notice>;
}

/**
 * The interchange code, with the zod validator that checks a file, loads on first use: the pane's
 * first load does without it (test/build/build.test.ts holds that load to its budget).
 */
function interchange(): Promise<typeof import('../actions/interchange')> {
  return import(/* webpackChunkName: "exchange" */ '../actions/interchange');
}

/** FileReader rather than Blob.text(): the older WebViews of Office desktop lack the latter. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsText(file);
  });
}

export function ExchangePanel({ importPlan }: ExchangePanelProps): ReactElement {
  const styles = useStyles();
  const { t, busy, run, host } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ raw: RawTables; fileName: string } | null>(null);

  const exportPlan = (): void => {
    void run(async () => {
      const { exportWorkbook } = await interchange();
      const file = await exportWorkbook(host.port);
      host.download(file.fileName, new Blob([file.json], { type: 'application/json' }), 'application/json');
      return notice('success', 'ui-exported', { file: file.fileName });
    });
  };

  const chosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again fires a change.
    event.target.value = '';
    if (!file) return;
    void run(async () => {
      const { parseImportFile } = await interchange();
      setPending({ raw: parseImportFile(file.name, await readText(file)), fileName: file.name });
      return null;
    });
  };

  const counts = pending ? planCounts(pending.raw) : null;

  return (
    <div className={styles.panel}>
      <Text as="p">{t('ui-exchange-what')}</Text>
      <Button appearance="primary" icon={<ArrowDownload16Regular />} data-testid="btn-export" disabled={busy} onClick={exportPlan}>
        {t('ui-export')}
      </Button>
      <Button icon={<ArrowUpload16Regular />} data-testid="btn-import" disabled={busy} onClick={() => input.current?.click()}>
        {t('ui-import')}
      </Button>
      <input
        ref={input}
        className={styles.file}
        type="file"
        accept=".json"
        data-testid="input-import"
        tabIndex={-1}
        aria-label={t('ui-import')}
        onChange={chosen}
      />
      <Text size={200} className={styles.hint}>
        {t('ui-import-hint')}
      </Text>
      <ConfirmDialog
        open={pending !== null}
        title={t('ui-import-confirm-title', { file: pending?.fileName ?? '' })}
        text={counts ? t('ui-import-confirm-text', { ...counts }) : ''}
        confirmLabel={t('ui-import-confirm')}
        cancelLabel={t('ui-confirm-cancel')}
        onConfirm={() => {
          if (!pending) return;
          setPending(null);
          void run(() => importPlan(pending.raw, pending.fileName));
        }}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
