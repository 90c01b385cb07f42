// Finds the run a command names: its full id, a unique id prefix of at least 4 characters, or its exact name.
import type { RunSummary } from '../services/store/types';

export const MIN_PREFIX = 4;

type Candidate = Pick<RunSummary, 'id' | 'name' | 'status' | 'createdAt'>;

function describe(run: Candidate): string {
  return `${run.id.slice(0, 8)} '${run.name}' (${run.status}, ${new Date(run.createdAt).toISOString().slice(0, 16).replace('T', ' ')})`;
}

/** The one run `ref` names among `runs`; an error listing the candidates when it names several, or none. */
export function resolveRun<T extends Candidate>(runs: readonly T[], ref: string): T {
  const wanted = ref.trim();
  if (!wanted) throw new Error('say which run: its id, the first characters of its id, or its name');
  const byId = runs.find((r) => r.id === wanted);
  if (byId) return byId;
  const byName = runs.filter((r) => r.name === wanted);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw ambiguous(wanted, 'name', byName);
  const lower = wanted.toLowerCase();
  if (wanted.length >= MIN_PREFIX) {
    const byPrefix = runs.filter((r) => r.id.toLowerCase().startsWith(lower));
    if (byPrefix.length === 1) return byPrefix[0];
    if (byPrefix.length > 1) throw ambiguous(wanted, 'id prefix', byPrefix);
  }
  const hint =
    wanted.length < MIN_PREFIX && /^[0-9a-f-]+$/i.test(wanted)
      ? ` (an id prefix needs at least ${MIN_PREFIX} characters)`
      : '; `netwright runs` lists them';
  throw new Error(`no run '${wanted}'${runs.length === 0 ? ': there are no runs yet' : hint}`);
}

function ambiguous(ref: string, what: string, runs: readonly Candidate[]): Error {
  const shown = runs.slice(0, 10).map(describe).join(', ');
  const more = runs.length > 10 ? ` and ${runs.length - 10} more` : '';
  return new Error(`the ${what} '${ref}' matches ${runs.length} runs: ${shown}${more}; give more of the id`);
}
