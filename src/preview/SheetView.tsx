/**
 * A read-only view of the preview's workbook: sheet tabs and a grid of cells with Excel's column
 * letters and row numbers, table headers in bold, output columns grey and the cell the pane last
 * selected outlined (and scrolled to, on its sheet).
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { message, type Lang } from '../i18n';
import { cellAddress } from '../workbook/port';
import type { PreviewDocument } from './previewDocument';
import { sheetGrid } from './sheetGrid';

/** Rows drawn per sheet: enough for any demo or test plan, few enough to keep the DOM light. */
const MAX_ROWS = 1500;

export function SheetView({ doc, lang }: { doc: PreviewDocument; lang: Lang }): JSX.Element {
  const version = useSyncExternalStore(doc.subscribe, doc.getVersion);
  const sheets = useMemo(() => doc.memory.sheetNames(), [doc, version]);
  const selection = doc.memory.selection;
  const [chosen, setChosen] = useState<string | null>(null);

  // A finding clicked in the pane brings its sheet forward, as Excel does.
  useEffect(() => {
    if (selection) setChosen(selection.sheet);
  }, [selection]);

  const active = chosen !== null && sheets.includes(chosen) ? chosen : (sheets[0] ?? null);
  const selectedHere = selection && selection.sheet === active ? selection.address.toUpperCase() : null;
  const selectedRow = selectedHere ? Number(/\d+$/.exec(selectedHere)?.[0] ?? 0) : 0;
  // Only the sheet on screen is copied: after each batch of the pane, on a large plan.
  const snapshot = useMemo(() => (active === null ? null : doc.memory.snapshot(active)), [doc, version, active]);
  const grid = useMemo(
    () => (active === null || snapshot === null ? null : sheetGrid(snapshot, active, lang, MAX_ROWS, selectedRow)),
    [snapshot, active, lang, selectedRow],
  );

  const selectedRef = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selection, active]);

  if (active === null || grid === null) {
    return (
      <div className="tg-sheets tg-sheets-empty" data-testid="sheet-view">
        <p>{message('preview-empty', {}, lang)}</p>
      </div>
    );
  }
  return (
    <div className="tg-sheets" data-testid="sheet-view">
      <div role="tablist" aria-label={message('preview-sheets', {}, lang)} className="tg-sheet-tabs">
        {sheets.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === active}
            data-testid="sheet-tab"
            data-sheet={name}
            className="tg-sheet-tab"
            onClick={() => setChosen(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div className="tg-grid-scroll" role="tabpanel" aria-label={active}>
        <table className="tg-grid" data-testid="sheet-grid" data-sheet={active}>
          <thead>
            <tr>
              <th className="tg-corner" />
              {Array.from({ length: grid.columnCount }, (_, c) => (
                <th key={c} scope="col">
                  {cellAddress(1, c + 1).replace(/\d+$/, '')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((cells, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {cells.map((cell) => {
                  const selected = cell.address === selectedHere;
                  const classes = ['tg-cell', cell.output && 'tg-output', cell.header && 'tg-header', cell.numeric && 'tg-number', selected && 'tg-selected'];
                  return (
                    <td
                      key={cell.address}
                      ref={selected ? selectedRef : undefined}
                      className={classes.filter(Boolean).join(' ')}
                      data-cell={cell.address}
                      data-output={cell.output ? 'true' : undefined}
                      data-selected={selected ? 'true' : undefined}
                      title={cell.text.length > 40 ? cell.text : undefined}
                    >
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {grid.rows.length < grid.rowCount && (
          <p className="tg-more">{message('preview-rows-hidden', { shown: String(grid.rows.length), total: String(grid.rowCount) }, lang)}</p>
        )}
      </div>
    </div>
  );
}
