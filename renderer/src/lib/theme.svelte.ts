// Light and dark themes: follow the system unless the user chose one; applied as data-theme on <html>.
import { palette } from '../ui/palette';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'netwright.theme';

const media = typeof matchMedia === 'undefined' ? null : matchMedia('(prefers-color-scheme: dark)');

export const theme = $state({
  choice: ((): ThemeChoice => {
    try {
      const v = localStorage.getItem(STORAGE_KEY);
      return v === 'light' || v === 'dark' ? v : 'system';
    } catch {
      return 'system';
    }
  })(),
  systemDark: media?.matches ?? false,
});

media?.addEventListener('change', (e) => {
  theme.systemDark = e.matches;
});

export function effectiveTheme(): 'light' | 'dark' {
  return theme.choice === 'system' ? (theme.systemDark ? 'dark' : 'light') : theme.choice;
}

export function setTheme(choice: ThemeChoice): void {
  theme.choice = choice;
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    /* session only */
  }
}

/** Light → dark → system → light … (the View menu's toggle). */
export function cycleTheme(): void {
  setTheme(theme.choice === 'light' ? 'dark' : theme.choice === 'dark' ? 'system' : 'light');
}

/** Colours for canvases (charts) that cannot read CSS variables on their own. */
export function chartColors() {
  const dark = effectiveTheme() === 'dark';
  return {
    text: dark ? '#d6dae3' : '#2b3140',
    /** The panel a chart sits on (app.css --panel): a halo around text drawn over lines. */
    surface: dark ? '#1c2027' : '#ffffff',
    grid: dark ? 'rgba(255,255,255,0.10)' : 'rgba(0,0,0,0.08)',
    train: dark ? '#6ea8ff' : '#2563eb',
    validation: dark ? '#ffa657' : '#e8590c',
    accent: dark ? '#7ee2b8' : '#0f9d58',
    /** Per run or per layer: the run palette (ui/palette.ts), so swatches outside the canvas match. */
    series: palette(dark),
  };
}
