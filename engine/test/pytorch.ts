// PyTorch for comparison tests: /usr/bin/python3 with torch (Debian's python3-torch), and why it cannot run when
// it is missing, so a test can skip with that reason (CI has no PyTorch).
import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

/** null when `PYTHON` imports torch; otherwise the reason it does not. */
export function torchMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (probe.error) return `${PYTHON} cannot run (${probe.error.message})`;
  if (probe.status !== 0) return `${PYTHON} has no torch (${probe.stderr.trim().split('\n').pop()})`;
  return null;
}
