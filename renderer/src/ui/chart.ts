// Chart.js with only the parts the studio's charts draw (lines and points on linear or log axes), and the datasets
// built from plain series so components never touch chart.js objects.
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { chartColors } from '../lib/theme.svelte';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend, Filler);

export { Chart };

/** One plotted point; the same shape as training/smoothing's Point, so smoothed curves plot as they are. */
export interface Point {
  x: number;
  y: number;
}

export type SeriesColor = 'train' | 'validation' | 'accent' | 'text' | number;

export interface ChartSeries {
  label: string;
  points: Point[];
  color: SeriesColor;
  /** Drawn thin and translucent behind the main lines (e.g. the per-step loss). */
  faint?: boolean;
  dashed?: boolean;
  /** Points only, no line (a scatter). */
  pointsOnly?: boolean;
  /**
   * One edge of a shaded band (e.g. ± 1 std across seeds): no line of its own; the 'upper' edge is filled down to
   * the series just before it, which must be its 'lower' edge.
   */
  band?: 'lower' | 'upper';
}

export type ChartColors = ReturnType<typeof chartColors>;

function colorOf(color: SeriesColor, colors: ChartColors): string {
  if (typeof color === 'number') return colors.series[color % colors.series.length];
  return colors[color];
}

/** Hex colour with an alpha, for faint series. */
function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function toDatasets(
  series: readonly ChartSeries[],
  colors: ChartColors,
  logY: boolean,
): ChartDataset<'line', Point[]>[] {
  return series.map((s) => {
    const base = colorOf(s.color, colors);
    const color = s.faint ? translucent(base, 0.3) : base;
    // A log axis cannot show zero or negative values: leave them out rather than let the axis break.
    const data = logY ? s.points.filter((p) => p.y > 0) : s.points;
    if (s.band) {
      return {
        label: s.label,
        data,
        borderColor: 'transparent',
        backgroundColor: translucent(base, 0.18),
        borderWidth: 0,
        pointRadius: 0,
        pointHoverRadius: 0,
        fill: s.band === 'upper' ? '-1' : false,
        spanGaps: false,
        order: 3,
      };
    }
    return {
      label: s.label,
      data,
      borderColor: color,
      backgroundColor: color,
      borderWidth: s.faint ? 1 : 2,
      borderDash: s.dashed ? [6, 4] : [],
      showLine: !s.pointsOnly,
      pointRadius: s.pointsOnly ? 2 : data.length > 40 || s.faint ? 0 : 2,
      pointHoverRadius: 4,
      spanGaps: false,
      order: s.faint ? 2 : 1,
    };
  });
}
