// Where a chart's marker labels go (markerPlugin in chart.ts): pure, so it is tested without a canvas.

/** For labels' horizontal spans in order: the first row (0, 1, …) where each overlaps none placed before it (4 px apart). */
export function labelRows(spans: ReadonlyArray<{ left: number; right: number }>): number[] {
  const placed: Array<Array<{ left: number; right: number }>> = [];
  return spans.map((span) => {
    let row = 0;
    while (placed[row]?.some((other) => span.left < other.right + 4 && other.left < span.right + 4)) row++;
    (placed[row] ??= []).push(span);
    return row;
  });
}
