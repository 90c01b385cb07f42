// A refusal that quotes an example file (an image folder with no readable images, a path with nothing to predict
// on) carries that file's reason twice: in English as `reason` (the CLI and the thrown message) and as its code with
// values, flat among the refusal's own values ('why', 'why.<name>'), so the studio words it in the user's language.
import { IMAGE_SKIP_REASONS, type SkipReason } from './importNotes';

type ExampleReasonValues = { readonly reason: string } & Readonly<Record<string, string | number>>;

const CODE_KEY = 'why';
const VALUE_PREFIX = 'why.';

/** The values a refusal quoting an example file adds for that file's reason (`reason`: the same in English). */
export function exampleReasonValues(example: { why: SkipReason; reason: string }): ExampleReasonValues {
  const values = Object.entries(example.why.values).map(([name, value]) => [`${VALUE_PREFIX}${name}`, value]);
  return { reason: example.reason, [CODE_KEY]: example.why.code, ...Object.fromEntries(values) };
}

/** The example's reason as a code with values, from a refusal's values (null when it quotes none, or an unknown code). */
export function exampleReasonOf(values: Readonly<Record<string, string | number>>): SkipReason | null {
  const code = values[CODE_KEY];
  if (typeof code !== 'string' || !Object.hasOwn(IMAGE_SKIP_REASONS, code)) return null;
  const own = Object.entries(values)
    .filter(([name]) => name.startsWith(VALUE_PREFIX))
    .map(([name, value]) => [name.slice(VALUE_PREFIX.length), value]);
  return { code, values: Object.fromEntries(own) } as SkipReason;
}
