// A refused image folder (or image path) that quotes a reason (an example file's, the system's) says it in the
// user's language: the Chinese studio shows no English clause inside its sentence, only the names it quotes.
import { describe, expect, it } from 'vitest';
import { exampleReasonValues, systemReasonValues } from '../../../main/api/quotedReasons';
import { IMAGE_IMPORT_PROBLEMS } from '../../../main/api/imageImportProblems';
import { IMAGE_PREDICTION_PROBLEMS } from '../../../main/api/imagePredictionProblems';
import { SYSTEM_ERRORS } from '../../../main/api/systemErrors';
import { IMAGE_SKIP_REASONS, type SkipReason } from '../../../main/api/importNotes';
import { nameListValues } from '../../../main/api/nameLists';
import { noteInEnglish } from '../../../main/api/notes';
import { fillMessage } from '../../../engine/core/spec/problemText';
import { imagePredictionProblemMessages } from '../imagePredictions/messages';
import { StudioError } from '../lib/host';
import { errorWording } from '../state/errorWords';
import { imageImportErrorMessages, moreNamesMessages, systemErrorMessages } from './importErrorMessages';
import { skipReasonMessages } from './importNoteMessages';
import { withQuotedReason, wordedValues, type ReasonWords, type ValueWords } from './quotedReasonText';

type Locale = 'en' | 'zh-CN';
type Values = Record<string, string | number>;

const fill = (text: string, values: Values) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => (name in values ? String(values[name]) : `{${name}}`));

/** The refusal as the studio words it (state/errorText.ts, without the app's runes), in `locale`. */
function worded(code: string, message: string, params: Values, locale: Locale): string {
  const wording = errorWording(new StudioError({ message, code, params }));
  const words: ValueWords = {
    skip: (key, values) => fill(skipReasonMessages[locale][key], values),
    system: (key, values) => fill(systemErrorMessages[locale][key], values),
    more: (count) => fill(moreNamesMessages[locale].more, { count }),
  };
  switch (wording.table) {
    case 'imageImport':
      return fill(imageImportErrorMessages[locale][wording.key], wordedValues(wording.params, words));
    case 'imagePrediction':
      return fill(imagePredictionProblemMessages[locale][wording.key], wordedValues(wording.params, words));
    default:
      throw new Error(`${code} is not worded as an image refusal`);
  }
}

/** Every refusal that quotes an example file, with its own values: names of folders and files, and counts. */
const REFUSALS = [
  {
    table: IMAGE_IMPORT_PROBLEMS,
    prefix: 'images-',
    code: 'no-readable-images',
    values: { folder: '/data/pets', count: 2 },
  },
  {
    table: IMAGE_IMPORT_PROBLEMS,
    prefix: 'images-',
    code: 'class-folder-unreadable',
    values: { folder: '/data/pets', classes: "'dogs'" },
  },
  {
    table: IMAGE_IMPORT_PROBLEMS,
    prefix: 'images-',
    code: 'class-folders-unreadable',
    values: { folder: '/data/pets', classes: "'dogs', 'owls'" },
  },
  { table: IMAGE_PREDICTION_PROBLEMS, prefix: 'predict-', code: 'not-an-image', values: { path: '/data/pets' } },
  { table: IMAGE_PREDICTION_PROBLEMS, prefix: 'predict-', code: 'no-images-one', values: { path: '/data/pets' } },
  {
    table: IMAGE_PREDICTION_PROBLEMS,
    prefix: 'predict-',
    code: 'no-images',
    values: { path: '/data/pets', skipped: 3 },
  },
] as const;

/**
 * The names a Chinese sentence keeps in Latin letters: the quoted folder, classes and file (their own names), the
 * image formats, a BMP's "BM" tag, an OS/2 header and a hexadecimal mask's 0x.
 */
const NAMES = /\/data\/pets|'dogs'|'owls'|dogs\/a\.bmp|PNG|JPEG|WebP|BMP|GIF|"BM"|OS\/2|0x/g;

