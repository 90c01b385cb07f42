// The application menu as a template (Electron types only, so it is tested in Node). Studio actions go to the
// renderer as MenuCommands: the renderer owns the graph, its undo history and its dialogs.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../api/bridge';

export interface MenuOptions {
  isMac: boolean;
  /** Development builds add Reload and the DevTools. */
  dev: boolean;
  send(command: MenuCommand): void;
}

export function menuTemplate({ isMac, dev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string,
    keysHandledByRenderer = false,
  ): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...(accelerator ? { accelerator } : {}),
    // Keys the renderer handles itself (as it must in web mode) are shown but not registered: a registered one
    // would fire twice, and would take Ctrl+Z from text fields.
    ...(keysHandledByRenderer ? { registerAccelerator: false } : {}),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New graph', 'new-graph', 'CmdOrCtrl+N'),
      command('Open…', 'open-graph', 'CmdOrCtrl+O'),
      command('Open model…', 'open-model'),
      command('Save', 'save-graph', 'CmdOrCtrl+S', true),
      separator,
      command('Import CSV…', 'import-csv'),
      command('Import image folder…', 'import-images'),
      command('Export…', 'export-run', 'CmdOrCtrl+E'),
      ...(isMac ? [] : [separator, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z', true),
      command('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', true),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Zoom to fit', 'zoom-fit'),
      command('Toggle theme', 'toggle-theme'),
      separator,
      { role: 'togglefullscreen' },
      ...(dev ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [command('Keyboard shortcuts', 'show-shortcuts', 'F1', true), command('About Netwright', 'about')],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
