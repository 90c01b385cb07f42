// Where the studio keeps the user's work under its home folder (NETWRIGHT_HOME): one SQLite file and folders for
// datasets, run checkpoints, exports and web-mode uploads.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HomeLayout {
  home: string;
  database: string;
  datasets: string;
  runs: string;
  exports: string;
  uploads: string;
}

export function homeLayout(home: string): HomeLayout {
  const root = resolve(home);
  return {
    home: root,
    database: join(root, 'studio.sqlite'),
    datasets: join(root, 'datasets'),
    runs: join(root, 'runs'),
    exports: join(root, 'exports'),
    uploads: join(root, 'uploads'),
  };
}

/** The shipped resources/ folder (sample datasets, templates) beside the source tree or the bundle in dist/. */
export function defaultResourcesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // main/services/studio/*.ts in the source tree; dist/*.mjs when bundled.
  return here.includes(`${join('main', 'services', 'studio')}`)
    ? resolve(here, '../../../resources')
    : resolve(here, '../resources');
}
