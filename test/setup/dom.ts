/**
 * jsdom lays nothing out, so it has no ResizeObserver; Fluent's tab overflow asks for one and logs
 * an error without it. An observer that never reports is what jsdom's zero-size layout amounts
 * to: every tab counts as fitting. Real widths are tested in Chromium (test/e2e).
 */
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class StillResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { value: StillResizeObserver, configurable: true, writable: true });
}
