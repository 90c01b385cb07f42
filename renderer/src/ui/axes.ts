// Which y axis each series of a chart is drawn on: one axis per metric, so values of different ranges (MAE in the
// target's units, R² at most 1) each fill their own scale instead of one flattening the other.

export interface AxisPlan {
  /** The chart.js scale id of each series, in the order given ('y', 'y1', 'y2', …). */
  ids: string[];
  /** One entry per distinct axis key, in order of first use: the first on the left with the grid, then right, left… */
  axes: Array<{ id: string; key: string; position: 'left' | 'right'; grid: boolean }>;
}

/** Series without an `axis` key share the default axis. */
export function assignAxes(series: ReadonlyArray<{ axis?: string }>): AxisPlan {
  const axes: AxisPlan['axes'] = [];
  const idOf = new Map<string, string>();
  const ids = series.map((s) => {
    const key = s.axis ?? '';
    let id = idOf.get(key);
    if (id === undefined) {
      id = axes.length === 0 ? 'y' : `y${axes.length}`;
      idOf.set(key, id);
      axes.push({ id, key, position: axes.length % 2 === 0 ? 'left' : 'right', grid: axes.length === 0 });
    }
    return id;
  });
  return { ids, axes };
}
