// Argument checks shared by the schedules: each throws an Error that names the schedule and the setting.

export function requireBaseLr(kind: string, baseLr: number): void {
  if (!Number.isFinite(baseLr) || baseLr <= 0) {
    throw new Error(`schedule '${kind}': the base learning rate must be a positive number (got ${baseLr})`);
  }
}

export function requireWholeAtLeast(kind: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new Error(`schedule '${kind}': ${name} must be a whole number ≥ ${min} (got ${String(value)})`);
  }
  return value;
}

export function requirePositive(kind: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`schedule '${kind}': ${name} must be a number > 0 (got ${String(value)})`);
  }
  return value;
}

export function requireNonNegative(kind: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`schedule '${kind}': ${name} must be a number ≥ 0 (got ${String(value)})`);
  }
  return value;
}

/** A state read back from a checkpoint must belong to this kind of schedule. */
export function requireStateType(kind: string, state: { type?: unknown } | null | undefined): void {
  if (!state || state.type !== kind) {
    throw new Error(
      `cannot resume the '${kind}' schedule from a '${String(state?.type)}' schedule state (was the schedule changed since the checkpoint?)`,
    );
  }
}
