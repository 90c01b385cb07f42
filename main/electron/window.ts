// The studio's window: an isolated, sandboxed page with only the preload's bridge, which cannot navigate away
// from app://netwright or open other windows (https links go to the system browser instead).
import { BrowserWindow, shell, type WebContents } from 'electron';
import { APP_HOME_URL, isAppUrl, isExternalLink } from './appUrl';

/** For every web contents the app creates (app 'web-contents-created'): no navigation away, no new windows, no webviews. */
export function guardContents(contents: WebContents): void {
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) {
      shell
        .openExternal(url)
        .catch((error: unknown) => process.stderr.write(`Netwright: could not open ${url}: ${String(error)}\n`));
    }
    return { action: 'deny' };
  });
}

export function createStudioWindow(preload: string, icon: string, dev: boolean): BrowserWindow {
  const window = new BrowserWindow({
    icon,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Netwright',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: dev,
    },
  });
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(APP_HOME_URL)
    .catch((error: unknown) => process.stderr.write(`Netwright: the studio page did not load: ${String(error)}\n`));
  return window;
}
