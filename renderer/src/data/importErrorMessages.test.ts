// Every code a refused CSV table or image folder can come with, and every note a finished import or export comes
// with, has words in English and Chinese, each filling every value main sends; a refusal as main sends it is worded
// from these tables (state/errorWords.ts).
import { describe, expect, it } from 'vitest';
import { CSV_IMPORT_PROBLEMS } from '../../../main/api/csvImportProblems';
import { IMAGE_IMPORT_PROBLEMS } from '../../../main/api/imageImportProblems';
import { IMAGE_SKIP_REASONS, IMPORT_NOTES } from '../../../main/api/importNotes';
import { EXPORT_NOTES } from '../../../main/api/exportNotes';
import { CSV_PREVIEW_PROBLEMS } from '../../../main/api/csvPreviewProblems';
import { exportNoteMessages } from '../experiments/exportNoteMessages';
import { StudioError } from '../lib/host';
import { errorWording } from '../state/errorWords';
import { MORE_NAMES_ENGLISH } from '../../../main/api/nameLists';
import { SYSTEM_ERRORS } from '../../../main/api/systemErrors';
import {
  csvImportErrorMessages,
  csvPlaceMessages,
  imageImportErrorMessages,
  moreNamesMessages,
  systemErrorMessages,
} from './importErrorMessages';
import { importNoteMessages, skipReasonMessages } from './importNoteMessages';
import { csvPreviewLineMessages, csvPreviewMessages } from './previewProblemMessages';

// The locales (lib/i18n.svelte.ts holds runes, which run only in the compiled app).
const LOCALES = ['en', 'zh-CN'] as const;

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Each table against its source of truth: the English sentences main throws, or words its notes with. */
const FAMILIES = [
  { name: 'image folder refusals', english: IMAGE_IMPORT_PROBLEMS, words: imageImportErrorMessages },
  { name: 'CSV table refusals', english: CSV_IMPORT_PROBLEMS, words: csvImportErrorMessages },
  { name: "the system's reasons a folder cannot be read", english: SYSTEM_ERRORS, words: systemErrorMessages },
  { name: 'more names after a list', english: { more: MORE_NAMES_ENGLISH }, words: moreNamesMessages },
  { name: 'import notes', english: IMPORT_NOTES, words: importNoteMessages },
  { name: 'reasons an image file is skipped', english: IMAGE_SKIP_REASONS, words: skipReasonMessages },
  { name: 'export notes', english: EXPORT_NOTES, words: exportNoteMessages },
  { name: 'CSV preview problems', english: CSV_PREVIEW_PROBLEMS, words: csvPreviewMessages },
] as const;

describe.each(FAMILIES)('$name', ({ english, words }) => {
  it.each(Object.keys(english))('%s is worded in every language, with every value main sends filled in', (code) => {
    const values = Object.fromEntries(placeholders(english[code as keyof typeof english]).map((n) => [n, `«${n}»`]));
    for (const locale of LOCALES) {
      const text = (words[locale] as Record<string, string>)[code];
      expect(text?.trim(), `${locale} ${code}`).toBeTruthy();
      expect(placeholders(text), `${locale} ${code}`).toEqual(Object.keys(values).sort());
      const filled = text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
      expect(filled, `${locale} ${code}`).not.toMatch(/\{\w+\}/);
    }
    // Chinese words, not the English sentence copied: without its values, the sentence is mostly Han characters.
    const zhText = (words['zh-CN'] as Record<string, string>)[code].replace(/\{\w+\}/g, '');
    if (zhText.replace(/[\s\p{P}]/gu, '').length > 0) expect(zhText, code).toMatch(/\p{Script=Han}/u);
  });

  it('has no words for codes main does not send', () => {
    for (const locale of LOCALES) expect(Object.keys(words[locale]).sort()).toEqual(Object.keys(english).sort());
  });
});

describe('where a CSV problem is', () => {
  it('names the file, and the line when there is one, around the problem in every language', () => {
    for (const locale of LOCALES) {
      expect(placeholders(csvPlaceMessages[locale].inFile), locale).toEqual(['file', 'problem']);
      expect(placeholders(csvPlaceMessages[locale].onLine), locale).toEqual(['file', 'line', 'problem']);
      expect(placeholders(csvPreviewLineMessages[locale].onLine), locale).toEqual(['line', 'problem']);
    }
  });
});

describe('a refused import as the studio receives it', () => {
  it('is worded from the image-folder table with its folder and class folder', () => {
    const refused = new StudioError({
      message:
        "/data/pets: has only one class folder ('cats'); a classifier needs at least 2, one sub-folder of images per class",
      code: 'images-one-class',
      params: { folder: '/data/pets', className: 'cats' },
    });
    expect(errorWording(refused)).toEqual({
      table: 'imageImport',
      key: 'one-class',
      params: { folder: '/data/pets', className: 'cats' },
    });
  });

  it('is worded from the CSV table with its file, line and column', () => {
    const refused = new StudioError({
      message: 'iris.csv, line 4: the label column \'species\' is empty here (""); fix it, or …',
      code: 'csv-label-cell-missing',
      params: { file: 'iris.csv', line: 4, column: 'species', value: '""' },
    });
    expect(errorWording(refused)).toEqual({
      table: 'csvImport',
      key: 'label-cell-missing',
      params: { file: 'iris.csv', line: 4, column: 'species', value: '""' },
    });
  });

  it('keeps the English message of a code no table knows', () => {
    const refused = new StudioError({ message: 'x.csv: odd', code: 'images-no-such-code', params: {} });
    expect(errorWording(refused)).toEqual({ table: null, text: 'x.csv: odd' });
  });
});
