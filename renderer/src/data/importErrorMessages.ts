// Why a CSV table or an image folder was refused, in each language: the codes of main/api/csvImportProblems.ts and
// main/api/imageImportProblems.ts with the values main sends (file, line, column, folder, sub-folder, image…). The
// Chinese is main/api's (csvImportProblemsZh.ts, imageProblemsZh.ts), which the command line words them with too.
import { CSV_IMPORT_PROBLEMS, type CsvImportProblem } from '../../../main/api/csvImportProblems';
import { CSV_IMPORT_PROBLEMS_ZH, CSV_PLACES_ZH } from '../../../main/api/csvImportProblemsZh';
import { IMAGE_IMPORT_PROBLEMS, type ImageImportProblem } from '../../../main/api/imageImportProblems';
import { IMAGE_IMPORT_PROBLEMS_ZH, MORE_NAMES_ZH, SYSTEM_ERRORS_ZH } from '../../../main/api/imageProblemsZh';
import { MORE_NAMES_ENGLISH } from '../../../main/api/nameLists';
import { SYSTEM_ERRORS, type SystemErrorCode } from '../../../main/api/systemErrors';
import type { Messages } from '../lib/i18n.svelte';

export const imageImportErrorMessages: Messages<ImageImportProblem> = {
  en: { ...IMAGE_IMPORT_PROBLEMS },
  'zh-CN': { ...IMAGE_IMPORT_PROBLEMS_ZH },
};

/** Why the system would not read a folder, inside a refusal's sentence (main/api/systemErrors.ts). */
export const systemErrorMessages: Messages<SystemErrorCode> = {
  en: { ...SYSTEM_ERRORS },
  'zh-CN': { ...SYSTEM_ERRORS_ZH },
};

/** How many more names a refusal's list has, after the first five (main/api/nameLists.ts). */
export const moreNamesMessages: Messages<'more'> = {
  en: { more: MORE_NAMES_ENGLISH },
  'zh-CN': { more: MORE_NAMES_ZH },
};

/** What a CSV problem is, after where it is (csvPlaceMessages). */
export const csvImportErrorMessages: Messages<CsvImportProblem> = {
  en: { ...CSV_IMPORT_PROBLEMS },
  'zh-CN': { ...CSV_IMPORT_PROBLEMS_ZH },
};

/** Where a CSV problem is: its file, and its 1-based line when it is on one. */
export const csvPlaceMessages: Messages<'inFile' | 'onLine'> = {
  en: { inFile: '{file}: {problem}', onLine: '{file}, line {line}: {problem}' },
  'zh-CN': { ...CSV_PLACES_ZH },
};
