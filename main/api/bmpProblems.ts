// Why our BMP decoder (main/services/datasets/images/bmp.ts) could not read a file, as codes with values: English
// here for the CLI, logs and errors; an image folder's skipped file carries one as its reason ('bmp-<code>',
// importNotes.ts), which the renderer words in each language (renderer/src/data/importNoteMessages.ts).

export const BMP_PROBLEMS = {
  'not-bmp': 'the file does not start with "BM"',
  'truncated-header': 'the file is truncated inside its header',
  'header-size': 'unknown header size {size}',
  'truncated-pixels': 'the file is truncated: its {width}×{height} pixels need {needed} bytes, it has {bytes}',
  planes: '{planes} colour planes (must be 1)',
  'bad-size': 'the image is {width}×{height} pixels',
  'too-many-pixels': '{width}×{height} pixels is larger than the {limit} pixels allowed',
  'bit-depth': '{bits} bits per pixel is not supported',
  // `method` is the compression's own name (RLE8, RLE4, JPEG, PNG, CMYK…), as a format's name is.
  compressed: '{method}-compressed files are not supported (save it uncompressed)',
  'unknown-compression': 'unknown compression {compression}',
  'masks-bit-depth': 'bit-field masks with {bits} bits per pixel',
  'os2-top-down': 'negative height in an OS/2 header',
  'pixel-offset': 'the pixel data offset {offset} points inside the header',
  'palette-too-long': 'the palette claims {colors} colours, more than {bits} bits can index',
  'no-palette': 'a {bits}-bit image without a palette',
  'palette-index': 'pixel ({x}, {y}) uses colour {index} of a {colors}-colour palette',
  'masks-overlap': 'the bit-field masks overlap the pixel data',
  // `mask` in hexadecimal digits, without the 0x.
  'mask-too-wide': 'the colour mask 0x{mask} is wider than {bits} bits',
  'mask-not-contiguous': 'the colour mask 0x{mask} is not one run of bits',
  'masks-zero': 'the colour masks are all zero',
} as const;

export type BmpProblem = keyof typeof BMP_PROBLEMS;

/** A BMP problem as the reason a file is skipped: 'bmp-<code>', its English inside the skip reason's sentence. */
export type BmpSkipReasons = {
  readonly [Code in BmpProblem as `bmp-${Code}`]: `a BMP file that cannot be read (${(typeof BMP_PROBLEMS)[Code]})`;
};

/** Each BMP problem as a skip reason, its detail inside `sentence` (one per language: the English here, the renderer's). */
export function asSkipReasons<Words extends Record<BmpProblem, string>>(
  details: Words,
  sentence: (detail: string) => string,
): Record<`bmp-${BmpProblem}`, string> {
  return Object.fromEntries(
    Object.entries(details).map(([code, detail]) => [`bmp-${code}`, sentence(detail)]),
  ) as Record<`bmp-${BmpProblem}`, string>;
}
