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
  type Plugin,
} from 'chart.js';
import { chartColors } from '../lib/theme.svelte';
import { assignAxes } from './axes';
import { decimate } from './decimate';
import { labelRows } from './labelRows';

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
  /** The metric this series measures: series with the same key share a y axis, each other key gets its own. */
  axis?: string;
  /** Drawn as larger points only (a marker such as the best epoch), on top. */
  marker?: boolean;
  /**
   * One edge of a shaded band (e.g. ± 1 std across seeds): no line of its own; the 'upper' edge is filled down to
   * the series just before it, which must be its 'lower' edge (both drawn whole, so their points pair up).
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

/**
 * The chart.js datasets of `series`: each on its metric's axis (see assignAxes), lines longer than `maxPoints`
 * decimated for drawing (scatters are drawn whole).
 */
export function toDatasets(
  series: readonly ChartSeries[],
  colors: ChartColors,
  logY: boolean,
  maxPoints = 1000,
): ChartDataset<'line', Point[]>[] {
  const { ids } = assignAxes(series);
  return series.map((s, i) => {
    const base = colorOf(s.color, colors);
    const color = s.faint ? translucent(base, 0.3) : base;
    // A log axis cannot show zero or negative values: leave them out rather than let the axis break.
    const visible = logY ? s.points.filter((p) => p.y > 0) : s.points;
    if (s.band) {
      return {
        label: s.label,
        data: visible,
        yAxisID: ids[i],
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
    const data = s.pointsOnly || s.marker ? visible : decimate(visible, maxPoints);
    return {
      label: s.label,
      data,
      yAxisID: ids[i],
      borderColor: color,
      backgroundColor: color,
      borderWidth: s.faint ? 1 : 2,
      borderDash: s.dashed ? [6, 4] : [],
      showLine: !s.pointsOnly && !s.marker,
      pointRadius: s.marker ? 5 : s.pointsOnly ? 2 : data.length > 40 || s.faint ? 0 : 2,
      pointStyle: s.marker ? 'rectRot' : 'circle',
      pointHoverRadius: s.marker ? 7 : 4,
      spanGaps: false,
      order: s.marker ? 0 : s.faint ? 2 : 1,
    };
  });
}

/** A vertical line across the plot at `x`, labelled at its top (a setting changed at a pause). */
export interface ChartMarker {
  x: number;
  label: string;
}

/** Draws the markers `current()` returns after the datasets: dashed lines with their labels, clipped to the plot. */
export function markerPlugin(
  current: () => { markers: readonly ChartMarker[]; color: string; halo?: string },
): Plugin<'line'> {
  return {
    id: 'netwrightMarkers',
    afterDatasetsDraw(chart) {
      const { markers, color, halo } = current();
      const x = chart.scales.x;
      const area = chart.chartArea;
      if (!x || markers.length === 0) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1;
      ctx.font = '11px sans-serif';
      const shown = markers.flatMap((marker) => {
        const px = x.getPixelForValue(marker.x);
        return px < area.left || px > area.right ? [] : [{ marker, px }];
      });
      for (const { px } of shown) {
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
      }
      // Labels after every line, each right of its line (left of it near the right edge), in the first row where it
      // overlaps no other label; a halo of the panel's colour keeps another marker's line from striking through it.
      const spans = shown.map(({ marker, px }) => {
        const width = ctx.measureText(marker.label).width;
        const left = px + 4 + width > area.right ? px - 4 - width : px + 4;
        return { left, right: left + width };
      });
      const rows = labelRows(spans);
      ctx.setLineDash([]);
      shown.forEach(({ marker }, i) => {
        const y = area.top + 12 + 13 * rows[i];
        if (halo) {
          ctx.lineWidth = 3;
          ctx.strokeStyle = halo;
          ctx.strokeText(marker.label, spans[i].left, y);
        }
        ctx.fillText(marker.label, spans[i].left, y);
      });
      ctx.restore();
    },
  };
}
