/**
 * Renders the task pane for a test (jest only picks up `*.test.ts`, so the JSX lives here).
 */
import { render, type RenderResult } from '@testing-library/react';
import { TaskPaneApp } from '../../src/taskpane/App';
import { ErrorBoundary } from '../../src/taskpane/ErrorBoundary';
import type { HostServices } from '../../src/taskpane/host';

export function renderPane(host: HostServices): RenderResult {
  return render(<TaskPaneApp host={host} />);
}

/** The pane's error boundary around a child that fails to render while `failing()` says so. */
export function renderBoundary(failing: () => boolean, onReload: () => void): RenderResult {
  function Child(): JSX.Element {
    if (failing()) throw new Error('disegno non riuscito');
    return <p data-testid="child">ok</p>;
  }
  return render(
    <ErrorBoundary lang="it" onReload={onReload}>
      <Child />
    </ErrorBoundary>,
  );
}
