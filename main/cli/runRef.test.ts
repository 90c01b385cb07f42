// Naming a run on the command line: full id, unique prefix of 4+ characters, or exact name.
import { describe, expect, it } from 'vitest';
import { dateText } from './format';
import { resolveRun } from './runRef';

const run = (id: string, name: string) => ({
  id,
  name,
  status: 'completed' as const,
  createdAt: Date.UTC(2025, 0, 2, 3, 4),
});
const runs = [
  run('a1b2c3d4-0000-4000-8000-000000000001', 'baseline'),
  run('a1b2ffff-0000-4000-8000-000000000002', 'wider'),
  run('b7c8d9e0-0000-4000-8000-000000000003', 'wider'),
  run('c0ffee00-0000-4000-8000-000000000004', 'a1b2c3d4'),
];

describe('resolveRun', () => {
  it('finds a run by its full id', () => {
    expect(resolveRun(runs, 'b7c8d9e0-0000-4000-8000-000000000003').name).toBe('wider');
  });

  it('finds a run by its exact name before trying the name as an id prefix', () => {
    expect(resolveRun(runs, 'baseline').id).toBe(runs[0].id);
    expect(resolveRun(runs, 'a1b2c3d4').id).toBe(runs[3].id);
  });

  it('finds a run by a unique id prefix of at least 4 characters, in any case', () => {
    expect(resolveRun(runs, 'B7C8').id).toBe(runs[2].id);
    expect(resolveRun(runs, 'a1b2c').id).toBe(runs[0].id);
  });

  it('lists the candidates of an ambiguous prefix or name', () => {
    // Created at local time, as `netwright runs` shows it (not UTC).
    const created = dateText(Date.UTC(2025, 0, 2, 3, 4));
    expect(() => resolveRun(runs, 'a1b2')).toThrow(
      `the id prefix 'a1b2' matches 2 runs: a1b2c3d4 'baseline' (completed, ${created}), a1b2ffff 'wider'`,
    );
    expect(() => resolveRun(runs, 'wider')).toThrow(
      /the name 'wider' matches 2 runs: a1b2ffff 'wider' .*, b7c8d9e0 'wider'/,
    );
  });

  it('refuses a prefix shorter than 4 characters, saying why', () => {
    expect(() => resolveRun(runs, 'b7c')).toThrow("no run 'b7c' (an id prefix needs at least 4 characters)");
  });

  it('says when nothing matches, or there are no runs at all', () => {
    expect(() => resolveRun(runs, 'deadbeef')).toThrow("no run 'deadbeef'; `netwright runs` lists them");
    expect(() => resolveRun([], 'baseline')).toThrow("no run 'baseline': there are no runs yet");
  });
});
