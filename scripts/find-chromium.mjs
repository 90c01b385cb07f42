// Where the end-to-end tests find a Chromium or Chrome: NETWRIGHT_CHROMIUM, else the usual install paths of each OS.
// Never a browser downloaded by a test tool. `installHint()` says in one line what to install when none is found.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

function candidates() {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  if (process.platform === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(
      Boolean,
    );
    return roots.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
}

/** The browser's path, or null when there is none (NETWRIGHT_CHROMIUM, when set, must exist). */
export function findChromium() {
  const chosen = process.env.NETWRIGHT_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return candidates().find((path) => existsSync(path)) ?? null;
}

export function installHint() {
  const chosen = process.env.NETWRIGHT_CHROMIUM;
  if (chosen)
    return `NETWRIGHT_CHROMIUM is set to ${chosen}, which does not exist: point it at a Chromium or Chrome executable.`;
  if (process.platform === 'linux') {
    return "No Chromium found for the end-to-end tests: install Debian's (apt-get install chromium) or set NETWRIGHT_CHROMIUM=/path/to/chrome.";
  }
  return 'No Chrome found for the end-to-end tests: install Google Chrome or set NETWRIGHT_CHROMIUM=/path/to/chrome.';
}
