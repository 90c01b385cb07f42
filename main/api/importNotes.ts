// What an import made of a CSV table or an image folder, and why an image file was skipped, as codes with values:
// English here for the CLI, logs and errors; the renderer words the same codes from its own table
// (renderer/src/data/importNoteMessages.ts). Values are data: counts, a delimiter, a file and a line, pixels.
import { asSkipReasons, BMP_PROBLEMS, type BmpSkipReasons } from './bmpProblems';
import type { CodedNote } from './notes';

const INVALID_BYTE_ADVICE =
  'it was read as UTF-8 with each such byte replaced by \uFFFD. If the file uses another encoding, save it as UTF-8 and import it again.';

export const IMPORT_NOTES = {
  'csv-rows-read-header': "{rows} rows read ('{delimiter}'-separated, with a header)",
  'csv-rows-read-no-header': "{rows} rows read ('{delimiter}'-separated, without a header)",
  'csv-rows-read-tab-header': '{rows} rows read (tab-separated, with a header)',
  'csv-rows-read-tab-no-header': '{rows} rows read (tab-separated, without a header)',
  'csv-rows-dropped': '{rows} rows with missing values dropped',
  'csv-cells-filled': '{cells} missing cells filled',
  'csv-columns-renamed': '{count} header name(s) repeated or blank, so renamed: {columns}',
  'csv-features-classification': '{features} features after encoding; classification with {classes} classes',
  'csv-features-regression': '{features} features after encoding; regression',
  'csv-label-large':
    "the label '{column}' is {mean} ± {std} over the training rows: a network's outputs start near 0 and learn best on targets of about ±1, so its first errors and gradients are this large (plain SGD can diverge to NaN; Adam needs many steps to grow its outputs that far). Import it with the label standardized (the default), or divide the column by {divisor} before importing: {scaledMean} ± {scaledStd}.",
  'csv-label-standardized':
    "the label '{column}' is {mean} ± {std} over the training rows: the model learns it standardized, (value − {mean}) / {std}, near ±1 where networks learn best. Its loss is on that scale; its predictions, MAE and RMSE are in the label's units.",
  'csv-invalid-byte': `{file}: line {line} holds the byte 0x{byte}, which is not UTF-8, in a file that reads as UTF-8 up to there; ${INVALID_BYTE_ADVICE}`,
  'csv-invalid-byte-bom': `{file}: line {line} holds the byte 0x{byte}, which is not UTF-8, in a file that starts with a UTF-8 byte-order mark; ${INVALID_BYTE_ADVICE}`,
  'split-from-column': "split from column '{column}': {train} train, {validation} validation, {test} test",
  'split-from-folders': 'split from folders {folders}: {train} train, {validation} validation, {test} test',
  'images-read-grayscale': '{images} images in {classes} classes, resized to {height}×{width} grayscale',
  'images-read-rgb': '{images} images in {classes} classes, resized to {height}×{width} RGB',
} as const;

export type ImportNote = CodedNote<typeof IMPORT_NOTES>;
export type ImportNoteCode = keyof typeof IMPORT_NOTES;
/** The note on a CSV file's first byte that is not UTF-8. */
export type InvalidByteNote = Extract<ImportNote, { code: 'csv-invalid-byte' | 'csv-invalid-byte-bom' }>;

const NESTED_ADVICE =
  'not imported (only images directly in a class folder are imported: move them up, or make the folder a class of its own)';

/** The formats an image folder's files may be in (main/services/datasets/images/formats.ts), written out in English. */
export const IMAGE_FORMATS_TEXT = 'PNG, JPEG, WebP, BMP or GIF';

/** Why a file in an image folder was not read as an image. `error` is the system's own word for a failed read. */
export const IMAGE_SKIP_REASONS = {
  unreadable: 'cannot be read ({error})',
  'link-or-permission': 'cannot be read (a broken link or no permission)',
  'empty-file': 'an empty file',
  'not-an-image': `not a ${IMAGE_FORMATS_TEXT} image`,
  'too-large':
    'a {format} image too large to import: {width}×{height} pixels ({megapixels} megapixels; the limit is {limit} megapixels per image). Shrink it first.',
  // Why our BMP decoder refused the file: 'bmp-<code>' of bmpProblems.ts, e.g. 'bmp-compressed' { method: 'RLE8' }.
  ...(asSkipReasons(BMP_PROBLEMS, (detail) => `a BMP file that cannot be read (${detail})`) as BmpSkipReasons),
  damaged: 'a damaged or truncated {format} file',
  'outside-class-folders': "not in a class folder (put each class's images in a sub-folder named for the class)",
  'not-a-file-or-folder': 'not a file or folder',
  'not-a-file': 'not a file',
  'nested-folder-one': `a folder inside the class folder '{className}', holding {files} file, ${NESTED_ADVICE}`,
  'nested-folder': `a folder inside the class folder '{className}', holding {files} files, ${NESTED_ADVICE}`,
  'not-a-run-class': "a folder not named for one of the run's classes ({classes}), so its images were not read",
} as const;

export type SkipReason = CodedNote<typeof IMAGE_SKIP_REASONS>;
export type SkipReasonCode = keyof typeof IMAGE_SKIP_REASONS;
