// Starts the engine for the command line in its own process group, so a Ctrl-C at the terminal reaches only the
// CLI, which then stops the run cleanly (the engine writes its checkpoint and reports 'stopped') instead of dying.
// Detached, the engine still exits when the CLI goes away, because its IPC channel disconnects
// (engine/host/engine/main.ts).
import { forkEngine, type EngineLauncher } from '../../engine/host/parent/client';

export const launchDetachedEngine: EngineLauncher = (entry, env) => forkEngine(entry, env, { detached: true });
