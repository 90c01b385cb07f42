// The Python interpreter the bench's peers run under, and whether it can import torch (PyTorch is optional: a
// missing interpreter or torch skips the suite with a note, never fails the run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** NETWRIGHT_BENCH_PYTHON points at another interpreter (e.g. a venv with torch). */
export const PYTHON = process.env.NETWRIGHT_BENCH_PYTHON || '/usr/bin/python3';

/** Why torch cannot run here (null: it can); the torch version goes to stderr when it can. */
export function torchMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} does not exist`;
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, torch; print(torch.__version__)'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (probe.status !== 0) {
    const reason = (probe.stderr || probe.error?.message || '').trim().split('\n').at(-1);
    return `torch is not importable by ${PYTHON} (${reason}); install it with: apt-get install -y python3-torch`;
  }
  process.stderr.write(`bench: pytorch ${probe.stdout.trim()} via ${PYTHON}\n`);
  return null;
}

/** The environment that gives PyTorch `threads` threads, with idle OpenMP threads sleeping instead of spinning. */
export function torchEnv(threads: number): NodeJS.ProcessEnv {
  const n = String(threads);
  return {
    ...process.env,
    OMP_NUM_THREADS: n,
    MKL_NUM_THREADS: n,
    OPENBLAS_NUM_THREADS: n,
    OMP_WAIT_POLICY: 'PASSIVE',
  };
}
