// The README.md written beside every export: what the files are, how to prepare an input (preprocessing.ts), what
// the output means (class names in order; for standardized regression targets, who turns the outputs into the label's
// units), and small runnable examples in Python and JavaScript (onnxruntime-node).
import { preprocessingSteps, type Preprocessing } from './preprocessing';
import { py } from './python';
import { targetScales, targetScalingStep, type TargetScaling } from './targetScaling';
import type { SettingChange } from '../train/settingChanges';

export interface ReadmeInput {
  format: 'onnx' | 'safetensors' | 'pytorch';
  /** The run's name, shown in the title. */
  title: string;
  /** The model file (.onnx, .safetensors or the .py script); the examples load it from beside themselves. */
  modelFile: string;
  /** The weights file of a PyTorch export. */
  weightsFile?: string;
  /** Other files of the export with one line each on what they are. */
  files: Array<{ name: string; about: string }>;
  preprocessing: Preprocessing;
  task: 'classification' | 'regression';
  /** Class names in label order (classification). */
  classNames: readonly string[];
  /** Values the model outputs per sample. */
  outputWidth: number;
  /** ONNX: the graph also outputs `probabilities`. */
  probabilities?: boolean;
  /**
   * Regression trained on standardized targets: whether the export gives label units itself (ONNX 'fold', the
   * PyTorch script) or the reader multiplies by std and adds mean (safetensors, ONNX 'metadata'). Absent: the outputs
   * are in the label's units as they are.
   */
  targetScaling?: TargetScaling | null;
  /** Settings the run changed at pauses (listed; the PyTorch script applies them). */
  settingChanges?: readonly SettingChange[];
}

export function exportReadme(r: ReadmeInput): string {
  const p = r.preprocessing;
  const input = p.input;
  const inputShape = input.kind === 'images' ? [input.channels, input.height, input.width] : [input.features.length];
  const lines = [
    `# ${r.title}: ${FORMAT_TITLE[r.format]} exported by Netwright`,
    '',
    ...r.files.map((f) => `- \`${f.name}\`: ${f.about}`),
    '',
    '## Preparing an input',
    '',
    `The model takes float32 \`input\` of shape [batch, ${inputShape.join(', ')}]. Prepare each sample exactly as the training data was prepared:`,
    '',
    ...preprocessingSteps(p).map((step, i) => `${i + 1}. ${step}`),
    '',
    '## Reading the output',
    '',
    outputText(r),
    '',
    ...changesSection(r),
    '## Example in Python',
    '',
    ...pythonIntro(r),
    '```python',
    pythonExample(r),
    '```',
    '',
    '## Example in JavaScript (Node.js)',
    '',
    ...javascriptIntro(r),
    '```js',
    javascriptExample(r),
    '```',
    '',
  ];
  return lines.join('\n');
}

const SETTING_TITLE: Record<SettingChange['setting'], string> = {
  learningRate: 'learning rate',
  l1: 'L1',
  l2: 'L2',
  dropout: 'dropout rate',
  patience: 'early-stopping patience',
};

/** The settings changed while the run trained, as a table; empty when none were. */
function changesSection(r: ReadmeInput): string[] {
  const changes = r.settingChanges ?? [];
  if (changes.length === 0) return [];
  const where =
    r.format === 'pytorch'
      ? 'The script makes the same changes at the same epoch and optimizer step (its `SETTING_CHANGES`); a changed learning rate becomes the rate of every parameter group, and the schedule steps on from it.'
      : 'They shaped these weights; the model itself is the same whatever they were (dropout is not part of inference).';
  return [
    '## Settings changed during training',
    '',
    `The run's settings were changed while it was paused. ${where}`,
    '',
    '| epoch | after step | setting | from | to |',
    '|---|---|---|---|---|',
    ...changes.map(
      (c) =>
        `| ${c.epoch} | ${c.step} | ${SETTING_TITLE[c.setting]}${c.nodeId ? ` (${c.nodeId})` : ''} | ${c.from} | ${c.to} |`,
    ),
    '',
  ];
}

const FORMAT_TITLE: Record<ReadmeInput['format'], string> = {
  onnx: 'an ONNX model',
  safetensors: 'safetensors weights',
  pytorch: 'a PyTorch training script with its weights',
};

