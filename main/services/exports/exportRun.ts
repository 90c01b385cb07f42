// Exports a trained run from its checkpoint: ONNX, safetensors weights, or a PyTorch training script with its
// weights beside it. Files are written atomically and recorded in the store; the studio and the CLI share this.
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { csvColumnsFromFeatureNames, exportOnnx, exportPytorchScript, exportSafetensors, type ScriptData } from '../../../engine/core/export';
import { decodeCheckpoint } from '../../../engine/core/io/checkpoint';
import { writeFileAtomic } from '../../../engine/host/common/atomicWrite';
import type { Store } from '../store';
import type { CheckpointRecord, ExportRecord, Run } from '../store/types';
import { APP_VERSION } from '../version';

import { EXPORT_FORMATS } from '../../api/exportNames';
import type { ExportFormat } from '../../api/types';

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
  notes: string[];
}


function chooseCheckpoint(store: Store, run: Run, which: 'best' | 'last'): CheckpointRecord {
  const preferred = store.checkpoints.latestCheckpoint(run.id, which);
  const found = preferred ?? store.checkpoints.latestCheckpoint(run.id);
  if (!found) throw new Error(`run '${run.name}' has no checkpoint yet: train at least one epoch before exporting`);
  return found;
}

function scriptData(manifest: DatasetManifest): ScriptData {
  if (manifest.source.kind === 'images') {
    const [channels, height, width] = manifest.featureShape;
    return { kind: 'images', path: manifest.source.path, size: [height, width], grayscale: channels === 1 };
  }
  if (manifest.source.kind === 'csv' && manifest.table && manifest.featureNames) {
    return {
      kind: 'csv', path: manifest.source.path, labelColumn: manifest.table.labelColumn,
      featureColumns: csvColumnsFromFeatureNames(manifest.featureNames), delimiter: manifest.table.delimiter,
    };
  }
  if (manifest.source.kind === 'generated' && manifest.source.path.toLowerCase().endsWith('.csv') && manifest.featureNames) {
    const label = manifest.task === 'classification' ? 'label' : (manifest.targetNames ?? ['y']);
    return { kind: 'csv', path: manifest.source.path, labelColumn: label, featureColumns: csvColumnsFromFeatureNames(manifest.featureNames) };
  }
  throw new Error(`dataset '${manifest.name}' was not imported from a CSV file or an image folder, so a training script cannot read it again; export ONNX or safetensors instead`);
}

export function exportRun(store: Store, request: RunExportRequest): RunExportResult {
  const run = store.runs.getRun(request.runId);
  const checkpoint = chooseCheckpoint(store, run, request.checkpoint ?? 'best');
  const { snapshot, info } = decodeCheckpoint(readFileSync(checkpoint.path), checkpoint.path);
  const manifest = run.datasetId ? store.datasets.getDataset(run.datasetId).manifest : null;
  const normalization = manifest?.normalization ?? null;
  const classNames = manifest?.classNames ?? null;
  const notes: string[] = [`weights from the ${checkpoint.kind} checkpoint of epoch ${checkpoint.epoch}`];
  const files: RunExportResult['files'] = [];
  const write = (path: string, bytes: Uint8Array | string) => {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, data);
    files.push({ path, bytes: data.byteLength });
  };
  const spec = info.spec;
  switch (request.format) {
    case 'onnx':
      write(request.path, exportOnnx({
        spec, tensors: snapshot.tensors, normalization, normalizationMode: request.normalization ?? 'fold',
        classNames: classNames ?? undefined, appendSoftmax: request.softmax ?? false, graphName: run.name, producerVersion: APP_VERSION,
      }));
      if (spec.nodes.some((n) => n.op === 'dropout')) notes.push('dropout is left out: ONNX holds the model in its inference form');
      if (normalization) notes.push(request.normalization === 'metadata'
        ? 'the model takes standardized inputs; the statistics are in its metadata'
        : 'the input standardization is folded in: the model takes raw values');
      break;
    case 'safetensors':
      write(request.path, exportSafetensors({ spec, tensors: snapshot.tensors, normalization, classNames }));
      break;
    case 'pytorch': {
      if (!manifest) throw new Error(`run '${run.name}' has no dataset recorded, so a training script has nothing to read`);
      const weightsFile = `${basename(request.path, extname(request.path))}.safetensors`;
      const script = exportPytorchScript({
        spec, config: run.trainConfig, normalization, classNames, task: manifest.task, data: scriptData(manifest),
        weightsFile, producerVersion: APP_VERSION,
      });
      write(join(dirname(request.path), weightsFile), exportSafetensors({ spec, tensors: snapshot.tensors, normalization, classNames }));
      write(request.path, script);
      notes.push(`run it with: python ${basename(request.path)}   or: torchrun --nproc_per_node=2 ${basename(request.path)}`);
      break;
    }
    default:
      throw new Error(`unknown export format '${String(request.format)}': choose ${EXPORT_FORMATS.join(', ')}`);
  }
  const record = store.exports.addExport({ runId: run.id, format: request.format, path: request.path });
  return { record, files, checkpoint, notes };
}
