/**
 * Long work in steps, so that the task pane's page stays responsive (issue 10, item 7) while the
 * CLI runs the same code straight through. A stage is a generator that yields between chunks of
 * rows; `drain` runs it synchronously (the CLI, the tests), `drainCooperatively` hands the thread
 * back to the page through the caller's `pause` once a time slice is used up.
 */

/** A stage that yields between chunks of its work and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Gives the thread back to the host (the browser) for a moment: input, paint, other tasks. */
export type Pause = () => Promise<void>;

/** Rows handled between two yields: small enough that a chunk is a few milliseconds, large enough that yielding costs nothing. */
export const ROWS_PER_STEP = 64;

/** How long the page may be held between two pauses. */
const SLICE_MS = 30;

/** Calls `row` on each item, yielding every ROWS_PER_STEP items. */
export function* eachRow<T>(items: readonly T[], row: (item: T, index: number) => void): Steps<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    row(items[i], i);
  }
}

/** Runs a stage to its end without pausing. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const now = (): number => performance.now();

/** Runs a stage to its end, pausing whenever it has held the thread for a time slice. */
export async function drainCooperatively<T>(steps: Steps<T>, pause: Pause): Promise<T> {
  let since = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - since >= SLICE_MS) {
      await pause();
      since = now();
    }
  }
}

/**
 * A pause for the browser: a zero-delay timer, queued behind the page's own timers and input. (A
 * MessageChannel task comes back sooner but starves timers: in the e2e probe a 4 ms timer then
 * waited up to 655 ms on a 3 000-objective Calcola, 274 ms with this.)
 */
export function browserPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
