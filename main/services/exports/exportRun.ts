// Exports a trained run from its checkpoint: ONNX, safetensors weights, or a PyTorch training script with its
// weights beside it. Files are written atomically and recorded in the store; the studio and the CLI share this.
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import {
  csvColumnsFromFeatureNames,
  exportOnnx,
  exportPytorchScript,
  exportReadme,
  exportSafetensors,
  torchrunCommand,
  type InputSource,
  type ReadmeInput,
  type ScriptData,
} from '../../../engine/core/export';
import { analyze } from '../../../engine/core/spec/analyze';
import { problemText } from '../../../engine/core/spec/problemText';
import type { ModelSpec } from '../../../engine/core/spec/types';
import { decodeCheckpoint } from '../../../engine/core/io/checkpoint';
import { writeFileAtomic } from '../../../engine/host/common/atomicWrite';
import type { Store } from '../store';
import type { CheckpointRecord, ExportRecord, Run } from '../store/types';
import { APP_VERSION } from '../version';
import { datasetSplitFile } from './datasetSplit';

import { EXPORT_FORMATS } from '../../api/exportNames';
import type { ExportNote } from '../../api/exportNotes';
import type { ExportFormat } from '../../api/types';
import { ServiceError } from '../serviceError';

export interface RunExportRequest {
  runId: string;
  format: ExportFormat;
  /** The file to write (for 'pytorch' the .py script; its weights go beside it as <name>.safetensors). */
  path: string;
  /** Which weights: the best epoch's (default, falling back to the last) or the last. */
  checkpoint?: 'best' | 'last';
  /** ONNX only. */
  softmax?: boolean;
  normalization?: 'fold' | 'metadata';
}

export interface RunExportResult {
  record: ExportRecord;
  /** Every file written (the script and its weights for 'pytorch'). */
  files: Array<{ path: string; bytes: number }>;
  checkpoint: CheckpointRecord;
  /** Codes with values (main/api/exportNotes.ts): the CLI words them in English, the studio in the user's language. */
  notes: ExportNote[];
}

/** The note naming the weights exported, by the kind of checkpoint they come from. */
const WEIGHTS_NOTES = {
  best: 'weights-best',
  last: 'weights-last',
  manual: 'weights-manual',
} as const satisfies Record<CheckpointRecord['kind'], ExportNote['code']>;

function chooseCheckpoint(store: Store, run: Run, which: 'best' | 'last'): CheckpointRecord {
  const preferred = store.checkpoints.latestCheckpoint(run.id, which);
  const found = preferred ?? store.checkpoints.latestCheckpoint(run.id);
  if (!found) throw new ServiceError('export-no-checkpoint', { run: run.name });
  return found;
}

/**
 * What the model's input is made from. Images: the importer's resize mode is not in the manifest; 'fill' is its
 * default and the only one the studio's import dialog offers.
 */
function inputSource(manifest: DatasetManifest): InputSource | null {
  if (manifest.source.kind === 'images') {
    const [channels, height, width] = manifest.featureShape;
    return { kind: 'images', channels: channels === 1 ? 1 : 3, height, width, fit: manifest.images?.fit ?? 'fill' };
  }
  return manifest.featureNames ? { kind: 'table', features: manifest.featureNames } : null;
}

/** Values per sample of the model's output. */
function outputWidthOf(spec: ModelSpec): number {
  const analysis = analyze(spec);
  const shape = analysis.outputId ? analysis.nodes[analysis.outputId].outputShape : null;
  if (!shape)
    throw new Error(`the checkpoint's model has no output shape (${analysis.problems.map(problemText).join(' ')})`);
  return shape.reduce((a, b) => a * b, 1);
}

function scriptData(manifest: DatasetManifest): ScriptData {
  if (manifest.source.kind === 'images') {
    const [channels, height, width] = manifest.featureShape;
    return { kind: 'images', path: manifest.source.path, size: [height, width], grayscale: channels === 1 };
  }
  if (manifest.source.kind === 'csv' && manifest.table && manifest.featureNames) {
    return {
      kind: 'csv',
      path: manifest.source.path,
      labelColumn: manifest.table.labelColumn,
      featureColumns: csvColumnsFromFeatureNames(manifest.featureNames),
      delimiter: manifest.table.delimiter,
    };
  }
  if (
    manifest.source.kind === 'generated' &&
    manifest.source.path.toLowerCase().endsWith('.csv') &&
    manifest.featureNames
  ) {
    const label = manifest.task === 'classification' ? 'label' : (manifest.targetNames ?? ['y']);
    return {
      kind: 'csv',
      path: manifest.source.path,
      labelColumn: label,
      featureColumns: csvColumnsFromFeatureNames(manifest.featureNames),
    };
  }
  throw new ServiceError('export-not-reimportable', { dataset: manifest.name });
}

