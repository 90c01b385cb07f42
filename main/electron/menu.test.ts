// The application menu: every command the renderer understands is in it, development extras stay out of
// installed builds, and platform conventions hold.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../api/bridge';
import { menuTemplate } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(isMac: boolean, dev: boolean) {
  const sent: MenuCommand[] = [];
  const template = menuTemplate({ isMac, dev, send: (command) => sent.push(command) });
  return { template, all: items(template), sent };
}

describe('application menu', () => {
  it('offers every menu command, each sending its own command once', () => {
    const { all, sent } = build(false, false);
    for (const item of all) item.click?.(undefined as never, undefined, undefined as never);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('shows Reload and the DevTools in development only', () => {
    const roles = (dev: boolean) => build(false, dev).all.map((item) => item.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('follows macOS conventions there: the app menu first, Quit in it rather than in File', () => {
    const mac = build(true, false);
    expect(mac.template[0].role).toBe('appMenu');
    expect(mac.all.map((item) => item.role)).not.toContain('quit');
    const other = build(false, false);
    expect(other.template[0].label).toBe('File');
    expect(other.all.map((item) => item.role)).toContain('quit');
  });

  it('keeps the standard text editing roles, and leaves the keys the renderer handles unregistered', () => {
    const { all } = build(false, false);
    expect(all.map((item) => item.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    const byLabel = (label: string) => all.find((item) => item.label === label)!;
    for (const label of ['Undo', 'Redo', 'Save', 'Keyboard shortcuts'])
      expect(byLabel(label).registerAccelerator, label).toBe(false);
    expect(byLabel('New graph').registerAccelerator).toBeUndefined();
  });
});
