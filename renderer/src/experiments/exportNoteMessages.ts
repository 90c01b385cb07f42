// What an export says beside its files, in each language: the codes of main/api/exportNotes.ts with the values main
// sends (an epoch, file names, commands to copy); the Chinese is main/api/exportNotesZh.ts, shared with the CLI.
import { EXPORT_NOTES, type ExportNoteCode } from '../../../main/api/exportNotes';
import { EXPORT_NOTES_ZH } from '../../../main/api/exportNotesZh';
import type { Messages } from '../lib/i18n.svelte';

export const exportNoteMessages: Messages<ExportNoteCode> = {
  en: { ...EXPORT_NOTES },
  'zh-CN': { ...EXPORT_NOTES_ZH },
};