export function exportRun(store: Store, request: RunExportRequest): RunExportResult {
  const run = store.runs.getRun(request.runId);
  const checkpoint = chooseCheckpoint(store, run, request.checkpoint ?? 'best');
  const { snapshot, info } = decodeCheckpoint(readFileSync(checkpoint.path), checkpoint.path);
  const dataset = run.datasetId ? store.datasets.getDataset(run.datasetId) : null;
  const manifest = dataset?.manifest ?? null;
  const normalization = manifest?.normalization ?? null;
  // Regression trained on standardized targets: every export gives label units or says how to get them. The
  // checkpoint's own copy first (what these weights were trained on, as predictions read it), else the dataset's.
  const targetNormalization =
    manifest?.task === 'regression' ? (info.targetNormalization ?? manifest.targetNormalization ?? null) : null;
  const targetNames = manifest?.targetNames;
  const classNames = manifest?.classNames ?? null;
  const notes: ExportNote[] = [{ code: WEIGHTS_NOTES[checkpoint.kind], values: { epoch: checkpoint.epoch } }];
  const files: RunExportResult['files'] = [];
  const write = (path: string, bytes: Uint8Array | string) => {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, data);
    files.push({ path, bytes: data.byteLength });
  };
  const spec = info.spec;
  const task = manifest?.task;
  const input = manifest ? inputSource(manifest) : null;
  const stem = basename(request.path, extname(request.path));
  const folder = dirname(request.path);
  const outputWidth = outputWidthOf(spec);
  /** README.md's words beside the export: the files, the preprocessing, the output and examples. */
  const readme = (
    format: ReadmeInput['format'],
    /** The export standardizes its inputs and gives label units itself (else the reader does both). */
    standardizedByModel: boolean,
    files: ReadmeInput['files'],
    extra: Partial<ReadmeInput> = {},
  ) => {
    if (!input || !task) return;
    // An ONNX file and a safetensors file of one run share a stem (run.onnx, run.safetensors): each README names its
    // format, so exporting both to one folder (or downloading both) keeps both. The script's stem is its own (-train).
    const readmeName = request.format === 'pytorch' ? `${stem}.README.md` : `${stem}.${request.format}.README.md`;
    write(
      join(folder, readmeName),
      exportReadme({
        format,
        title: run.name,
        modelFile: basename(request.path),
        files,
        task,
        classNames: classNames ?? [],
        outputWidth,
        preprocessing: { input, normalization, standardizedByModel },
        targetScaling: targetNormalization
          ? { normalization: targetNormalization, appliedByModel: standardizedByModel, targetNames }
          : null,
        settingChanges: run.settingChanges,
        ...extra,
      }),
    );
  };
  switch (request.format) {
    case 'onnx': {
      if (request.softmax && task === 'regression') {
        throw new ServiceError('export-softmax-regression', { run: run.name });
      }
      const mode = request.normalization ?? 'fold';
      write(
        request.path,
        exportOnnx({
          spec,
          tensors: snapshot.tensors,
          normalization,
          normalizationMode: mode,
          targetNormalization,
          targetNames,
          task,
          input: input ?? undefined,
          classNames: classNames ?? undefined,
          appendSoftmax: request.softmax ?? false,
          graphName: run.name,
          producerVersion: APP_VERSION,
        }),
      );
      readme(
        'onnx',
        mode === 'fold',
        [
          {
            name: basename(request.path),
            about:
              'the model (ONNX opset 17, float32); its metadata_props "preprocessing" holds the steps below as JSON' +
              (targetNormalization ? ', "target_normalization" the output step' : ''),
          },
        ],
        { probabilities: request.softmax ?? false },
      );
      if (spec.nodes.some((n) => n.op === 'dropout')) notes.push({ code: 'dropout-left-out', values: {} });
      if (normalization) {
        const code = request.normalization === 'metadata' ? 'inputs-standardized' : 'standardization-folded';
        notes.push({ code, values: {} });
      }
      if (targetNormalization) {
        const code = mode === 'metadata' ? 'outputs-standardized' : 'label-standardization-folded';
        notes.push({ code, values: {} });
      }
      break;
    }
    case 'safetensors':
      write(
        request.path,
        exportSafetensors({ spec, tensors: snapshot.tensors, normalization, targetNormalization, classNames }),
      );
      readme('safetensors', false, [
        {
          name: basename(request.path),
          about:
            'the weights, named <node id>.<field>; the model spec, class names and normalization' +
            (targetNormalization ? ' (of the inputs and of the targets)' : '') +
            ' in its metadata',
        },
      ]);
      // The weights compute the network alone, whose outputs are standardized targets.
      if (targetNormalization) notes.push({ code: 'outputs-standardized', values: {} });
      break;
    case 'pytorch': {
      if (!dataset || !manifest) throw new ServiceError('export-no-dataset', { run: run.name });
      const weightsFile = `${stem}.safetensors`;
      const splitFile = `${stem}.split.json`;
      const scriptFile = basename(request.path);
      const script = exportPytorchScript({
        spec,
        config: run.trainConfig,
        normalization,
        targetNormalization,
        classNames,
        task: manifest.task,
        data: scriptData(manifest),
        weightsFile,
        splitFile,
        scriptFile,
        producerVersion: APP_VERSION,
        settingChanges: run.settingChanges,
      });
      write(
        join(folder, weightsFile),
        exportSafetensors({ spec, tensors: snapshot.tensors, normalization, targetNormalization, classNames }),
      );
      write(join(folder, splitFile), datasetSplitFile(dataset));
      write(request.path, script);
      readme(
        'pytorch',
        true,
        [
          {
            name: scriptFile,
            about:
              'the network as a PyTorch module, the data loading and the training settings; `python3 ' +
              scriptFile +
              ' --help` lists its options',
          },
          { name: weightsFile, about: 'the trained weights the script starts from' },
          {
            name: splitFile,
            about: "the run's train/validation/test rows, which the script uses unless given --random-split",
          },
        ],
        { weightsFile },
      );
      notes.push(
        { code: 'script-split', values: { splitFile } },
        { code: 'run-script', values: { command: `python3 ${scriptFile}` } },
        { code: 'run-torchrun', values: { command: torchrunCommand(scriptFile) } },
      );
      break;
    }
    default:
      throw new ServiceError('export-unknown-format', {
        format: String(request.format),
        formats: EXPORT_FORMATS.join(', '),
      });
  }
  const record = store.exports.addExport({ runId: run.id, format: request.format, path: request.path });
  return { record, files, checkpoint, notes };
}
