// Writes one readable PyTorch script (train.py) for a model: the network as an nn.Module, the exported weights
// loaded by name, the same data preprocessing and training settings, and DistributedDataParallel under torchrun.

import { nodeName } from '../spec/names';
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import { checkNormalization, checkedModel, type ExportNormalization } from './modelTensors';
import { pytorchDataSource, type ScriptData } from './pytorchData';
import { pytorchModelSource } from './pytorchModel';
import { TRAINING_CODE, WEIGHTS_CODE } from './pytorchRuntime';
import { pytorchTrainingSource } from './pytorchTraining';
import { py } from './python';

export type { CsvFeatureColumn, ScriptData } from './pytorchData';
export { csvColumnsFromFeatureNames } from './pytorchData';

export interface PytorchScriptInput {
  spec: ModelSpec;
  config: TrainConfig;
  normalization: ExportNormalization | null;
  /** Class names in label order (classification); ignored for regression. */
  classNames?: readonly string[] | null;
  task: 'classification' | 'regression';
  data: ScriptData;
  /** File name of the exported safetensors weights, looked up next to the script. */
  weightsFile: string;
  /** Shown in the script's first lines. */
  producerVersion?: string;
}

const FORMAT = 'PyTorch';

export function exportPytorchScript(input: PytorchScriptInput): string {
  const { spec, config, task } = input;
  const model = checkedModel(spec, FORMAT);
  const { analysis } = model;
  const inputShape = analysis.nodes[analysis.inputId!].outputShape!;
  const outputNode = model.nodes.get(analysis.outputId!)!;
  const outputShape = analysis.nodes[outputNode.id].outputShape!;
  if (outputShape.length !== 1) throw new Error(`cannot export a PyTorch training script: the output of ${nodeName(outputNode)} is [${outputShape.join(', ')}], but the losses need a vector per sample`);
  if (input.normalization) checkNormalization(input.normalization, inputShape, FORMAT);
  const classNames = task === 'classification' ? [...(input.classNames ?? [])] : [];
  checkTask(task, config, classNames, outputShape[0]);
  if (typeof input.weightsFile !== 'string' || input.weightsFile === '') throw new Error('PyTorch export: name the weights file the script loads');

  const modelSource = pytorchModelSource(model);
  const training = pytorchTrainingSource(config);
  const data = pytorchDataSource(input.data, { task, inputShape, outputWidth: outputShape[0] });
  const usesGlobalPool = analysis.order.some((id) => model.nodes.get(id)!.op === 'globalavgpool2d');
  const name = spec.name ?? 'model';
  const normalization = input.normalization
    ? { axis: input.normalization.axis, mean: input.normalization.mean, std: input.normalization.std }
    : null;

  const sections = [
    header(name, input),
    IMPORTS,
    section('what the model was trained on', [
      `DATA_PATH = ${py(input.data.path)}`,
      `WEIGHTS_FILE = ${py(input.weightsFile)}  # looked up next to this script`,
      `TASK = ${py(task)}`,
      `CLASS_NAMES = ${py(classNames)}  # label i is CLASS_NAMES[i]`,
      `INPUT_SHAPE = ${py([...inputShape])}  # one sample, without the batch dimension`,
      '# Standardization statistics of the training split, applied to every input: (x - mean) / std per ' +
        `${input.normalization?.axis === 'channel' ? 'image channel' : 'feature'}.`,
      `NORMALIZATION = ${py(normalization)}`,
      data.settings,
    ].join('\n')),
    section('training settings (the Netwright run\'s configuration)', training.settings),
    section('the network', ...(usesGlobalPool ? [GLOBAL_POOL_CODE] : []), modelSource.classCode, [
      `# Weight initialization per layer for --from-scratch (Netwright's 'auto': Kaiming before ReLU-like layers, else Xavier).`,
      `INIT = ${py(modelSource.init)}`,
      `REGULARIZED = ${py(modelSource.regularized)}  # the weights L1/L2 penalties apply to`,
    ].join('\n')),
    section('optimizer, schedule, loss', training.functions),
    section('weights (safetensors)', WEIGHTS_CODE),
    section('data', data.reader),
    section('training', TRAINING_CODE),
    "if __name__ == '__main__':\n    main()",
  ];
  return `${sections.join('\n\n\n')}\n`;
}

