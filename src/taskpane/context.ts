/**
 * What every panel needs from the pane: the host, the language, and `run`, which performs one
 * workbook action at a time and turns its outcome (or its failure) into the pane's notice.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../i18n';
import type { MessageParams } from '../schema/findings';
import type { HostServices } from './host';
import type { Notice } from './notice';
import type { PaneProgress } from './progress';

export interface PaneContextValue {
  host: HostServices;
  lang: Lang;
  t(key: string, params?: MessageParams): string;
  /** True while an action runs: action buttons are disabled, so no batch is applied twice. */
  busy: boolean;
  /**
   * Runs an action; the notice it returns replaces the current one (null clears it, undefined
   * leaves it). A thrown error becomes the notice instead. Resolves to whether the action succeeded.
   */
  run(action: () => Promise<Notice | null | undefined>): Promise<boolean>;
  setNotice(notice: Notice | null): void;
  /** Where the running Verifica or Calcola is; null when none has reported yet. */
  progress: PaneProgress | null;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePane outside the task pane');
  return value;
}