function outputText(r: ReadmeInput): string {
  const values = `\`output\` is [batch, ${r.outputWidth}]: the predicted value${r.outputWidth > 1 ? 's' : ''} of each sample`;
  if (r.task === 'regression' && r.targetScaling) return `${values}. ${targetScalingStep(r.targetScaling)}`;
  if (r.task === 'regression') return `${values}, in the units of the training targets.`;
  const classes = r.classNames.map((c, i) => `${i}: ${c}`).join(', ');
  const probabilities = r.probabilities
    ? ' The graph also outputs `probabilities`, the same scores turned into probabilities.'
    : '';
  if (r.outputWidth === 1) {
    return `\`output\` is [batch, 1]: one logit; above 0 means class "${r.classNames[1]}", otherwise "${r.classNames[0]}" (sigmoid gives the probability of "${r.classNames[1]}"). Classes: ${classes}.${probabilities}`;
  }
  return `\`output\` is [batch, ${r.outputWidth}]: one score (logit) per class, in this order: ${classes}. The predicted class is the largest score; softmax turns the scores into probabilities.${probabilities}`;
}

/** Constants the examples share: the input size and channels, the statistics when the caller applies them, the classes. */
function constants(r: ReadmeInput, language: 'python' | 'js'): string[] {
  const p = r.preprocessing;
  const value = (v: unknown) => (language === 'python' ? py(v as never) : JSON.stringify(v));
  const declare = (name: string, v: unknown) =>
    language === 'python' ? `${name} = ${value(v)}` : `const ${name} = ${value(v)};`;
  const out: string[] = [];
  if (p.input.kind === 'images') {
    out.push(
      declare('HEIGHT', p.input.height),
      declare('WIDTH', p.input.width),
      declare('CHANNELS', p.input.channels),
      declare('FIT', p.input.fit),
    );
  } else {
    out.push(declare('FEATURES', p.input.features));
  }
  const callerStandardizes = p.normalization !== null && !p.standardizedByModel;
  out.push(
    declare('MEAN', callerStandardizes ? p.normalization!.mean : null),
    declare('STD', callerStandardizes ? p.normalization!.std.map((s) => (s > 0 ? s : 1)) : null),
  );
  out.push(declare('CLASSES', r.task === 'classification' ? r.classNames : null));
  const scaling = r.targetScaling;
  if (scaling) {
    // label = output * TARGET_STD + TARGET_MEAN, when the reader applies it (None: the outputs are label units).
    const byCaller = !scaling.appliedByModel;
    out.push(
      declare('TARGET_MEAN', byCaller ? scaling.normalization.mean : null),
      declare('TARGET_STD', byCaller ? targetScales(scaling.normalization) : null),
    );
  }
  return out;
}

function pythonIntro(r: ReadmeInput): string[] {
  // Pillow only reads images: a table's example does not import it.
  const images = r.preprocessing.input.kind === 'images';
  const needs =
    r.format === 'onnx'
      ? images
        ? 'onnxruntime, numpy and pillow (`pip install onnxruntime numpy pillow`)'
        : 'onnxruntime and numpy (`pip install onnxruntime numpy`)'
      : r.format === 'pytorch'
        ? `${images ? 'torch and pillow' : 'torch'}, and ${r.modelFile} beside it`
        : images
          ? 'numpy, pillow and safetensors (`pip install numpy pillow safetensors`)'
          : 'numpy and safetensors (`pip install numpy safetensors`)';
  const run = r.preprocessing.input.kind === 'images' ? 'IMAGE...' : 'VALUE...';
  const what =
    r.format === 'safetensors'
      ? 'It prepares inputs and loads the weights by name; the network itself is in the ONNX and PyTorch exports.'
      : 'It prints one JSON line per input with the prediction.';
  return [
    `Save as \`predict.py\` beside the export and run \`python3 predict.py ${run}\`; it needs ${needs}. ${what}`,
    '',
  ];
}

function javascriptIntro(r: ReadmeInput): string[] {
  const run = r.preprocessing.input.kind === 'images' ? 'IMAGE...' : 'VALUE...';
  const needs =
    r.preprocessing.input.kind === 'images' ? '`npm install onnxruntime-node sharp`' : '`npm install onnxruntime-node`';
  const what =
    r.format === 'onnx'
      ? 'It prints one JSON line per input with the prediction.'
      : `It prepares the inputs for an ONNX export of the same run (\`netwright export RUN --format onnx${onnxMode(r)}\`), named ${py('model.onnx')} here.`;
  return [
    `Save as \`predict.cjs\` beside the export and run \`node predict.cjs ${run}\`; it needs ${needs}. ${what}`,
    '',
  ];
}

/**
 * The ONNX export the JavaScript example of a safetensors or PyTorch README expects: one that standardizes and
 * unstandardizes as this export's constants assume (the reader applies the statistics: --normalization metadata).
 */
function onnxMode(r: ReadmeInput): string {
  const byCaller = !r.preprocessing.standardizedByModel;
  return byCaller && (r.preprocessing.normalization || r.targetScaling) ? ' --normalization metadata' : '';
}

