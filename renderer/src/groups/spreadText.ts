// Mean ± standard deviation as the group view shows it: accuracy in percent, losses and R² with four decimals.
import type { Spread } from '../../../engine/core/train/sweepStats';

export function spreadText(spread: Spread | null, percent = false): string {
  if (!spread) return '–';
  const show = (x: number) => (percent ? `${(x * 100).toFixed(1)}%` : x.toFixed(4));
  return spread.n > 1 ? `${show(spread.mean)} ± ${show(spread.std)}` : show(spread.mean);
}
