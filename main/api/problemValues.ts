// The values a coded problem's English sentence names, read from the sentence itself: a construction site that
// leaves one out, or names one the sentence does not use, does not compile.

/** The `{name}` placeholders of a message template, as a union of names ('{file}, line {line}' → 'file' | 'line'). */
export type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Every value `Text` names, each a string or number (what the message tables fill in). */
export type ValuesOf<Text extends string> = { readonly [Name in Placeholders<Text>]: string | number };

/** A coded error's constructor arguments: a code of `Table` with the values its sentence names. */
export type CodeAndValues<Table extends Record<string, string>> = {
  [Code in keyof Table & string]: [code: Code, values: ValuesOf<Table[Code]>];
}[keyof Table & string];
