// Entry of the engine process. Electron's utilityProcess (process.parentPort) and Node's child_process
// (process.send with advanced serialization) both start this file; the host sees one EnginePort either way.
import { loadKernels } from '../../native';
import { EngineHost } from './runner';
import { PROTOCOL_VERSION, type EnginePort, type FromEngine, type ToEngine } from '../protocol';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function openPort(): EnginePort {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (handler) => parentPort.on('message', (event) => handler(event.data as ToEngine)),
    };
  }
  if (typeof process.send === 'function') {
    return {
      post: (message: FromEngine) => {
        // A send can still fail after the check (EPIPE: the parent quit on a second Ctrl-C while a checkpoint was
        // being reported). Without a callback that is an unhandled 'error' event, a stack trace in the user's
        // terminal; with one, the engine leaves as it does on 'disconnect'.
        if (process.connected) process.send!(message, undefined, {}, (error) => error && process.exit(0));
      },
      onMessage: (handler) => process.on('message', (message) => handler(message as ToEngine)),
      parentConnected: () => process.connected,
    };
  }
  throw new Error(
    'the engine must be started by the studio (utilityProcess or child_process.fork with an IPC channel)',
  );
}

const port = openPort();
const kernels = loadKernels();
if (process.env.NETWRIGHT_THREADS) kernels.setThreads(Number(process.env.NETWRIGHT_THREADS));
const host = new EngineHost(port, kernels);
port.onMessage((message) => {
  if (message.type === 'shutdown') {
    host.handle(message);
    setImmediate(() => process.exit(0));
    return;
  }
  host.handle(message);
});
// Ctrl-C in a terminal reaches the whole process group: the parent decides (it stops the run at a checkpoint).
process.on('SIGINT', () => {});
// When the parent goes away, so does the engine (no orphan keeps training or writes files nobody records): the
// channel's disconnect is seen whenever the event loop turns, which the runner lets it do between batches.
process.on('disconnect', () => process.exit(0));
port.post({
  type: 'ready',
  protocol: PROTOCOL_VERSION,
  isa: kernels.isa,
  threads: kernels.threads(),
  pid: process.pid,
});
