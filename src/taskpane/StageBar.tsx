/** The progress bar of Verifica and Calcola: the stage the action is in, and how far the whole is. */
import { Field, ProgressBar } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { usePane } from './context';
import type { PaneProgress } from './progress';

export interface StageBarProps {
  testId: string;
  state: 'running' | 'done' | 'failed';
  /** What the running action last reported; null before its first report. */
  progress: PaneProgress | null;
}

export function StageBar({ testId, state, progress }: StageBarProps): ReactElement {
  const { t } = usePane();
  const running = state === 'running';
  const label = running && progress ? t('ui-stage', { stage: t(`ui-stage-${progress.stage}`), percent: progress.percent }) : t('ui-computing');
  return (
    <Field validationMessage={running ? label : undefined} validationState="none">
      <ProgressBar
        data-testid={testId}
        data-state={state}
        data-stage={running ? progress?.stage : undefined}
        data-percent={running ? progress?.percent : 100}
        value={running ? (progress ? progress.percent / 100 : undefined) : 1}
        color={state === 'failed' ? 'error' : state === 'done' ? 'success' : 'brand'}
        aria-label={label}
      />
    </Field>
  );
}
