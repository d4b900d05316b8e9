/** Small pieces shared by the panels: the notice bar, the confirmation dialog, severity icons. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss16Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Lang } from '../i18n';
import { message } from '../i18n';
import type { Severity } from '../schema/findings';
import type { Notice, NoticeAction } from './notice';

const useStyles = makeStyles({
  body: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  detail: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  errore: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  avviso: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  info: { color: tokens.colorBrandForeground1, flexShrink: 0 },
});

const ACTION_LABELS: Record<NoticeAction, string> = {
  'create-sheets': 'ui-action-create',
  'upgrade-sheets': 'ui-action-upgrade',
  'open-check': 'ui-open-check',
  reload: 'ui-action-reload',
};

export interface NoticeBarProps {
  notice: Notice;
  lang: Lang;
  onAction?: (action: NoticeAction) => void;
  onDismiss?: () => void;
  disabled?: boolean;
}

/** The pane's message bar (`message-bar`); multi-line, so long Italian messages wrap at 320 px. */
export function NoticeBar({ notice, lang, onAction, onDismiss, disabled }: NoticeBarProps): ReactElement {
  const styles = useStyles();
  const t = (key: string): string => message(key, {}, lang);
  const action = notice.action;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="message-bar" data-intent={notice.intent} aria-live="polite">
      <MessageBarBody className={styles.body}>
        {notice.title && <MessageBarTitle>{notice.title(lang)}</MessageBarTitle>}
        <span data-testid="message-text">{notice.text(lang)}</span>
        {notice.hint && <span className={styles.detail}>{notice.hint(lang)}</span>}
        {notice.details?.map((detail, i) => (
          <span key={i} className={styles.detail}>
            {detail(lang)}
          </span>
        ))}
      </MessageBarBody>
      {(action || onDismiss) && (
        <MessageBarActions
          containerAction={
            onDismiss && <Button appearance="transparent" aria-label={t('ui-dismiss')} icon={<Dismiss16Regular />} onClick={onDismiss} />
          }
        >
          {action && onAction && (
            <Button data-testid={`message-action-${action}`} disabled={disabled} onClick={() => onAction(action)}>
              {t(ACTION_LABELS[action])}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function SeverityIcon({ severity }: { severity: Severity }): ReactElement {
  const styles = useStyles();
  if (severity === 'errore') return <ErrorCircle16Filled className={styles.errore} aria-hidden />;
  if (severity === 'avviso') return <Warning16Filled className={styles.avviso} aria-hidden />;
  return <Info16Filled className={styles.info} aria-hidden />;
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before an action that replaces data; `dialog-confirm` / `dialog-cancel`. */
export function ConfirmDialog({ open, title, text, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps): ReactElement {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="dialog-confirm" onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button data-testid="dialog-cancel" onClick={onCancel}>
              {cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
