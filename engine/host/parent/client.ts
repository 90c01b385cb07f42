// The parent's side of the engine protocol in Node: forks the engine process, sends messages, delivers
// events, and reports the process's death (crash or kill) with its exit code or signal.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodedError } from '../../core/errors/coded';
import { runFailure, type RunFailure } from '../../core/train/runFailure';
import type { FromEngine, ToEngine } from '../protocol';

export interface EngineExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Plain English for logs and thrown errors. */
  reason: string;
  /** The same as a run failure's code: killed (with its signal), crashed (with its exit code) or exited. */
  failure: RunFailure;
}

/** The engine process ended: coded as the run failure it causes (killed, crashed, exited), so it is worded as one. */
export class EngineExitError extends CodedError<string, Record<string, string | number>> {
  constructor(exit: EngineExit, message: string) {
    super(exit.failure.code, exit.failure.params, message);
  }
}

/** A started engine process, however it was started (Node's fork here, Electron's utilityProcess in the app). */
export interface EngineProcess {
  send(message: ToEngine): void;
  onMessage(listener: (message: FromEngine) => void): void;
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  kill(): void;
}

/** Starts the engine entry with this environment; the Electron shell passes one built on utilityProcess.fork. */
export type EngineLauncher = (entry: string, env: NodeJS.ProcessEnv) => EngineProcess;

export interface EngineClientOptions {
  /** Engine entry; default: the bundled dist/engine/host.mjs when present, else the TypeScript source through tsx. */
  entry?: string;
  threads?: number;
  env?: NodeJS.ProcessEnv;
  /** Default: child_process.fork with an IPC channel and advanced serialization. */
  launch?: EngineLauncher;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The engine entry: the bundled dist/engine/host.mjs when running bundled code, else the TypeScript source. */
export function defaultEngineEntry(): string {
  if (!import.meta.url.endsWith('.ts')) {
    // Bundled: this code is in dist/*.mjs or dist/electron/*.cjs, the engine in dist/engine/host.mjs.
    const bundled = [join(here, 'engine', 'host.mjs'), join(here, '..', 'engine', 'host.mjs')].find((p) =>
      existsSync(p),
    );
    if (bundled) return bundled;
  }
  return join(resolve(here, '../../..'), 'engine', 'host', 'engine', 'main.ts');
}

/**
 * Node's way: a forked child with an IPC channel (TypeScript entries run through tsx). `detached` puts it in its own
 * process group (the command line's choice: see main/cli/engineLauncher.ts).
 */
export function forkEngine(entry: string, env: NodeJS.ProcessEnv, options: { detached?: boolean } = {}): EngineProcess {
  // tsx's loader as a file URL resolved from here: a bare 'tsx' resolves from the working directory, so `netwright`
  // run from any folder outside the checkout started an engine that could not find it.
  const execArgv = entry.endsWith('.ts')
    ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
    : [];
  const child: ChildProcess = fork(entry, [], {
    execArgv,
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: options.detached ?? false,
  });
  // A message to an engine that just died fails in the callback (not as an unhandled 'error' event that would end
  // this process); the exit listener reports the death.
  child.on('error', () => {});
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
}

/** The reply each request is answered with (or 'error' with its requestId). */
const REPLY = {
  evaluate: 'evaluation',
  predict: 'prediction',
  activations: 'activations',
  'probe-grid': 'grid',
  'change-settings': 'settings-changed',
} as const;

export class EngineClient {
  readonly process: EngineProcess;
  private readonly listeners = new Set<(message: FromEngine) => void>();
  private readonly exitListeners = new Set<(exit: EngineExit) => void>();
  private exitInfo: EngineExit | null = null;
  readonly ready: Promise<Extract<FromEngine, { type: 'ready' }>>;

