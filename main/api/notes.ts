// Notes a finished import or export comes with, as codes with values: each family's English sentences live beside
// its codes (importNotes.ts, exportNotes.ts); the renderer words the same codes from its own tables in each language.
import { fillMessage } from '../../engine/core/spec/problemText';
import type { ValuesOf } from './problemValues';

/** A code of `Table` with the values its English sentence names: `{ code: 'csv-rows-read', values: { rows: 60000 } }`. */
export type CodedNote<Table extends Record<string, string>> = {
  [Code in keyof Table & string]: { readonly code: Code; readonly values: ValuesOf<Table[Code]> };
}[keyof Table & string];

/** The note in English, from its family's table (the CLI, logs and tests). */
export function noteInEnglish<Table extends Record<string, string>>(table: Table, note: CodedNote<Table>): string {
  return fillMessage(table[note.code], note.values);
}
