// A refusal that quotes a reason carries it twice: in English as `reason` (the CLI and the thrown message), and as
// a code with values flat among the refusal's own values, so the studio words it in the user's language. Two kinds:
// an example file's reason for being skipped (an image folder with no readable images, a path with nothing to
// predict on: 'why', 'why.<name>') and the system's reason a folder could not be read ('system', 'system.<name>').
import { IMAGE_SKIP_REASONS, type SkipReason } from './importNotes';
import { noteInEnglish, type CodedNote } from './notes';
import { SYSTEM_ERRORS, systemErrorOf, type SystemError } from './systemErrors';

type Values = Readonly<Record<string, string | number>>;
type QuotedReasonValues = { readonly reason: string } & Values;

/** `note` flat: its code under `key`, each value under `key.name`. */
function flat(key: string, note: { code: string; values: Values }): Values {
  const values = Object.entries(note.values).map(([name, value]) => [`${key}.${name}`, value]);
  return { [key]: note.code, ...Object.fromEntries(values) };
}

/** The note `flat` wrote under `key`, when its code is one of `table`'s. */
function unflat<Table extends Record<string, string>>(
  key: string,
  table: Table,
  values: Values,
): CodedNote<Table> | null {
  const code = values[key];
  if (typeof code !== 'string' || !Object.hasOwn(table, code)) return null;
  const own = Object.entries(values)
    .filter(([name]) => name.startsWith(`${key}.`))
    .map(([name, value]) => [name.slice(key.length + 1), value]);
  return { code, values: Object.fromEntries(own) } as CodedNote<Table>;
}

/** The values a refusal quoting an example file adds for that file's reason (`reason`: the same in English). */
export function exampleReasonValues(example: { why: SkipReason; reason: string }): QuotedReasonValues {
  return { reason: example.reason, ...flat('why', example.why) };
}

/** The example's reason as a code with values, from a refusal's values (null when it quotes none, or an unknown code). */
export function exampleReasonOf(values: Values): SkipReason | null {
  return unflat('why', IMAGE_SKIP_REASONS, values);
}

/** The values a refusal adds for the system's reason a file-system call failed with `error`. */
export function systemReasonValues(error: unknown): QuotedReasonValues {
  const why = systemErrorOf(error);
  return { reason: noteInEnglish(SYSTEM_ERRORS, why), ...flat('system', why) };
}

/** The system's reason as a code with values, from a refusal's values (null when it quotes none). */
export function systemReasonOf(values: Values): SystemError | null {
  return unflat('system', SYSTEM_ERRORS, values);
}
