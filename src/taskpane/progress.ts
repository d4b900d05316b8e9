/**
 * The pane's side of an action's progress (actions/progress.ts): the stage and percentage the
 * bar shows, and a pause at each report so that the browser paints the bar and handles input
 * before the next stage holds the thread.
 */
import { overallPercent, type Progress, type Stage } from '../actions/progress';

export interface PaneProgress {
  stage: Stage;
  /** 0–100, of the whole action. */
  percent: number;
}

/** Stages of the pane's Verifica (which writes Esito verifica) and of Calcola. */
export const CHECK_STAGES: readonly Stage[] = ['lettura', 'verifica', 'scrittura'];
export const COMPUTE_STAGES: readonly Stage[] = ['lettura', 'verifica', 'calcolo', 'formule', 'scrittura'];

/** How long a pause waits for a frame at most: a page in the background gets none. */
const FRAME_WAIT_MS = 50;

/** Resolves after the next painted frame (then one task later, once the frame is on screen), or after FRAME_WAIT_MS. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(settle, 0));
    setTimeout(settle, FRAME_WAIT_MS);
  });
}

/** A reporter that shows each stage through `show` and yields to the browser before the action goes on. */
export function paneReporter(stages: readonly Stage[], show: (progress: PaneProgress) => void): Progress {
  return async (stage, fraction) => {
    show({ stage, percent: overallPercent(stage, fraction, stages) });
    await nextFrame();
  };
}
