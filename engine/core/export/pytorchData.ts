// The data part of the PyTorch script: reads the same CSV (column types, one-hot categories, labels in the same
// class order) or image folder as the studio, as raw tensors; the script then applies the stored standardization.

import { py } from './python';

/** A CSV column feeding the model: a number, or a category one-hot encoded over `categories` in that order. */
export type CsvFeatureColumn =
  { name: string; type: 'number' } | { name: string; type: 'category'; categories: readonly string[] };

export type ScriptData =
  | {
      kind: 'csv';
      path: string;
      /** The class column (classification), or the target column(s) (regression). */
      labelColumn: string | readonly string[];
      /** In the order of the model's input features. */
      featureColumns: readonly CsvFeatureColumn[];
      delimiter?: string;
    }
  | {
      kind: 'images';
      /** A folder with one subfolder of images per class, named like the class. */
      path: string;
      /** [height, width] every image is resized to. */
      size: readonly [number, number];
      grayscale: boolean;
    };

/**
 * Feature columns from a dataset manifest's featureNames: one-hot features are named `column=value` and come in
 * runs; every other name is a number column.
 */
export function csvColumnsFromFeatureNames(featureNames: readonly string[]): CsvFeatureColumn[] {
  const columns: CsvFeatureColumn[] = [];
  for (const name of featureNames) {
    const cut = name.indexOf('=');
    if (cut <= 0) {
      columns.push({ name, type: 'number' });
      continue;
    }
    const column = name.slice(0, cut);
    const value = name.slice(cut + 1);
    const last = columns[columns.length - 1];
    if (last && last.type === 'category' && last.name === column) (last.categories as string[]).push(value);
    else columns.push({ name: column, type: 'category', categories: [value] });
  }
  return columns;
}

export interface DataContext {
  task: 'classification' | 'regression';
  inputShape: readonly number[];
  /** Width of the model's output vector. */
  outputWidth: number;
}

export interface DataSource {
  settings: string;
  reader: string;
}

export function pytorchDataSource(data: ScriptData, ctx: DataContext): DataSource {
  switch (data.kind) {
    case 'csv':
      return csvSource(data, ctx);
    case 'images':
      return imageSource(data, ctx);
    default:
      throw new Error(`PyTorch export: unknown data kind '${(data as { kind: string }).kind}'; use 'csv' or 'images'`);
  }
}

function csvSource(data: Extract<ScriptData, { kind: 'csv' }>, ctx: DataContext): DataSource {
  const labels = typeof data.labelColumn === 'string' ? [data.labelColumn] : [...data.labelColumn];
  if (labels.length === 0 || labels.some((l) => typeof l !== 'string' || l === ''))
    throw new Error('PyTorch export: name the label column of the CSV');
  if (ctx.task === 'classification' && labels.length !== 1)
    throw new Error(`PyTorch export: a classification CSV has one label column, got ${labels.length}`);
  if (ctx.task === 'regression' && labels.length !== ctx.outputWidth) {
    throw new Error(
      `PyTorch export: the model outputs ${ctx.outputWidth} value(s) per row but ${labels.length} target column(s) are named`,
    );
  }
  if (ctx.inputShape.length !== 1)
    throw new Error(
      `PyTorch export: CSV rows are feature vectors, but the model's input is [${ctx.inputShape.join(', ')}]`,
    );
  let width = 0;
  for (const column of data.featureColumns) {
    if (column.type === 'number') width += 1;
    else if (column.type === 'category' && column.categories.length > 0) width += column.categories.length;
    else
      throw new Error(
        `PyTorch export: CSV column '${column.name}' must be a 'number' or a 'category' with at least one category`,
      );
    if (labels.includes(column.name))
      throw new Error(`PyTorch export: column '${column.name}' cannot be both a feature and the label`);
  }
  if (width !== ctx.inputShape[0]) {
    throw new Error(
      `PyTorch export: the feature columns encode to ${width} values per row, but the model's input takes ${ctx.inputShape[0]}`,
    );
  }
  const delimiter = data.delimiter ?? ',';
  if (delimiter.length !== 1)
    throw new Error(`PyTorch export: the CSV delimiter must be one character, got ${JSON.stringify(delimiter)}`);
  const columns = data.featureColumns.map((c) => [c.name, c.type === 'number' ? null : [...c.categories]]);
  const labelLines =
    ctx.task === 'classification'
      ? [
          '        cell = row[label_at[0]].strip()',
          '        if cell not in CLASS_NAMES:',
          '            raise SystemExit(f"{path}, row {line}: the label \'{cell}\' is not one of the classes {CLASS_NAMES}")',
          '        labels.append(CLASS_NAMES.index(cell))',
        ]
      : ['        labels.append([number(row[at], path, line, header[at]) for at in label_at])'];
  const settings = [
    `FEATURE_COLUMNS = ${py(columns)}  # [name, None] is a number; [name, [categories]] is one-hot over them, in order`,
    `LABEL_COLUMNS = ${py(labels)}`,
    `DELIMITER = ${py(delimiter)}`,
  ].join('\n');
  const reader = [
    'def read_data(path):',
    '    """The CSV as tensors: features [N, F] (numbers and one-hot categories, not yet standardized) and labels."""',
    "    with open(path, newline='', encoding='utf-8-sig') as f:",
    '        rows = list(csv.reader(f, delimiter=DELIMITER))',
    '    if not rows:',
    "        raise SystemExit(f'{path} is empty')",
    '    header = [name.strip() for name in rows[0]]',
    '',
    '    def index(name):',
    '        if name not in header:',
    "            raise SystemExit(f\"{path} has no column '{name}' (its columns: {', '.join(header)})\")",
    '        return header.index(name)',
    '',
    '    feature_at = [(index(name), categories) for name, categories in FEATURE_COLUMNS]',
    '    label_at = [index(name) for name in LABEL_COLUMNS]',
    '    features, labels = [], []',
    '    for line, row in enumerate(rows[1:], start=2):',
    '        if not any(cell.strip() for cell in row):',
    '            continue',
    '        if len(row) < len(header):',
    "            raise SystemExit(f'{path}, row {line}: {len(row)} cells, but the header has {len(header)}')",
    '        values = []',
    '        for at, categories in feature_at:',
    '            if categories is None:',
    '                values.append(number(row[at], path, line, header[at]))',
    '            elif row[at].strip() in categories:',
    '                values.extend(1.0 if row[at].strip() == c else 0.0 for c in categories)',
    '            else:',
    "                raise SystemExit(f\"{path}, row {line}: '{row[at]}' in column '{header[at]}' is not one of {categories}\")",
    '        features.append(values)',
    ...labelLines,
    `    return torch.tensor(features, dtype=torch.float32), torch.tensor(labels, dtype=${ctx.task === 'classification' ? 'torch.long' : 'torch.float32'})`,
    '',
    '',
    'def number(cell, path, line, column):',
    '    try:',
    '        value = float(cell)',
    '    except ValueError:',
    "        value = float('nan')",
    '    if not math.isfinite(value):',
    "        raise SystemExit(f\"{path}, row {line}: '{cell.strip()}' in column '{column}' is not a number\")",
    '    return value',
  ].join('\n');
  return { settings, reader };
}

