/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { renderBoundary } from './renderPane';

describe('ErrorBoundary', () => {
  it('shows a render failure in the message bar, never a blank pane, and offers a reload', () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let failing = true;
    const onReload = jest.fn(() => {
      failing = false;
    });
    renderBoundary(() => failing, onReload);
    const bar = screen.getByTestId('message-bar');
    expect(bar.getAttribute('data-intent')).toBe('error');
    expect(bar.textContent).toContain('Errore imprevisto: disegno non riuscito.');
    fireEvent.click(screen.getByTestId('message-action-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });
});