describe("a refusal's example file", () => {
  // Each skip reason with a number for every value: what is left in Latin letters comes from the sentences.
  const reasons = Object.entries(IMAGE_SKIP_REASONS).map(([code, english]) => {
    const values = Object.fromEntries([...english.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 7]));
    return { code, values } as SkipReason;
  });

  it.each(REFUSALS.flatMap((refusal) => reasons.map((why) => ({ ...refusal, why }))))(
    '$code with the reason $why.code has no English in Chinese, and the English main sends in English',
    ({ table, prefix, code, values, why }) => {
      const reason = noteInEnglish(IMAGE_SKIP_REASONS, why);
      const params = { ...values, example: 'dogs/a.bmp', ...exampleReasonValues({ why, reason }) };
      const message = fillMessage(table[code as keyof typeof table], params);
      const zh = worded(`${prefix}${code}`, message, params, 'zh-CN');
      expect(zh).toContain(code === 'not-an-image' ? '/data/pets' : 'dogs/a.bmp');
      expect(zh.replace(NAMES, ''), zh).not.toMatch(/[A-Za-z]/);
      expect(worded(`${prefix}${code}`, message, params, 'en')).toBe(message);
    },
  );

  it('is worded in Chinese from its code and values, e.g. an RLE8-compressed BMP', () => {
    const why: SkipReason = { code: 'bmp-compressed', values: { method: 'RLE8' } };
    const params = {
      folder: '/data/pets',
      count: 2,
      example: 'dogs/a.bmp',
      ...exampleReasonValues({ why, reason: noteInEnglish(IMAGE_SKIP_REASONS, why) }),
    };
    expect(worded('images-no-readable-images', 'English', params, 'zh-CN')).toBe(
      '/data/pets：类别文件夹中的 2 个文件都不是可读取的 PNG、JPEG、WebP、BMP 或 GIF 图片' +
        '（例如 dogs/a.bmp：无法读取的 BMP 文件（不支持 RLE8 压缩的文件（请另存为未压缩格式）））',
    );
  });

  it('keeps the English reason of a refusal that comes without its code', () => {
    const params = { folder: '/data/pets', count: 2, example: 'a.txt', reason: 'not an image' };
    const words: ReasonWords = { skip: () => 'worded', system: () => 'worded' };
    expect(withQuotedReason(params, words)).toEqual(params);
    expect(withQuotedReason({ ...params, why: 'no-such-code' }, words)).toEqual({ ...params, why: 'no-such-code' });
  });
});

describe("the system's reason a folder cannot be read", () => {
  const SYSTEM_REFUSALS = [
    { code: 'folder-unreadable', values: { folder: '/data/pets' } },
    { code: 'folder-unlistable', values: { folder: '/data/pets' } },
    { code: 'class-folder-unlistable', values: { folder: '/data/pets', subfolder: 'dogs' } },
  ] as const;
  const errors = Object.keys(SYSTEM_ERRORS).map((code) => ({ code: code === 'other' ? 'EXDEV' : code }));

  it.each(SYSTEM_REFUSALS.flatMap((refusal) => errors.map((error) => ({ ...refusal, error }))))(
    '$code for $error.code has no English in Chinese, and the English main sends in English',
    ({ code, values, error }) => {
      const params = { ...values, ...systemReasonValues(error) };
      const message = fillMessage(IMAGE_IMPORT_PROBLEMS[code], params);
      const zh = worded(`images-${code}`, message, params, 'zh-CN');
      // The system's own name for an error no table words (EXDEV) is kept, as a file's name is.
      expect(zh.replace(/\/data\/pets|'dogs'|EXDEV/g, ''), zh).not.toMatch(/[A-Za-z]/);
      expect(worded(`images-${code}`, message, params, 'en')).toBe(message);
    },
  );

  it('is worded in Chinese from its code, e.g. no permission', () => {
    const params = { folder: '/data/pets', ...systemReasonValues({ code: 'EACCES' }) };
    expect(params.reason).toBe('no permission to read it');
    expect(worded('images-folder-unlistable', 'English', params, 'zh-CN')).toBe(
      '/data/pets：无法读取该文件夹（没有读取权限）',
    );
  });
});

describe('a list of more than five names', () => {
  it('counts the rest in the words of the language, not in English', () => {
    const classes = ['b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const params = { folder: '/data/pets', ...nameListValues('classes', classes) };
    const message = 'English';
    expect(worded('images-class-folders-empty', message, params, 'zh-CN')).toBe(
      "/data/pets：类别文件夹 'b', 'c', 'd', 'e', 'f' 以及另外 2 个 中没有图片；请添加图片或删除这些文件夹",
    );
    expect(worded('images-class-folders-empty', message, params, 'en')).toBe(
      "/data/pets: the class folders 'b', 'c', 'd', 'e', 'f' and 2 more hold no images; add images or remove them",
    );
  });
});