function imageSource(data: Extract<ScriptData, { kind: 'images' }>, ctx: DataContext): DataSource {
  if (ctx.task !== 'classification')
    throw new Error('PyTorch export: an image folder gives class labels, so the task must be classification');
  const [height, width] = data.size;
  const channels = data.grayscale ? 1 : 3;
  if (![height, width].every((d) => Number.isInteger(d) && d >= 1))
    throw new Error(
      `PyTorch export: the image size must be [height, width] in whole pixels, got ${JSON.stringify(data.size)}`,
    );
  const shape = ctx.inputShape.join(', ');
  if (
    ctx.inputShape.length !== 3 ||
    ctx.inputShape[0] !== channels ||
    ctx.inputShape[1] !== height ||
    ctx.inputShape[2] !== width
  ) {
    throw new Error(
      `PyTorch export: ${data.grayscale ? 'grayscale' : 'colour'} ${height}×${width} images are [${channels}, ${height}, ${width}], but the model's input is [${shape}]`,
    );
  }
  const settings = [
    `IMAGE_SIZE = (${height}, ${width})  # height, width every image is resized to`,
    `GRAYSCALE = ${py(data.grayscale)}`,
  ].join('\n');
  const reader = [
    'def is_image(path):',
    '    """What the studio imports: a file whose first bytes say PNG, JPEG, WebP, GIF or BMP, whatever its name."""',
    '    if not os.path.isfile(path):',
    '        return False',
    "    with open(path, 'rb') as f:",
    '        head = f.read(16)',
    "    return (head.startswith((b'\\x89PNG\\r\\n\\x1a\\n', b'\\xff\\xd8\\xff', b'GIF87a', b'GIF89a', b'BM'))",
    "            or (head[:4] == b'RIFF' and head[8:12] == b'WEBP'))",
    '',
    '',
    'def read_data(path):',
    '    """An image folder (one subfolder per class, named like the class) as [N, C, H, W] pixels in [0, 1] and labels,',
    '    in the studio\'s row order: classes in CLASS_NAMES order, files sorted by name, hidden and damaged files left out."""',
    '    from PIL import Image',
    '    try:',
    '        from torchvision import transforms',
    '        to_tensor = transforms.Compose([transforms.Resize(IMAGE_SIZE), transforms.ToTensor()])',
    '    except ImportError:',
    '        def to_tensor(image):  # the same two steps with PIL alone',
    '            image = image.resize((IMAGE_SIZE[1], IMAGE_SIZE[0]), Image.BILINEAR)',
    '            pixels = torch.frombuffer(bytearray(image.tobytes()), dtype=torch.uint8)',
    '            return pixels.view(IMAGE_SIZE[0], IMAGE_SIZE[1], -1).permute(2, 0, 1).float() / 255',
    '    images, labels = [], []',
    '    for label, name in enumerate(CLASS_NAMES):',
    '        folder = os.path.join(path, name)',
    '        if not os.path.isdir(folder):',
    "            raise SystemExit(f\"{path} has no folder '{name}' for the class '{name}'\")",
    '        for file in sorted(os.listdir(folder)):',
    '            file_path = os.path.join(folder, file)',
    "            if file.startswith('.') or not is_image(file_path):",
    '                continue',
    '            try:',
    '                with Image.open(file_path) as image:',
    "                    pixels = to_tensor(image.convert('L' if GRAYSCALE else 'RGB'))",
    '            except (OSError, SyntaxError, ValueError) as error:',
    "                # A damaged or truncated file: the studio's import skipped it too (the split file checks the rows).",
    "                print(f'skipped {file_path}: {error}', file=sys.stderr)",
    '                continue',
    '            images.append(pixels)',
    '            labels.append(label)',
    '    if not images:',
    "        raise SystemExit(f'{path} holds no images')",
    '    return torch.stack(images), torch.tensor(labels, dtype=torch.long)',
  ].join('\n');
  return { settings, reader };
}
