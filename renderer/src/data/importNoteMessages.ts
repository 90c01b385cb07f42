// What an import made of a CSV table or an image folder, and why an image file was skipped, in each language: the
// codes of main/api/importNotes.ts with the values main sends (rows, a delimiter, a file and a line, pixels…); the
// Chinese is main/api/importNotesZh.ts, which the command line words them with too.
import {
  IMAGE_SKIP_REASONS,
  IMPORT_NOTES,
  type ImportNoteCode,
  type SkipReasonCode,
} from '../../../main/api/importNotes';
import { IMAGE_SKIP_REASONS_ZH, IMPORT_NOTES_ZH } from '../../../main/api/importNotesZh';
import type { Messages } from '../lib/i18n.svelte';

export { IMAGE_FORMATS_ZH } from '../../../main/api/importNotesZh';

export const importNoteMessages: Messages<ImportNoteCode> = {
  en: { ...IMPORT_NOTES },
  'zh-CN': { ...IMPORT_NOTES_ZH },
};

/** Why a file was not read as an image, after its path. */
export const skipReasonMessages: Messages<SkipReasonCode> = {
  en: { ...IMAGE_SKIP_REASONS },
  'zh-CN': { ...IMAGE_SKIP_REASONS_ZH },
};
