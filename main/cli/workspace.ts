// Opens the studio's data under NETWRIGHT_HOME for one command: the whole Studio for commands that train, or
// only the store (and an engine on demand) for commands that read. Either recovers runs whose owning process has
// gone (a killed command, a crashed app) and leaves those of live processes alone (the desktop app's, other
// commands').
import { existsSync } from 'node:fs';
import type { EngineClient, EngineClientOptions } from '../../engine/host/parent/client';
import { reconcileRecoveredRuns } from '../services/engine/recovery';
import { EngineSupervisor } from '../services/engine/supervisor';
import { openStore, type Store } from '../services/store';
import { homeLayout, type HomeLayout } from '../services/studio/layout';
import { Studio } from '../services/studio/studio';
import { launchDetachedEngine } from './engineLauncher';
import { netwrightHome } from './home';

export interface Workspace {
  layout: HomeLayout;
  store: Store;
  /** The engine process, started on first use. */
  engine(): Promise<EngineClient>;
  close(): Promise<void>;
}

function engineOptions(threads?: number): EngineClientOptions {
  return { launch: launchDetachedEngine, ...(threads ? { threads } : {}) };
}

/** The full studio (store, importers, engine supervision): runs started here are recorded like the app's. */
export function openStudio(options: { threads?: number; cores?: number } = {}): Studio {
  return new Studio({
    home: netwrightHome(),
    mode: 'cli',
    engine: engineOptions(options.threads),
    cores: options.cores,
  });
}

/** The store (runs of dead owners recovered), and an engine for evaluation and prediction when asked for. */
export function openWorkspace(options: { threads?: number } = {}): Workspace {
  const layout = homeLayout(netwrightHome());
  // A home without a database has no runs: read an empty one in memory rather than create files.
  const store = openStore(existsSync(layout.database) ? layout.database : ':memory:');
  reconcileRecoveredRuns(store, layout.runs);
  let supervisor: EngineSupervisor | null = null;
  return {
    layout,
    store,
    engine() {
      supervisor ??= new EngineSupervisor(store, { runsDir: layout.runs, engine: engineOptions(options.threads) });
      return supervisor.ensureEngine();
    },
    async close() {
      try {
        await supervisor?.close();
      } finally {
        store.close();
      }
    },
  };
}

/** Runs `work` with a workspace and always closes it (the engine process ends, the store is flushed). */
export async function withWorkspace<T>(
  work: (workspace: Workspace) => Promise<T>,
  options: { threads?: number } = {},
): Promise<T> {
  const workspace = openWorkspace(options);
  try {
    return await work(workspace);
  } finally {
    await workspace.close();
  }
}
