// The desktop app's entry (bundled to dist/electron/main.cjs): one instance, one studio window, the studio's
// services in this process and the engine in a utility process. Quitting waits for the studio to close.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { Studio } from '../services/studio/studio';
import { lockDownSession, registerAppScheme, serveRenderer } from './appSession';
import { CHANNELS } from './channels';
import { launchUtilityEngine } from './engineProcess';
import { registerStudioIpc } from './ipc';
import { menuTemplate } from './menu';
import { appPaths, appRootOf, dataFolders } from './paths';
import { createStudioWindow, guardContents } from './window';

const paths = appPaths(appRootOf(dirname(fileURLToPath(import.meta.url))));
const dev = !app.isPackaged;
const folders = dataFolders(process.env.NETWRIGHT_HOME, app.getPath('appData'));

let studio: Studio | null = null;
let studioWindow: BrowserWindow | null = null;
let quitting: 'no' | 'closing the studio' | 'ready to quit' = 'no';

function fail(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Netwright: ${title}: ${message}\n`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function openWindow(): void {
  studioWindow = createStudioWindow(paths.preload, paths.icon, dev);
  studioWindow.on('closed', () => {
    studioWindow = null;
  });
}

function start(): void {
  const missing = [paths.renderer, paths.preload, paths.engine].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    fail('Netwright is not built', `missing ${missing.join(', ')}: run \`npm run build\` first`);
    return;
  }
  serveRenderer(paths.renderer);
  lockDownSession(session.defaultSession);
  const { home } = folders;
  try {
    studio = new Studio({
      home,
      mode: 'desktop',
      resourcesDir: paths.resources,
      engine: { entry: paths.engine, launch: launchUtilityEngine },
    });
  } catch (error) {
    fail(`Netwright could not open its data folder ${home}`, error);
    return;
  }
  registerStudioIpc(studio, () => studioWindow);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        dev,
        send: (command) => {
          if (studioWindow && !studioWindow.isDestroyed()) studioWindow.webContents.send(CHANNELS.menu, command);
        },
      }),
    ),
  );
  openWindow();
}

// Before anything reads userData: development runs (`electron dist/electron/main.cjs`) would be "Electron".
app.setName('Netwright');
app.setPath('userData', folders.profile);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!studioWindow) return;
    if (studioWindow.isMinimized()) studioWindow.restore();
    studioWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && studio && quitting === 'no' && !studioWindow) openWindow();
  });
  // Close the studio first (it stops a run at its last checkpoint and flushes metrics), then quit for real.
  app.on('before-quit', (event) => {
    if (quitting === 'ready to quit' || !studio) return;
    event.preventDefault();
    if (quitting === 'closing the studio') return;
    quitting = 'closing the studio';
    studio
      .close()
      .catch((error: unknown) => process.stderr.write(`Netwright: closing the studio failed: ${String(error)}\n`))
      .finally(() => {
        quitting = 'ready to quit';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('Netwright could not start', error));
}
