/**
 * The preview's own look (the pane brings Fluent UI's). Plain CSS in the bundle: the page loads
 * nothing from outside, and the build's HTML shell stays a bare container.
 */
const OUTPUT_GREY = '#D9D9D9';

export const PREVIEW_CSS = `
.tg-preview { height: 100vh; display: flex; flex-direction: column; font: 13px/1.4 "Segoe UI", system-ui, sans-serif;
  color: #242424; background: #fafafa; }
.tg-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 6px 12px;
  background: #fff4ce; border-bottom: 1px solid #e0c97a; }
.tg-banner { margin: 0; font-weight: 600; flex: 1 1 320px; }
.tg-actions { display: flex; gap: 8px; }
.tg-actions button { font: inherit; padding: 4px 12px; border: 1px solid #8a8886; border-radius: 4px; background: #fff;
  color: inherit; cursor: pointer; }
.tg-actions button:hover { background: #f3f2f1; }
.tg-actions button:focus-visible, .tg-sheet-tab:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.tg-notice { margin: 0; flex-basis: 100%; }
.tg-notice-error { color: #a4262c; }
.tg-notice-success { color: #0e700e; }
.tg-main { flex: 1; display: flex; min-height: 0; }
.tg-pane { flex: 0 0 320px; width: 320px; box-sizing: border-box; overflow: auto; border-right: 1px solid #d1d1d1; background: #fff; }
.tg-sheets { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.tg-sheets-empty { align-items: center; justify-content: center; color: #616161; padding: 24px; }
.tg-sheet-tabs { display: flex; gap: 2px; padding: 4px 8px 0; border-bottom: 1px solid #d1d1d1; overflow-x: auto; flex: none; }
.tg-sheet-tab { font: inherit; padding: 4px 10px; border: 1px solid #d1d1d1; border-bottom: none; border-radius: 4px 4px 0 0;
  background: #f0f0f0; color: inherit; cursor: pointer; white-space: nowrap; }
.tg-sheet-tab[aria-selected="true"] { background: #fff; font-weight: 600; color: #0e700e; }
.tg-grid-scroll { flex: 1; overflow: auto; background: #fff; }
.tg-grid { border-collapse: collapse; font-size: 12px; }
.tg-grid th { position: sticky; background: #f3f2f1; color: #616161; font-weight: 400; border: 1px solid #e1dfdd;
  padding: 1px 6px; z-index: 1; }
.tg-grid thead th { top: 0; }
.tg-grid tbody th { left: 0; text-align: right; }
.tg-grid .tg-corner { left: 0; z-index: 2; }
.tg-cell { border: 1px solid #e1dfdd; padding: 1px 6px; max-width: 240px; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
.tg-number { text-align: right; }
.tg-header { font-weight: 700; }
.tg-output { background: ${OUTPUT_GREY}; }
.tg-selected { outline: 2px solid #107c41; outline-offset: -2px; background: #e6f2ea; }
.tg-more { color: #616161; padding: 4px 8px; margin: 0; }
/* Narrower than the pane plus a usable sheet: the sheet view goes below the pane, full width. */
@media (max-width: 720px) {
  .tg-preview { height: auto; min-height: 100vh; }
  .tg-main { flex-direction: column; }
  .tg-pane { flex: none; width: 100%; border-right: none; border-bottom: 1px solid #d1d1d1; }
  .tg-sheets { min-height: 70vh; }
}
.tg-dark { color: #f0f0f0; background: #1f1f1f; }
.tg-dark .tg-bar { background: #4a3c00; border-color: #6b5a1e; }
.tg-dark .tg-actions button, .tg-dark .tg-pane, .tg-dark .tg-grid-scroll { background: #292929; }
.tg-dark .tg-sheet-tab { background: #333; }
.tg-dark .tg-sheet-tab[aria-selected="true"] { background: #292929; color: #54b054; }
.tg-dark .tg-grid th { background: #333; color: #c8c8c8; border-color: #444; }
.tg-dark .tg-cell { border-color: #444; }
.tg-dark .tg-output { background: #4a4a4a; }
.tg-dark .tg-selected { background: #1f3d2a; }
`;
