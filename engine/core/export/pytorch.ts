// Writes one readable PyTorch script (train.py) for a model: the network as an nn.Module, the exported weights
// loaded by name, the same data preprocessing and training settings, and DistributedDataParallel under torchrun.

import { nodeName } from '../spec/names';
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import type { SettingChange } from '../train/settingChanges';
import { checkNormalization, checkedModel, type ExportNormalization } from './modelTensors';
import { pytorchAugmentationSource } from './pytorchAugment';
import { pytorchDataSource, type ScriptData } from './pytorchData';
import { pytorchModelSource } from './pytorchModel';
import { TRAINING_CODE, WEIGHTS_CODE } from './pytorchRuntime';
import { pytorchTrainingSource } from './pytorchTraining';
import { py } from './python';
import { checkTargetScaling, type TargetNormalization } from './targetScaling';

export type { CsvFeatureColumn, ScriptData } from './pytorchData';
export { csvColumnsFromFeatureNames } from './pytorchData';

export interface PytorchScriptInput {
  spec: ModelSpec;
  config: TrainConfig;
  normalization: ExportNormalization | null;
  /**
   * Regression targets standardized for training (DatasetManifest.targetNormalization): the script trains on
   * (t - mean) / std as the engine does, and reports metrics and predictions in the label's units.
   */
  targetNormalization?: TargetNormalization | null;
  /** Class names in label order (classification); ignored for regression. */
  classNames?: readonly string[] | null;
  task: 'classification' | 'regression';
  data: ScriptData;
  /** File name of the exported safetensors weights, looked up next to the script. */
  weightsFile: string;
  /** File name of the run's split (splitFile.ts) beside the script, used by default; null: the script draws its own. */
  splitFile?: string | null;
  /** The script's own file name, as its usage lines show it (default train.py). */
  scriptFile?: string;
  /** Shown in the script's first lines. */
  producerVersion?: string;
  /** Settings the run changed at pauses: the script changes them at the same epoch and step. */
  settingChanges?: readonly SettingChange[];
}

const FORMAT = 'PyTorch';

export function exportPytorchScript(input: PytorchScriptInput): string {
  const { spec, config, task } = input;
  const model = checkedModel(spec, FORMAT);
  const { analysis } = model;
  const inputShape = analysis.nodes[analysis.inputId!].outputShape!;
  const outputNode = model.nodes.get(analysis.outputId!)!;
  const outputShape = analysis.nodes[outputNode.id].outputShape!;
  if (outputShape.length !== 1)
    throw new Error(
      `cannot export a PyTorch training script: the output of ${nodeName(outputNode)} is [${outputShape.join(', ')}], but the losses need a vector per sample`,
    );
  if (input.normalization) checkNormalization(input.normalization, inputShape, FORMAT);
  const targetNormalization = input.targetNormalization ?? null;
  if (targetNormalization) {
    if (task !== 'regression')
      throw new Error(
        'PyTorch export: a target normalization standardizes regression targets, but the task is classification',
      );
    checkTargetScaling(targetNormalization, outputShape[0], FORMAT);
  }
  const classNames = task === 'classification' ? [...(input.classNames ?? [])] : [];
  checkTask(task, config, classNames, outputShape[0]);
  if (typeof input.weightsFile !== 'string' || input.weightsFile === '')
    throw new Error('PyTorch export: name the weights file the script loads');

  const modelSource = pytorchModelSource(model);
  const training = pytorchTrainingSource(config, input.settingChanges ?? []);
  const augmentation = pytorchAugmentationSource(config, input.data.kind);
  const data = pytorchDataSource(input.data, { task, inputShape, outputWidth: outputShape[0] });
  const usesGlobalPool = analysis.order.some((id) => model.nodes.get(id)!.op === 'globalavgpool2d');
  const name = spec.name ?? 'model';
  const normalization = input.normalization
    ? { axis: input.normalization.axis, mean: input.normalization.mean, std: input.normalization.std }
    : null;

  const sections = [
    header(name, input),
    IMPORTS,
    section(
      'what the model was trained on',
      [
        `DATA_PATH = ${py(input.data.path)}`,
        `WEIGHTS_FILE = ${py(input.weightsFile)}  # looked up next to this script`,
        `SPLIT_FILE = ${py(input.splitFile ?? null)}  # Netwright's train/validation/test rows, beside this script (None: draw a random split)`,
        `TASK = ${py(task)}`,
        `CLASS_NAMES = ${py(classNames)}  # label i is CLASS_NAMES[i]`,
        `INPUT_SHAPE = ${py([...inputShape])}  # one sample, without the batch dimension`,
        '# Standardization statistics of the training split, applied to every input: (x - mean) / std per ' +
          `${input.normalization?.axis === 'channel' ? 'image channel' : 'feature'}.`,
        `NORMALIZATION = ${py(normalization)}`,
        "# Regression targets as the model learns them: (t - mean) / std per target with the training split's statistics",
        "# (a std of 0 counts as 1). The loss is on these; predictions and MAE/RMSE/R² are in the label's units again.",
        `TARGET_NORMALIZATION = ${py(targetNormalization ? { mean: targetNormalization.mean, std: targetNormalization.std } : null)}`,
        data.settings,
      ].join('\n'),
    ),
    section("training settings (the Netwright run's configuration)", training.settings, augmentation.settings),
    section(
      'the network',
      ...(usesGlobalPool ? [GLOBAL_POOL_CODE] : []),
      modelSource.classCode,
      [
        `# Weight initialization per layer for --from-scratch (Netwright's 'auto': Kaiming before ReLU-like layers, else Xavier).`,
        `INIT = ${py(modelSource.init)}`,
        `REGULARIZED = ${py(modelSource.regularized)}  # the weights L1/L2 penalties apply to`,
      ].join('\n'),
    ),
    section('optimizer, schedule, loss', training.functions),
    section('weights (safetensors)', WEIGHTS_CODE),
    section('data', data.reader),
    ...(augmentation.code ? [section('image augmentation (plain torch, no torchvision)', augmentation.code)] : []),
    section('training', TRAINING_CODE),
    "if __name__ == '__main__':\n    main()",
  ];
  return `${sections.join('\n\n\n')}\n`;
}