function pythonExample(r: ReadmeInput): string {
  const images = r.preprocessing.input.kind === 'images';
  const imports = ['import json', 'import os', 'import sys', '', 'import numpy as np'];
  if (images) imports.push('from PIL import Image, ImageOps');
  if (r.format === 'onnx') imports.push('import onnxruntime as ort');
  if (r.format === 'pytorch') imports.push('import importlib.util', 'import torch');
  if (r.format === 'safetensors') imports.push('from safetensors.numpy import load_file');
  const prepare = images
    ? [
        'def prepare(path):',
        '    """One image as float32 [CHANNELS, HEIGHT, WIDTH] in [0, 1], as Netwright prepared the training images."""',
        "    image = ImageOps.exif_transpose(Image.open(path)).convert('RGB')",
        "    image = image.convert('L') if CHANNELS == 1 else image",
        "    if FIT == 'fill':",
        '        image = image.resize((WIDTH, HEIGHT), Image.BILINEAR)',
        "    elif FIT == 'cover':",
        '        image = ImageOps.fit(image, (WIDTH, HEIGHT), Image.BILINEAR)',
        '    else:',
        '        image = ImageOps.pad(image, (WIDTH, HEIGHT), Image.BILINEAR, color=0)',
        '    x = np.asarray(image, dtype=np.float32) / 255  # [H, W] or [H, W, 3], now in [0, 1]',
        '    x = x[None] if CHANNELS == 1 else x.transpose(2, 0, 1)  # channels first: [C, H, W]',
        '    if MEAN is not None:',
        '        x = (x - np.float32(MEAN).reshape(-1, 1, 1)) / np.float32(STD).reshape(-1, 1, 1)',
        '    return x',
      ]
    : [
        'def prepare(values):',
        '    """One row: the FEATURES in order as float32."""',
        '    x = np.asarray([float(v) for v in values], dtype=np.float32)',
        '    if len(x) != len(FEATURES):',
        "        raise SystemExit(f'give {len(FEATURES)} values: {FEATURES}')",
        '    return x if MEAN is None else (x - np.float32(MEAN)) / np.float32(STD)',
      ];
  const batch = images
    ? 'batch = np.stack([prepare(path) for path in sys.argv[1:]])'
    : 'batch = prepare(sys.argv[1:])[None]';
  const names = images ? 'sys.argv[1:]' : "[' '.join(sys.argv[1:])]";
  let run: string[];
  switch (r.format) {
    case 'onnx':
      run = [
        `session = ort.InferenceSession(os.path.join(HERE, ${py(r.modelFile)}))`,
        batch,
        "outputs = session.run(['output'], {'input': batch})[0]",
      ];
      break;
    case 'pytorch':
      run = [
        `loader = importlib.util.spec_from_file_location('netwright_export', os.path.join(HERE, ${py(r.modelFile)}))`,
        'script = importlib.util.module_from_spec(loader)',
        'loader.loader.exec_module(script)',
        'model = script.Net()',
        'script.load_weights(model, os.path.join(HERE, script.WEIGHTS_FILE))',
        'model.eval()',
        batch,
        'with torch.no_grad():',
        r.targetScaling
          ? '    outputs = script.to_label_units(model(script.standardize(torch.from_numpy(batch)))).numpy()'
          : '    outputs = model(script.standardize(torch.from_numpy(batch))).numpy()',
      ];
      break;
    case 'safetensors':
      run = [
        `weights = load_file(os.path.join(HERE, ${py(r.modelFile)}))  # name -> array, e.g. 'fc1.weight'`,
        'print(json.dumps({name: list(array.shape) for name, array in weights.items()}))',
        batch,
        "print(json.dumps({'input_shape': list(batch.shape)}))",
      ];
      break;
    default:
      throw new Error(`README: unknown export format '${String(r.format)}'`);
  }
  const report =
    r.format === 'safetensors' ? [] : ['', `for name, row in zip(${names}, outputs):`, ...pythonVerdict(r)];
  return [
    ...imports,
    '',
    ...constants(r, 'python'),
    'HERE = os.path.dirname(os.path.abspath(__file__))',
    '',
    '',
    ...prepare,
    '',
    '',
    ...run,
    ...report,
  ].join('\n');
}

function pythonVerdict(r: ReadmeInput): string[] {
  const toLabelUnits =
    r.targetScaling && !r.targetScaling.appliedByModel
      ? ["    row = row * np.float32(TARGET_STD) + np.float32(TARGET_MEAN)  # the label's units"]
      : [];
  if (r.task === 'regression')
    return [...toLabelUnits, "    print(json.dumps({'input': name, 'prediction': row.tolist()}))"];
  const pick = r.outputWidth === 1 ? 'int(row[0] > 0)' : 'int(row.argmax())';
  return [`    print(json.dumps({'input': name, 'class': CLASSES[${pick}], 'scores': row.tolist()}))`];
}

