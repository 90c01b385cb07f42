// Where the desktop app finds its parts (in development and inside an installed app.asar) and keeps its data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, appRootOf, dataFolders } from './paths';

describe('desktop app paths', () => {
  it('finds the app root two folders above the bundled main script', () => {
    expect(appRootOf(join('/', 'repo', 'dist', 'electron'))).toBe(join('/', 'repo'));
  });

  it('uses the build folders as they are in development', () => {
    const paths = appPaths(join('/', 'repo'));
    expect(paths).toEqual({
      renderer: join('/', 'repo', 'dist', 'renderer'),
      preload: join('/', 'repo', 'dist', 'electron', 'preload.cjs'),
      engine: join('/', 'repo', 'dist', 'engine', 'host.mjs'),
      resources: join('/', 'repo', 'resources'),
      icon: join('/', 'repo', 'resources', 'build', 'icon.png'),
    });
  });

  it('starts the engine and reads the samples from app.asar.unpacked when packaged', () => {
    const asar = join('/', 'opt', 'Netwright', 'resources', 'app.asar');
    const unpacked = join('/', 'opt', 'Netwright', 'resources', 'app.asar.unpacked');
    const paths = appPaths(asar);
    expect(paths.engine).toBe(join(unpacked, 'dist', 'engine', 'host.mjs'));
    expect(paths.resources).toBe(join(unpacked, 'resources'));
    expect(paths.icon).toBe(join(unpacked, 'resources', 'build', 'icon.png'));
    // The page and the preload load fine from inside the archive.
    expect(paths.renderer).toBe(join(asar, 'dist', 'renderer'));
    expect(paths.preload).toBe(join(asar, 'dist', 'electron', 'preload.cjs'));
  });
});

describe('desktop data folders', () => {
  it('keeps data and the window profile in the app data folder by default', () => {
    expect(dataFolders(undefined, join('/', 'home', 'ada', '.config'))).toEqual({
      home: join('/', 'home', 'ada', '.config', 'Netwright'),
      profile: join('/', 'home', 'ada', '.config', 'Netwright'),
    });
  });

  it('moves everything under NETWRIGHT_HOME, the profile (and so the single-instance lock) included', () => {
    expect(dataFolders(join('/', 'tmp', 'e2e-home'), join('/', 'home', 'ada', '.config'))).toEqual({
      home: join('/', 'tmp', 'e2e-home'),
      profile: join('/', 'tmp', 'e2e-home', 'desktop-profile'),
    });
    expect(dataFolders('', join('/', 'cfg')).home).toBe(join('/', 'cfg', 'Netwright'));
  });
});
