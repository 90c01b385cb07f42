// Finds the run a command names: its full id, a unique id prefix of at least 4 characters, or its exact name.
import type { RunSummary } from '../services/store/types';
import { CliError } from './errorWords';
import { dateText } from './format';
import { inEachLanguage, type CliLocale } from './locale';
import { TRAINING_WORDS } from './trainingWords';

export const MIN_PREFIX = 4;

type Candidate = Pick<RunSummary, 'id' | 'name' | 'status' | 'createdAt'>;

/** A run in a list of candidates, its status in `locale`'s words, created at local time (as `runs` shows it). */
function describe(run: Candidate, locale: CliLocale): string {
  const status = TRAINING_WORDS[locale][`status_${run.status}`];
  const [open, comma, close] = locale === 'zh' ? ['（', '，', '）'] : [' (', ', ', ')'];
  return `${run.id.slice(0, 8)} '${run.name}'${open}${status}${comma}${dateText(run.createdAt)}${close}`;
}

/** The one run `ref` names among `runs`; an error listing the candidates when it names several, or none. */
export function resolveRun<T extends Candidate>(runs: readonly T[], ref: string): T {
  const wanted = ref.trim();
  if (!wanted) throw new CliError('which-run');
  const byId = runs.find((r) => r.id === wanted);
  if (byId) return byId;
  const byName = runs.filter((r) => r.name === wanted);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw ambiguous(wanted, 'name', byName);
  const lower = wanted.toLowerCase();
  if (wanted.length >= MIN_PREFIX) {
    const byPrefix = runs.filter((r) => r.id.toLowerCase().startsWith(lower));
    if (byPrefix.length === 1) return byPrefix[0];
    if (byPrefix.length > 1) throw ambiguous(wanted, 'prefix', byPrefix);
  }
  if (runs.length === 0) throw new CliError('no-run-yet', { run: wanted });
  if (wanted.length < MIN_PREFIX && /^[0-9a-f-]+$/i.test(wanted))
    throw new CliError('no-run-short-prefix', { run: wanted, min: MIN_PREFIX });
  throw new CliError('no-run', { run: wanted });
}

function ambiguous(ref: string, by: 'name' | 'prefix', runs: readonly Candidate[]): CliError {
  const listed = inEachLanguage((locale) => ({
    runs: runs
      .slice(0, 10)
      .map((run) => describe(run, locale))
      .join(', '),
  }));
  if (runs.length <= 10) return new CliError(`${by}-matches-runs`, { ref, count: runs.length }, listed);
  return new CliError(`${by}-matches-many-runs`, { ref, count: runs.length, more: runs.length - 10 }, listed);
}
