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

/**
 * Whether a linear x axis should tick whole numbers only: every point's x is one (epochs, layers), so ticks such as
 * 1.5 between epoch 1 and epoch 2 would name a value no point can have. Charts without points keep the defaults.
 */
export function wholeNumberX(series: ReadonlyArray<{ points: ReadonlyArray<{ x: number }> }>): boolean {
  let any = false;
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isInteger(p.x)) return false;
      any = true;
    }
  }
  return any;
}

/** The largest x of any series' points (null without points). */
export function lastX(series: ReadonlyArray<{ points: ReadonlyArray<{ x: number }> }>): number | null {
  let last: number | null = null;
  for (const s of series) for (const p of s.points) if (last === null || p.x > last) last = p.x;
  return last;
}

/**
 * The label of a tick on a logarithmic axis: only 1, 2 and 5 times a power of ten are named (0.01, 0.02, 0.05, 0.1 …),
 * as on printed log paper; other ticks, and the axis' own data-driven ends (0.8, 0.52), keep their grid line but no
 * label, which otherwise overlapped the neighbouring ones.
 */
export function logTickLabel(value: number): string {
  if (!(value > 0) || !Number.isFinite(value)) return '';
  const power = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / 10 ** power;
  const named = [1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6 * m);
  return named ? String(Number(value.toPrecision(6))) : '';
}