function javascriptExample(r: ReadmeInput): string {
  const images = r.preprocessing.input.kind === 'images';
  const model = r.format === 'onnx' ? r.modelFile : 'model.onnx';
  const requires = [
    "const path = require('node:path');",
    "const ort = require('onnxruntime-node');",
    ...(images ? ["const sharp = require('sharp');"] : []),
  ];
  const prepare = images
    ? [
        '/** One image as float32 [CHANNELS, HEIGHT, WIDTH] in [0, 1], as Netwright prepared the training images. */',
        'async function prepare(file) {',
        "  const { data, info } = await sharp(file, { pages: 1 }).autoOrient().removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });",
        '  let pixels = data;',
        "  if (CHANNELS === 1) { // ITU-R 601 luma with PIL's rounding, before resizing, as PIL's convert('L')",
        '    pixels = Buffer.alloc(info.width * info.height);',
        '    for (let p = 0; p < pixels.length; p++) pixels[p] = (data[3 * p] * 19595 + data[3 * p + 1] * 38470 + data[3 * p + 2] * 7471 + 0x8000) >> 16;',
        '  }',
        '  let resized = sharp(pixels, { raw: { width: info.width, height: info.height, channels: CHANNELS } })',
        "    .resize({ width: WIDTH, height: HEIGHT, fit: FIT, position: 'centre', kernel: 'linear', background: { r: 0, g: 0, b: 0 } });",
        "  if (CHANNELS === 1) resized = resized.toColourspace('b-w');",
        '  const hwc = await resized.raw().toBuffer(); // interleaved [H, W, C] bytes',
        '  const plane = HEIGHT * WIDTH;',
        '  const chw = new Float32Array(CHANNELS * plane); // channels first, each byte / 255',
        '  for (let c = 0; c < CHANNELS; c++) {',
        '    for (let p = 0; p < plane; p++) {',
        '      const x = hwc[p * CHANNELS + c] / 255;',
        '      chw[c * plane + p] = MEAN ? (x - MEAN[c]) / STD[c] : x;',
        '    }',
        '  }',
        '  return chw;',
        '}',
      ]
    : [
        '/** One row: the FEATURES in order as float32. */',
        'function prepare(values) {',
        "  if (values.length !== FEATURES.length) throw new Error(`give ${FEATURES.length} values: ${FEATURES.join(', ')}`);",
        '  return Float32Array.from(values, (v, i) => (MEAN ? (Number(v) - MEAN[i]) / STD[i] : Number(v)));',
        '}',
      ];
  const shape = images ? '[inputs.length, CHANNELS, HEIGHT, WIDTH]' : '[1, FEATURES.length]';
  const main = [
    'async function main() {',
    images ? '  const inputs = process.argv.slice(2);' : "  const inputs = [process.argv.slice(2).join(' ')];",
    images
      ? '  const prepared = await Promise.all(inputs.map(prepare));'
      : '  const prepared = [prepare(process.argv.slice(2))];',
    '  const batch = new Float32Array(prepared.reduce((n, x) => n + x.length, 0));',
    '  prepared.forEach((x, i) => batch.set(x, i * x.length));',
    `  const session = await ort.InferenceSession.create(path.join(__dirname, ${JSON.stringify(model)}));`,
    `  const { output } = await session.run({ input: new ort.Tensor('float32', batch, ${shape}) });`,
    '  const width = output.dims[1];',
    '  inputs.forEach((name, i) => {',
    '    const row = Array.from(output.data.subarray(i * width, (i + 1) * width));',
    ...javascriptVerdict(r),
    '  });',
    '}',
    '',
    'main().catch((error) => {',
    '  console.error(error);',
    '  process.exit(1);',
    '});',
  ];
  return [...requires, '', ...constants(r, 'js'), '', ...prepare, '', ...main].join('\n');
}

function javascriptVerdict(r: ReadmeInput): string[] {
  const prediction =
    r.targetScaling && !r.targetScaling.appliedByModel
      ? "row.map((v, o) => v * TARGET_STD[o] + TARGET_MEAN[o]) /* the label's units */"
      : 'row';
  if (r.task === 'regression') return [`    console.log(JSON.stringify({ input: name, prediction: ${prediction} }));`];
  const pick = r.outputWidth === 1 ? '(row[0] > 0 ? 1 : 0)' : 'row.indexOf(Math.max(...row))';
  return [`    console.log(JSON.stringify({ input: name, class: CLASSES[${pick}], scores: row }));`];
}
