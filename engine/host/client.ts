// The parent's side of the engine protocol in Node: forks the engine process, sends messages, delivers
// events, and reports the process's death (crash or kill) with its exit code or signal.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromEngine, ToEngine } from './protocol';

export interface EngineExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Plain words for the run's error text. */
  reason: string;
}

export interface EngineClientOptions {
  /** Engine entry; default: the bundled dist/engine/host.mjs when present, else the TypeScript source through tsx. */
  entry?: string;
  threads?: number;
  env?: NodeJS.ProcessEnv;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

function defaultEntry(): { entry: string; execArgv: string[] } {
  const bundled = join(repoRoot, 'dist', 'engine', 'host.mjs');
  if (!import.meta.url.endsWith('.ts') && existsSync(bundled)) return { entry: bundled, execArgv: [] };
  return { entry: join(repoRoot, 'engine', 'host', 'main.ts'), execArgv: ['--import', 'tsx'] };
}

export class EngineClient {
  readonly child: ChildProcess;
  private readonly listeners = new Set<(message: FromEngine) => void>();
  private readonly exitListeners = new Set<(exit: EngineExit) => void>();
  private exitInfo: EngineExit | null = null;
  readonly ready: Promise<Extract<FromEngine, { type: 'ready' }>>;

  constructor(options: EngineClientOptions = {}) {
    const { entry, execArgv } = options.entry ? { entry: options.entry, execArgv: options.entry.endsWith('.ts') ? ['--import', 'tsx'] : [] } : defaultEntry();
    const env = { ...process.env, ...options.env };
    if (options.threads) env.NETWRIGHT_THREADS = String(options.threads);
    this.child = fork(entry, [], { execArgv, env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message) => {
      for (const listener of this.listeners) listener(message as FromEngine);
    });
    this.child.on('exit', (code, signal) => {
      const reason = signal ? `the engine process was killed (${signal})` : code === 0 ? 'the engine process exited' : `the engine process crashed (exit code ${code})`;
      this.exitInfo = { code, signal, reason };
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
      this.onExit((exit) => reject(new Error(`${exit.reason} before it was ready`)));
    });
  }

  send(message: ToEngine): void {
    if (this.exitInfo) throw new Error(`cannot send ${message.type}: ${this.exitInfo.reason}`);
    this.child.send(message);
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
      const timer = setTimeout(() => { stop(); reject(new Error(`no matching engine message within ${timeoutMs} ms`)); }, timeoutMs);
      const offMessage = this.onMessage((message) => {
        if (predicate(message)) { stop(); resolvePromise(message); }
      });
      const offExit = this.onExit((exit) => { stop(); reject(new Error(exit.reason)); });
      function stop() { clearTimeout(timer); offMessage(); offExit(); }
    });
  }

  /** Sends an evaluate or predict request and resolves with its reply, or rejects with the engine's error. */
  request(message: Extract<ToEngine, { type: 'evaluate' }>, timeoutMs?: number): Promise<Extract<FromEngine, { type: 'evaluation' }>>;
  request(message: Extract<ToEngine, { type: 'predict' }>, timeoutMs?: number): Promise<Extract<FromEngine, { type: 'prediction' }>>;
  request(message: Extract<ToEngine, { type: 'evaluate' | 'predict' }>, timeoutMs = 120_000): Promise<FromEngine> {
    const reply = message.type === 'evaluate' ? 'evaluation' : 'prediction';
    const answer = this.waitFor((m) => 'requestId' in m && m.requestId === message.requestId && (m.type === reply || m.type === 'error'), timeoutMs);
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
    try { this.send({ type: 'shutdown' }); } catch { /* already gone */ }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
