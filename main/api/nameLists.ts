// Names a refusal lists (class folders, folders inside them): the first five, and how many more flat beside them
// ('<key>.more'), which each language words when it fills the sentence ("and 3 more", "以及另外 3 个"); joined
// into the value in English, that tail stayed English inside a Chinese sentence.

const SHOWN = 5;

/** How many more names there are, after the first five, in English. */
export const MORE_NAMES_ENGLISH = ' and {count} more';

type Values = Readonly<Record<string, string | number>>;

/** The value `key` lists `names` under (quoted as 'cats' unless `quote` is false), with its count of more. */
export function nameListValues<Key extends string>(
  key: Key,
  names: readonly string[],
  quote = true,
): { readonly [Name in Key]: string } & Values {
  const shown = names.slice(0, SHOWN).map((name) => (quote ? `'${name}'` : name));
  const more = names.length > SHOWN ? { [`${key}.more`]: names.length - SHOWN } : {};
  return { [key]: shown.join(', '), ...more } as { readonly [Name in Key]: string } & Values;
}

/** `values` with each list's count of more worded after it by `more` (a language's words for it). */
export function withMoreNames(values: Values, more: (count: number) => string): Record<string, string | number> {
  const worded: Record<string, string | number> = { ...values };
  for (const [name, count] of Object.entries(values)) {
    const key = name.endsWith('.more') ? name.slice(0, -'.more'.length) : null;
    if (key !== null && typeof worded[key] === 'string' && typeof count === 'number')
      worded[key] = `${worded[key]}${more(count)}`;
  }
  return worded;
}