function checkTask(task: string, config: TrainConfig, classNames: string[], outputWidth: number): void {
  switch (task) {
    case 'classification':
      if (classNames.length < 2 || !classNames.every((c) => typeof c === 'string'))
        throw new Error('PyTorch export: a classification model needs the names of at least two classes');
      if (config.loss === 'cross_entropy' && outputWidth !== classNames.length) {
        throw new Error(
          `PyTorch export: the model has ${outputWidth} outputs for ${classNames.length} classes; cross-entropy needs one per class`,
        );
      }
      if (config.loss === 'bce_with_logits' && !(outputWidth === 1 && classNames.length === 2)) {
        throw new Error(
          `PyTorch export: binary cross-entropy needs 2 classes and 1 output, the model has ${classNames.length} classes and ${outputWidth} outputs`,
        );
      }
      if (config.loss === 'mse')
        throw new Error('PyTorch export: mean squared error is for regression; use cross-entropy for classes');
      return;
    case 'regression':
      if (config.loss !== 'mse')
        throw new Error(`PyTorch export: ${config.loss} needs class labels, but the task is regression; use mse`);
      if (config.earlyStopping?.metric === 'val_accuracy')
        throw new Error(
          'PyTorch export: early stopping watches val_accuracy, which a regression does not have; watch val_loss',
        );
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
  const script = docText(input.scriptFile ?? 'train.py');
  const data =
    input.data.kind === 'csv'
      ? 'the CSV file'
      : `the image folder (${input.data.grayscale ? 'grayscale' : 'RGB'}, ${input.data.size[0]}×${input.data.size[1]} pixels)`;
  const column = (text: string, note: string) =>
    text.length > 38 ? `  ${text}\n${' '.repeat(43)}${note}` : `  ${text.padEnd(41)}${note}`;
  const splitLines = input.splitFile
    ? `The train/validation/test rows are Netwright's own (${docText(input.splitFile)}), so the test score is measured on rows
the exported weights never trained on and compares with the studio's; the script refuses data whose rows differ.`
    : "The train/validation/test rows are drawn with torch's random numbers (same fractions and seed, other rows than the studio's).";
  return `#!/usr/bin/env python3
"""${docText(name)}: a PyTorch training script written by Netwright${version}.
${description}
The network is class Net below: one submodule per Netwright layer, with the same names, so it loads the exported
weights (${docText(input.weightsFile)}) by name. The script reads ${data} with the same preprocessing and trains with
the same optimizer, schedule, penalties, clipping and early stopping as the studio.
${splitLines}

${column(`python3 ${script}`, 'train, starting from the exported weights; saves trained.safetensors')}
${column(`python3 ${script} --from-scratch`, 'train from freshly initialized weights instead')}
${column(`python3 ${script} --epochs 1 --data F`, 'override the number of epochs or the data location')}
${column(`python3 ${script} --random-split --seed 7`, 'draw a new random split (and initialization and shuffling) from seed 7')}
  ${torchrunCommand(script)}
${column('', 'train in 2 processes with DistributedDataParallel (gloo on CPU, nccl on GPUs);')}
${column('', '--redirects 1 --tee 1 let torch 1.13 start on Python 3.11 and show the log;')}
${column('', 'the rendezvous takes any free port (localhost:0), so two jobs on one machine do not clash;')}
${column('', 'for several machines use --nnodes N --node_rank K --rdzv_endpoint HOST:PORT')}
${column(`python3 ${script} --predict rows.json`, "check mode: load the weights and print the model's outputs (eval mode)")}
${column('', 'for the raw, unstandardized input rows in rows.json (a JSON list of')}
${column('', "samples, each a flat list of INPUT_SHAPE's numbers) as JSON")}

Needs torch; uses the safetensors and torchvision packages when installed, but works without them.
Differences from the studio: --from-scratch draws other random weights (same schemes), and under torchrun each process
keeps its own batch-norm statistics and BATCH_SIZE is per process.
"""`;
}

/**
 * The distributed launch that works with torch 1.13 on Python 3.11 as well as newer releases: the launcher's default
 * '--redirects 0' fails there ('NoneType' object has no attribute 'get'), and '--tee 1' keeps the log on screen.
 * Not '--standalone': before torch 2.0 it fixes the rendezvous at port 29400, so a second job on the machine (or a
 * test running beside another) waits on the first one's store; 'localhost:0' takes a free port in every release.
 */
export function torchrunCommand(script: string): string {
  return `python3 -m torch.distributed.run --nnodes 1 --rdzv_backend c10d --rdzv_endpoint localhost:0 --nproc_per_node 2 --redirects 1 --tee 1 ${script}`;
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