  constructor(options: EngineClientOptions = {}) {
    const env = { ...process.env, ...options.env };
    if (options.threads) env.NETWRIGHT_THREADS = String(options.threads);
    this.process = (options.launch ?? forkEngine)(options.entry ?? defaultEngineEntry(), env);
    this.process.onMessage((message) => {
      for (const listener of this.listeners) listener(message);
    });
    this.process.onExit((code, signal) => {
      const reason = signal
        ? `the engine process was killed (${signal})`
        : code === 0
          ? 'the engine process exited'
          : `the engine process crashed (exit code ${code})`;
      const failure = signal
        ? runFailure('engine-killed', { signal })
        : code === 0
          ? runFailure('engine-exited')
          : runFailure('engine-crashed', { exitCode: code ?? 'none' });
      this.exitInfo = { code, signal, reason, failure };
      for (const listener of this.exitListeners) listener(this.exitInfo);
    });
    this.ready = new Promise((resolvePromise, reject) => {
      const onMessage = (message: FromEngine) => {
        if (message.type === 'ready') {
          this.listeners.delete(onMessage);
          resolvePromise(message);
        }
      };
      this.listeners.add(onMessage);
      this.onExit((exit) => reject(new EngineExitError(exit, `${exit.reason} before it was ready`)));
    });
  }

  send(message: ToEngine): void {
    if (this.exitInfo) throw new EngineExitError(this.exitInfo, `cannot send ${message.type}: ${this.exitInfo.reason}`);
    this.process.send(message);
  }

  onMessage(listener: (message: FromEngine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onExit(listener: (exit: EngineExit) => void): () => void {
    if (this.exitInfo) listener(this.exitInfo);
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  get exited(): EngineExit | null {
    return this.exitInfo;
  }

  /** Waits for the first message matching `predicate` (rejects if the engine dies first). */
  waitFor<T extends FromEngine>(predicate: (message: FromEngine) => message is T, timeoutMs?: number): Promise<T>;
  waitFor(predicate: (message: FromEngine) => boolean, timeoutMs?: number): Promise<FromEngine>;
  waitFor(predicate: (message: FromEngine) => boolean, timeoutMs = 120_000): Promise<FromEngine> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no matching engine message within ${timeoutMs} ms`));
      }, timeoutMs);
      const offMessage = this.onMessage((message) => {
        if (predicate(message)) {
          stop();
          resolvePromise(message);
        }
      });
      const offExit = this.onExit((exit) => {
        stop();
        reject(new Error(exit.reason));
      });
      function stop() {
        clearTimeout(timer);
        offMessage();
        offExit();
      }
    });
  }

  /** Sends an evaluate, predict, activations, probe-grid or change-settings request and resolves with its reply, or rejects with the engine's error. */
  request(
    message: Extract<ToEngine, { type: 'evaluate' }>,
    timeoutMs?: number,
  ): Promise<Extract<FromEngine, { type: 'evaluation' }>>;
  request(
    message: Extract<ToEngine, { type: 'predict' }>,
    timeoutMs?: number,
  ): Promise<Extract<FromEngine, { type: 'prediction' }>>;
  request(
    message: Extract<ToEngine, { type: 'activations' }>,
    timeoutMs?: number,
  ): Promise<Extract<FromEngine, { type: 'activations' }>>;
  request(
    message: Extract<ToEngine, { type: 'probe-grid' }>,
    timeoutMs?: number,
  ): Promise<Extract<FromEngine, { type: 'grid' }>>;
  request(
    message: Extract<ToEngine, { type: 'change-settings' }>,
    timeoutMs?: number,
  ): Promise<Extract<FromEngine, { type: 'settings-changed' }>>;
  request(
    message: Extract<ToEngine, { type: 'evaluate' | 'predict' | 'activations' | 'probe-grid' | 'change-settings' }>,
    timeoutMs = 120_000,
  ): Promise<FromEngine> {
    const reply = REPLY[message.type];
    const answer = this.waitFor(
      (m) => 'requestId' in m && m.requestId === message.requestId && (m.type === reply || m.type === 'error'),
      timeoutMs,
    );
    this.send(message);
    return answer.then((m) => {
      if (m.type === 'error') throw new Error(m.message);
      return m;
    });
  }

  /** Asks the engine to finish and waits for the process to end (kills it after `graceMs`). */
  async shutdown(graceMs = 5000): Promise<void> {
    if (this.exitInfo) return;
    const exited = new Promise<void>((r) => this.onExit(() => r()));
    try {
      this.send({ type: 'shutdown' });
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => this.process.kill(), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
