// The notes an import or an export comes with (codes with values, main/api/importNotes.ts and exportNotes.ts) and
// why an image file was skipped, in the CLI's languages: main/api's tables, English and Simplified Chinese, the ones
// the studio words them with; and the line above an export's files.
// `--json` keeps the English text.
import { IMAGE_SKIP_REASONS, IMPORT_NOTES, type ImportNoteCode, type SkipReasonCode } from '../api/importNotes';
import { EXPORT_NOTES, type ExportNoteCode } from '../api/exportNotes';
import { IMAGE_SKIP_REASONS_ZH, IMPORT_NOTES_ZH } from '../api/importNotesZh';
import { EXPORT_NOTES_ZH } from '../api/exportNotesZh';
import { say, type CliLocale, type Words } from './locale';

export const IMPORT_NOTE_WORDS: Words<ImportNoteCode> = { en: IMPORT_NOTES, zh: IMPORT_NOTES_ZH };

export const SKIP_REASON_WORDS: Words<SkipReasonCode> = { en: IMAGE_SKIP_REASONS, zh: IMAGE_SKIP_REASONS_ZH };

export const EXPORT_NOTE_WORDS: Words<ExportNoteCode> = { en: EXPORT_NOTES, zh: EXPORT_NOTES_ZH };

/** The line above an export's files and notes. */
export const EXPORT_WORDS: Words<'exported'> = {
  en: { exported: "exported run {id} '{name}' as {format}:" },
  zh: { exported: "已将运行 {id} '{name}' 导出为 {format}：" },
};

/** A note (or a skip reason) in `locale`, from its family's words. */
export function noteText<Code extends string>(
  words: Words<Code>,
  note: { readonly code: Code; readonly values: Readonly<Record<string, string | number>> },
  locale: CliLocale,
): string {
  return say(words, locale, note.code, note.values);
}
