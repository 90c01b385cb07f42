// How a sentence writes a number it names (a loss, a count): from 10,000 up grouped in thousands, so a regression
// loss in squared dollars reads 139,200,000 rather than 139200000; smaller numbers as JavaScript writes them (0.5937,
// 17, 1.2e-7). The studio's and the command line's diagnosis words use it; --json keeps the number itself.

export function numberText(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) < 10_000) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A number shown short: `digits` significant digits, grouped from 10,000 (a price's MAE 262,700, not 262700). */
export function shortNumber(value: number, digits = 3): string {
  return numberText(Number(value.toPrecision(digits)));
}

/**
 * Above this, a percentage a sentence names reads as "more than 1,000" (the tables' `percentOver`): a validation loss
 * that rose from 5e-11 rose by 10^12 %, which is true but reads as noise. --json keeps the number itself.
 */
export const PERCENT_CEILING = 1000;

/** Whether the parameter `name` (a percentage: its name ends in Percent) is above PERCENT_CEILING. */
export function percentOverCeiling(name: string, value: number | string): boolean {
  return name.endsWith('Percent') && typeof value === 'number' && value > PERCENT_CEILING;
}
