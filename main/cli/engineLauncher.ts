// Starts the engine for the command line in its own process group, so a Ctrl-C at the terminal reaches only the
// CLI, which then stops the run cleanly (the engine writes its checkpoint and reports 'stopped') instead of dying.
import { fork } from 'node:child_process';
import type { EngineLauncher } from '../../engine/host/parent/client';
import type { FromEngine } from '../../engine/host/protocol';

export const launchDetachedEngine: EngineLauncher = (entry, env) => {
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  // detached: a new process group without the terminal's SIGINT; the engine still exits when the CLI goes
  // away, because its IPC channel disconnects (engine/host/engine/main.ts).
  const child = fork(entry, [], {
    execArgv,
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  child.on('error', () => {}); // a send to an engine that just died: its exit is what reports it (client.ts)
  return {
    send: (message) => {
      child.send(message, () => {});
    },
    onMessage: (listener) => {
      child.on('message', (message) => listener(message as FromEngine));
    },
    onExit: (listener) => {
      child.on('exit', listener);
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
};
