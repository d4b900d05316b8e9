/** Inizia: what Traguardo does, create or upgrade the sheets, load the demo plan. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { ConfirmDialog } from './components';
import { usePane } from './context';
import type { Notice } from './notice';
import { inspectWorkbook } from '../actions/inspect';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  action: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'stretch' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Both return the notice that reports their outcome. */
export interface StartPanelProps {
  createSheets(): Promise<Notice>;
  loadDemo(): Promise<Notice>;
}

export function StartPanel({ createSheets, loadDemo }: StartPanelProps): ReactElement {
  const styles = useStyles();
  const { t, busy, host, run } = usePane();
  const [confirming, setConfirming] = useState(false);

  const askDemo = (): void => {
    void run(async () => {
      const state = await inspectWorkbook(host.port);
      if (state.kind === 'traguardo' && state.hasData) {
        setConfirming(true);
        return undefined;
      }
      return loadDemo();
    });
  };

  return (
    <div className={styles.panel}>
      <Text as="p">{t('ui-start-what')}</Text>
      <Text as="p">{t('ui-start-how')}</Text>
      <div className={styles.action}>
        <Button appearance="primary" data-testid="btn-create-sheets" disabled={busy} onClick={() => void run(createSheets)}>
          {t('ui-create-sheets')}
        </Button>
        <Text size={200} className={styles.hint}>
          {t('ui-create-sheets-hint')}
        </Text>
      </div>
      <div className={styles.action}>
        <Button data-testid="btn-load-demo" disabled={busy} onClick={askDemo}>
          {t('ui-load-demo')}
        </Button>
        <Text size={200} className={styles.hint}>
          {t('ui-load-demo-hint')}
        </Text>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('ui-demo-confirm-title')}
        text={t('ui-demo-confirm-text')}
        confirmLabel={t('ui-replace')}
        cancelLabel={t('ui-confirm-cancel')}
        onConfirm={() => {
          setConfirming(false);
          void run(loadDemo);
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