function checkTask(task: string, config: TrainConfig, classNames: string[], outputWidth: number): void {
  switch (task) {
    case 'classification':
      if (classNames.length < 2 || !classNames.every((c) => typeof c === 'string')) throw new Error('PyTorch export: a classification model needs the names of at least two classes');
      if (config.loss === 'cross_entropy' && outputWidth !== classNames.length) {
        throw new Error(`PyTorch export: the model has ${outputWidth} outputs for ${classNames.length} classes; cross-entropy needs one per class`);
      }
      if (config.loss === 'bce_with_logits' && !(outputWidth === 1 && classNames.length === 2)) {
        throw new Error(`PyTorch export: binary cross-entropy needs 2 classes and 1 output, the model has ${classNames.length} classes and ${outputWidth} outputs`);
      }
      if (config.loss === 'mse') throw new Error('PyTorch export: mean squared error is for regression; use cross-entropy for classes');
      return;
    case 'regression':
      if (config.loss !== 'mse') throw new Error(`PyTorch export: ${config.loss} needs class labels, but the task is regression; use mse`);
      if (config.earlyStopping?.metric === 'val_accuracy') throw new Error('PyTorch export: early stopping watches val_accuracy, which a regression does not have; watch val_loss');
      return;
    default:
      throw new Error(`PyTorch export: unknown task '${task}'; use 'classification' or 'regression'`);
  }
}

/** A titled part of the script: a rule line, then its blocks two blank lines apart (PEP 8 between top-level code). */
function section(title: string, ...blocks: string[]): string {
  return `# ---- ${title} ${'-'.repeat(Math.max(3, 110 - title.length))}\n\n${blocks.join('\n\n\n')}`;
}

function header(name: string, input: PytorchScriptInput): string {
  const version = input.producerVersion ? ` ${docText(input.producerVersion)}` : '';
  const description = input.spec.description ? `\n${docText(input.spec.description)}\n` : '';
  const data = input.data.kind === 'csv' ? 'the CSV file' : 'the image folder';
  return `#!/usr/bin/env python3
"""${docText(name)}: a PyTorch training script written by Netwright${version}.
${description}
The network is class Net below: one submodule per Netwright layer, with the same names, so it loads the exported
weights (${input.weightsFile}) by name. The script reads ${data} with the same preprocessing and trains with the
same optimizer, schedule, penalties, clipping and early stopping as the studio.

  python train.py                          train, starting from the exported weights; saves trained.safetensors
  python train.py --from-scratch           train from freshly initialized weights instead
  python train.py --epochs 1 --data F      override the number of epochs or the data location
  torchrun --nproc_per_node=2 train.py     train in 2 processes with DistributedDataParallel (gloo on CPU, nccl
                                           on GPUs); add --nnodes, --node_rank and --master_addr for several machines
                                           (torch 1.13 on Python 3.11 needs --redirects 1 --tee 1 as well)
  python train.py --predict rows.json      check mode: load the weights and print the model's outputs (eval mode)
                                           for the raw, unstandardized input rows in rows.json (a JSON list of
                                           samples, each a flat list of INPUT_SHAPE's numbers) as JSON

Needs torch; uses the safetensors and torchvision packages when installed, but works without them.
Differences from the studio: the train/validation/test rows are drawn with torch's random numbers (same fractions
and seed, other rows), --from-scratch draws other random weights (same schemes), and under torchrun each process
keeps its own batch-norm statistics and BATCH_SIZE is per process.
"""`;
}

/** Text safe inside a Python triple-quoted docstring: no backslash escapes, no closing quotes. */
function docText(text: string): string {
  return text.replace(/\\/g, '/').replace(/"""/g, "'''");
}

const IMPORTS = `import argparse
import array
import csv
import json
import math
import os
import struct
import sys

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler`;

const GLOBAL_POOL_CODE = `class GlobalAvgPool(nn.Module):
    """The mean of each channel over the whole image: [N, C, H, W] -> [N, C]."""

    def forward(self, x):
        return x.mean(dim=(2, 3))`;
