// Escape belongs to the innermost open dialog, and closing any dialog hands it back to the one beneath.
import { describe, expect, it } from 'vitest';
import { enterDialog, isTopDialog } from './dialogStack';

describe('dialog stack', () => {
  it('gives Escape to the innermost dialog, then back to the one beneath', () => {
    const importDialog = enterDialog();
    expect(isTopDialog(importDialog.token)).toBe(true);
    const shortcuts = enterDialog();
    expect(isTopDialog(shortcuts.token)).toBe(true);
    expect(isTopDialog(importDialog.token)).toBe(false);
    shortcuts.leave();
    expect(isTopDialog(importDialog.token)).toBe(true);
    importDialog.leave();
    expect(isTopDialog(importDialog.token)).toBe(false);
  });

  it('keeps the order when a dialog beneath closes first', () => {
    const below = enterDialog();
    const above = enterDialog();
    below.leave();
    expect(isTopDialog(above.token)).toBe(true);
    above.leave();
    above.leave(); // leaving twice is harmless
    expect(isTopDialog(above.token)).toBe(false);
  });
});
