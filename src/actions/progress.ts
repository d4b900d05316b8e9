/**
 * How a long action tells its caller where it is: the CLI draws one line on a terminal, the pane
 * moves its progress bar. A reporter may return a promise (the pane yields to the browser there,
 * so the page repaints and stays responsive); the action awaits it.
 */
export const STAGES = ['lettura', 'verifica', 'calcolo', 'formule', 'scrittura'] as const;

export type Stage = (typeof STAGES)[number];

/** `fraction`: 0 when the stage starts, 1 when it ends, in between for stages that know. */
export type Progress = (stage: Stage, fraction: number) => void | Promise<void>;

/** A stage's weight in the whole: what a 3 000-objective Calcola spends in it, roughly. */
const WEIGHTS: Record<Stage, number> = { lettura: 25, verifica: 15, calcolo: 15, formule: 25, scrittura: 20 };

/** Overall percentage (0–100) when `stage` is at `fraction`, for actions that run every stage. */
export function overallPercent(stage: Stage, fraction: number, stages: readonly Stage[] = STAGES): number {
  const total = stages.reduce((sum, s) => sum + WEIGHTS[s], 0);
  const index = stages.indexOf(stage);
  const before = stages.slice(0, Math.max(index, 0)).reduce((sum, s) => sum + WEIGHTS[s], 0);
  const clamped = Math.min(Math.max(fraction, 0), 1);
  return Math.round(((before + WEIGHTS[stage] * clamped) / total) * 100);
}

export async function report(progress: Progress | undefined, stage: Stage, fraction: number): Promise<void> {
  if (progress) await progress(stage, fraction);
}
