// Where the desktop app's parts are, from the app's root folder (the repository in development, app.asar when
// packaged). What must run or be read as a real file (the engine entry and its addon, the samples) is taken
// from app.asar.unpacked, where electron-builder.yml's asarUnpack puts it.
import { join, resolve } from 'node:path';

export interface AppPaths {
  /** The renderer build, served as app://netwright. */
  renderer: string;
  preload: string;
  /** The engine process's entry, started with utilityProcess. */
  engine: string;
  /** Sample datasets and templates. */
  resources: string;
  /** The window's icon (Linux and Windows title bars and task bars; installers get theirs from electron-builder). */
  icon: string;
}

export interface DataFolders {
  /** The studio's data (NETWRIGHT_HOME): database, datasets, runs, exports. */
  home: string;
  /** Electron's userData: the window's profile, and the single-instance lock. */
  profile: string;
}

/**
 * NETWRIGHT_HOME moves all data, the window's profile included, so each data folder has its own instance (a test
 * home beside the user's open app is fine; two windows on one database are not). Without it, the data lives in
 * the platform's folder for app data, as Netwright.
 */
export function dataFolders(netwrightHome: string | undefined, appData: string): DataFolders {
  if (netwrightHome) {
    const home = resolve(netwrightHome);
    return { home, profile: join(home, 'desktop-profile') };
  }
  const profile = join(appData, 'Netwright');
  return { home: profile, profile };
}

/** app.asar → app.asar.unpacked; any other folder is already real files. */
export function unpackedRoot(appRoot: string): string {
  return appRoot.replace(/app\.asar$/, 'app.asar.unpacked');
}

/** The app's root from the bundled main script's folder (dist/electron). */
export function appRootOf(mainScriptDir: string): string {
  return resolve(mainScriptDir, '..', '..');
}

export function appPaths(appRoot: string): AppPaths {
  const unpacked = unpackedRoot(appRoot);
  return {
    renderer: join(appRoot, 'dist', 'renderer'),
    preload: join(appRoot, 'dist', 'electron', 'preload.cjs'),
    engine: join(unpacked, 'dist', 'engine', 'host.mjs'),
    resources: join(unpacked, 'resources'),
    icon: join(unpacked, 'resources', 'build', 'icon.png'),
  };
}
