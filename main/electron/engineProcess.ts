// The engine process in the desktop app: Electron's utilityProcess, which runs Node without a window and
// structured-clones messages (Float32Arrays included), in place of child_process.fork.
import { utilityProcess } from 'electron';
import type { EngineLauncher } from '../../engine/host/parent/client';
import type { FromEngine } from '../../engine/host/protocol';

export const launchUtilityEngine: EngineLauncher = (entry, env) => {
  // utilityProcess wants string values only; process.env's type allows undefined.
  const cleanEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) cleanEnv[key] = value;
  const child = utilityProcess.fork(entry, [], { env: cleanEnv, serviceName: 'Netwright engine', stdio: 'inherit' });
  // utilityProcess reports only an exit code; when we ended it ourselves, say so, as child_process would.
  let killedByUs = false;
  child.on('error', (type, location) => {
    process.stderr.write(`Netwright engine: ${type} at ${location}\n`);
  });
  return {
    send: (message) => {
      child.postMessage(message);
    },
    onMessage: (listener) => {
      child.on('message', (message: unknown) => listener(message as FromEngine));
    },
    onExit: (listener) => {
      child.on('exit', (code) => listener(killedByUs ? null : code, killedByUs ? 'SIGTERM' : null));
    },
    kill: () => {
      if (child.kill()) killedByUs = true;
    },
  };
};
