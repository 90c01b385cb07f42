// Which rows of a long table to put in the page: those in view plus a margin, so a table of 500 runs costs the DOM
// of a few dozen rows and scrolls smoothly. Rows have one fixed height (their cells do not wrap).

export interface RowWindow {
  /** First row rendered and one past the last (0 ≤ start ≤ end ≤ total). */
  start: number;
  end: number;
  /** Heights of the empty space above and below the rendered rows, in px, so the scroll bar stays true. */
  above: number;
  below: number;
}

/**
 * scrollTop and viewport: the scroll box's offset and height in px (the rows' area, header excluded); rowHeight in
 * px; overscan: rows rendered beyond each edge.
 */
export function rowWindow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): RowWindow {
  if (!(rowHeight > 0)) throw new Error(`rowWindow: rowHeight must be > 0 (got ${rowHeight})`);
  const shown = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  // An offset past the end (the table just shrank under a filter) shows the last screenful.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, total - shown));
  const start = Math.min(total, Math.max(0, first - overscan));
  const end = Math.min(total, first + shown + overscan);
  return {
    start,
    end: Math.max(start, end),
    above: start * rowHeight,
    below: (total - Math.max(start, end)) * rowHeight,
  };
}
