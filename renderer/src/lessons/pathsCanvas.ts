// Draws the optimizers lesson's map: the loss surface as shaded contour bands of log(loss) with contour lines, the
// minimum, the start point and each optimizer's path (the first `shown` steps, for the step-by-step animation).
import { lossGrid, type Surface } from '../../../engine/core/lessons/surfaces';

export interface MapColors {
  low: [number, number, number];
  high: [number, number, number];
  line: string;
  text: string;
}

const CELLS = 160; // grid resolution of the shading (one batch of loss evaluations per redraw of the surface)
const BANDS = 14;

/** Canvas pixel of a surface point, and back. */
export function toCanvas(surface: Surface, width: number, height: number, x: number, y: number): [number, number] {
  const [x0, x1, y0, y1] = surface.view;
  return [((x - x0) / (x1 - x0)) * width, height - ((y - y0) / (y1 - y0)) * height];
}

export function fromCanvas(surface: Surface, width: number, height: number, px: number, py: number): [number, number] {
  const [x0, x1, y0, y1] = surface.view;
  return [x0 + (px / width) * (x1 - x0), y0 + ((height - py) / height) * (y1 - y0)];
}

/** The shaded bands as an image CELLS × CELLS (row 0 at the top), made once per surface and theme. */
export function surfaceImage(surface: Surface, colors: MapColors): ImageData {
  const grid = lossGrid(surface, CELLS);
  let low = Infinity;
  let high = -Infinity;
  for (const v of grid) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  // log of the loss above its lowest value, so the bands crowd where the surface is steep
  const level = (v: number) => Math.min(BANDS - 1, Math.floor((Math.log1p(v - low) / Math.log1p(high - low)) * BANDS));
  const levels = new Int32Array(grid.length);
  for (let i = 0; i < grid.length; i++) levels[i] = level(grid[i]);
  const image = new ImageData(CELLS, CELLS);
  for (let row = 0; row < CELLS; row++) {
    for (let col = 0; col < CELLS; col++) {
      const cell = (CELLS - 1 - row) * CELLS + col; // grid row 0 is yMin, the image's row 0 is the top
      const l = levels[cell];
      const edge = (col + 1 < CELLS && levels[cell + 1] !== l) || (row > 0 && levels[cell + CELLS] !== l); // a contour line
      const t = l / (BANDS - 1);
      const o = (row * CELLS + col) * 4;
      for (let c = 0; c < 3; c++)
        image.data[o + c] = Math.round(colors.low[c] + (colors.high[c] - colors.low[c]) * t) - (edge ? 40 : 0);
      image.data[o + 3] = 255;
    }
  }
  return image;
}

export function drawMap(
  context: CanvasRenderingContext2D,
  surface: Surface,
  shading: ImageBitmap | HTMLCanvasElement,
  paths: Array<{ points: Array<[number, number]>; color: string }>,
  start: [number, number],
  shown: number,
  colors: MapColors,
): void {
  const { width, height } = context.canvas;
  context.imageSmoothingEnabled = true;
  context.drawImage(shading, 0, 0, width, height);
  const at = (p: [number, number]) => toCanvas(surface, width, height, p[0], p[1]);
  // the minimum
  const [mx, my] = at(surface.minimum);
  context.strokeStyle = colors.text;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(mx - 6, my);
  context.lineTo(mx + 6, my);
  context.moveTo(mx, my - 6);
  context.lineTo(mx, my + 6);
  context.stroke();
  for (const path of paths) {
    context.strokeStyle = path.color;
    context.lineWidth = 2;
    context.beginPath();
    const last = Math.min(shown, path.points.length - 1);
    for (let i = 0; i <= last; i++) {
      const [px, py] = at(path.points[i]);
      if (i === 0) context.moveTo(px, py);
      else context.lineTo(px, py);
    }
    context.stroke();
    const [ex, ey] = at(path.points[last]);
    context.fillStyle = path.color;
    context.beginPath();
    context.arc(ex, ey, 3.5, 0, 2 * Math.PI);
    context.fill();
  }
  const [sx, sy] = at(start);
  context.fillStyle = colors.text;
  context.beginPath();
  context.arc(sx, sy, 5, 0, 2 * Math.PI);
  context.fill();
}
