// The generated PyTorch script as text: the module mirrors the graph with node-named submodules, the settings map
// one to one onto PyTorch, and requests the script cannot honour fail with a clear message.
import { describe, expect, it } from 'vitest';
import { mlp, residual, smallCnn } from '../spec/templates';
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import {
  csvColumnsFromFeatureNames,
  exportPytorchScript,
  type CsvFeatureColumn,
  type PytorchScriptInput,
} from './pytorch';
import { py } from './python';
import { asppSpec, everyOpSpec, residualConcatSpec } from './testModels';

const baseConfig: TrainConfig = {
  version: 1,
  loss: 'cross_entropy',
  optimizer: { type: 'adam', lr: 0.001 },
  schedule: { type: 'constant' },
  epochs: 5,
  batchSize: 32,
  seed: 42,
  split: { train: 0.8, validation: 0.1, test: 0.1 },
};

const TABLE_COLUMNS: CsvFeatureColumn[] = [
  { name: 'age', type: 'number' },
  { name: 'colour', type: 'category', categories: ['red', 'green', 'blue'] },
];

function tableInput(overrides: Partial<PytorchScriptInput> = {}): PytorchScriptInput {
  return {
    spec: mlp(4, 3, [8]),
    config: baseConfig,
    normalization: { axis: 'feature', mean: [1, 0, 0, 0], std: [2, 1, 1, 1] },
    classNames: ['low', 'mid', 'high'],
    task: 'classification',
    data: { kind: 'csv', path: 'data/table.csv', labelColumn: 'grade', featureColumns: TABLE_COLUMNS },
    weightsFile: 'model.safetensors',
    ...overrides,
  };
}

function imageInput(spec: ModelSpec, classes: number, overrides: Partial<PytorchScriptInput> = {}): PytorchScriptInput {
  const shape = spec.nodes.find((n) => n.op === 'input')!.params!.shape as number[];
  return {
    spec,
    config: baseConfig,
    normalization: { axis: 'channel', mean: Array(shape[0]).fill(0.5), std: Array(shape[0]).fill(0.25) },
    classNames: Array.from({ length: classes }, (_, i) => `class ${i}`),
    task: 'classification',
    data: { kind: 'images', path: '/data/images', size: [shape[1], shape[2]], grayscale: shape[0] === 1 },
    weightsFile: 'model.safetensors',
    ...overrides,
  };
}

describe('PyTorch script: the network', () => {
  it('declares one submodule per layer named like the node, so state_dict keys equal the exported names', () => {
    const script = exportPytorchScript(imageInput(residual({ inputShape: [3, 16, 16], outputs: 4 }), 4));
    expect(script).toContain(
      '        self.stem_conv = nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1, bias=False)',
    );
    expect(script).toContain('        self.stem_bn = nn.BatchNorm2d(16, eps=0.00001, momentum=0.1)');
    expect(script).toContain('        self.pool = GlobalAvgPool()');
    expect(script).toContain('        self.fc = nn.Linear(16, 4)');
    // The residual add follows the slot order; forward ends with the output node.
    expect(script).toContain('        add = block_bn2 + stem_relu  # [N, 16, 16, 16]');
    expect(script).toMatch(/ {8}fc = self\.fc\(pool\) {2}# \[N, 4\]\n {8}return fc\n/);
  });

  it("writes every layer kind with the engine's settings", () => {
    const script = exportPytorchScript(imageInput(everyOpSpec(), 5));
    for (const line of [
      'self.conv1 = nn.Conv2d(3, 4, kernel_size=3, stride=1, padding=1)',
      'self.avg = nn.AvgPool2d(kernel_size=3, stride=1, padding=1, count_include_pad=True)',
      'self.conv2 = nn.Conv2d(4, 4, kernel_size=(3, 1), stride=1, padding=(1, 0), bias=False)',
      'self.lrelu = nn.LeakyReLU(negative_slope=0.1)',
      'self.gelu_exact = nn.GELU(approximate="none")',
      'self.gelu_tanh = nn.GELU(approximate="tanh")',
      'self.pool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)',
      'self.ident = nn.Identity()',
      'self.flat = nn.Flatten()',
      'self.fc_b = nn.Linear(128, 6, bias=False)',
      'self.ln_b = nn.LayerNorm(6, eps=0.0001)',
      'self.gn_img = nn.GroupNorm(2, 4, eps=0.0001)',
      'self.probs = nn.Softmax(dim=1)',
      'self.sig = nn.Sigmoid()',
      'self.elu_b = nn.ELU(alpha=0.7)',
      'self.dw = nn.Conv2d(4, 4, kernel_size=3, stride=1, padding=1, groups=4)',
      'self.prelu_img = nn.PReLU(num_parameters=4)',
      'self.silu_b = nn.SiLU()',
      'self.hswish = nn.Hardswish()',
      'self.relu6_avg = nn.ReLU6()',
      'self.softplus_b = nn.Softplus()',
      'self.mish_pool = nn.Mish()',
      'self.tanh_avg = nn.Tanh()',
      'self.bn1d = nn.BatchNorm1d(12, eps=0.001, momentum=0.2)',
      'self.drop = nn.Dropout(p=0.25)',
      'cat1 = torch.cat([add1, lrelu], dim=1)  # [N, 8, 8, 8]',
      'cat2 = torch.cat([probs, sig], dim=1)  # [N, 12]',
    ])
      expect(script).toContain(line);
  });

  it("writes a conv's dilation when it is not 1, and the padding 'same' gives its dilated span", () => {
    const script = exportPytorchScript(imageInput(asppSpec(), 3));
    for (const line of [
      'self.rate1 = nn.Conv2d(6, 4, kernel_size=3, stride=1, padding=1)',
      'self.rate2 = nn.Conv2d(6, 4, kernel_size=3, stride=1, padding=2, dilation=2)',
      'self.rate3 = nn.Conv2d(6, 4, kernel_size=3, stride=1, padding=(3, 2), dilation=(3, 2), bias=False)',
      'self.atrous_dw = nn.Conv2d(6, 6, kernel_size=3, stride=1, padding=2, dilation=2, groups=6)',
    ])
      expect(script).toContain(line);
  });

  it('keeps the slot order of a concat whose edges list port 1 first', () => {
    const script = exportPytorchScript(imageInput(residualConcatSpec(), 3));
    expect(script).toContain('join = torch.cat([wide, narrow], dim=1)  # [N, 5, 6, 6]');
    expect(script).toContain('skip_add = body_relu + join');
  });

  it('registers layers whose ids are not plain Python names with add_module, keeping the id as the key', () => {
    const spec: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'in', op: 'input', params: { shape: [3] } },
        { id: 'hidden-1', op: 'dense', params: { units: 4 } },
        { id: 'train', op: 'relu' },
        { id: '2nd', op: 'dense', params: { units: 2 } },
      ],
      edges: [
        { from: 'in', to: 'hidden-1' },
        { from: 'hidden-1', to: 'train' },
        { from: 'train', to: '2nd' },
      ],
    };
    const script = exportPytorchScript(
      tableInput({
        spec,
        classNames: ['a', 'b'],
        normalization: null,
        data: {
          kind: 'csv',
          path: 'x.csv',
          labelColumn: 'y',
          featureColumns: ['a', 'b', 'c'].map((name) => ({ name, type: 'number' as const })),
        },
      }),
    );
    expect(script).toContain('self.add_module("hidden-1", nn.Linear(3, 4))');
    expect(script).toContain('self.add_module("train", nn.ReLU())');
    expect(script).toContain('self.add_module("2nd", nn.Linear(4, 2))');
    expect(script).toContain('hidden_1 = getattr(self, "hidden-1")(x)');
    expect(script).toContain('layer_2nd = getattr(self, "2nd")(train)');
    expect(script).toContain('REGULARIZED = ["hidden-1.weight", "2nd.weight"]');
  });

  it('records the initialization scheme per layer and the weights penalties apply to', () => {
    const script = exportPytorchScript(tableInput());
    expect(script).toContain('INIT = {"fc1": "kaiming_uniform", "fc2": "xavier_uniform"}');
    expect(script).toContain('REGULARIZED = ["fc1.weight", "fc2.weight"]');
  });
});

describe('PyTorch script: settings', () => {
  const optimizers: [TrainConfig['optimizer'], string][] = [
    [
      { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-4 },
      'torch.optim.SGD(parameters, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.0001)',
    ],
    [{ type: 'adagrad', lr: 0.01 }, 'torch.optim.Adagrad(parameters, lr=0.01, eps=1e-10, weight_decay=0)'],
    [
      { type: 'rmsprop', lr: 0.01, alpha: 0.9, momentum: 0.5 },
      'torch.optim.RMSprop(parameters, lr=0.01, alpha=0.9, eps=1e-8, momentum=0.5, weight_decay=0)',
    ],
    [
      { type: 'adam', lr: 0.001, beta2: 0.99 },
      'torch.optim.Adam(parameters, lr=0.001, betas=(0.9, 0.99), eps=1e-8, weight_decay=0)',
    ],
    [
      { type: 'adamw', lr: 0.001 },
      'torch.optim.AdamW(parameters, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)',
    ],
  ];
  for (const [optimizer, call] of optimizers) {
    it(`maps the ${optimizer.type} optimizer with Netwright's defaults`, () => {
      expect(exportPytorchScript(tableInput({ config: { ...baseConfig, optimizer } }))).toContain(
        `    return ${call}\n`,
      );
    });
  }

  const schedules: [TrainConfig['schedule'], string][] = [
    [{ type: 'constant' }, 'None'],
    [{ type: 'step', stepSize: 10, gamma: 0.5 }, 'torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)'],
    [
      { type: 'multistep', milestones: [3, 7], gamma: 0.1 },
      'torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[3, 7], gamma=0.1)',
    ],
    [{ type: 'exponential', gamma: 0.95 }, 'torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.95)'],
    [
      { type: 'cosine', tMax: 20, etaMin: 1e-5 },
      'torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=20, eta_min=0.00001)',
    ],
    [
      { type: 'plateau', patience: 3 },
      "torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=3, threshold=0.0001, threshold_mode='rel', min_lr=0)",
    ],
  ];
  for (const [schedule, call] of schedules) {
    it(`maps the ${schedule.type} schedule`, () => {
      const script = exportPytorchScript(tableInput({ config: { ...baseConfig, schedule } }));
      expect(script).toContain(`    return ${call}\n`);
      expect(script).toContain(`SCHEDULE_WATCHES_LOSS = ${schedule.type === 'plateau' ? 'True' : 'False'}`);
    });
  }

  it('carries penalties, clipping, early stopping, split and batch size', () => {
    const script = exportPytorchScript(
      tableInput({
        config: {
          ...baseConfig,
          l1: 1e-4,
          l2: 0.01,
          l1IncludeBias: true,
          clipping: { maxNorm: 1, value: 0.5 },
          earlyStopping: { metric: 'val_accuracy', patience: 3, restoreBest: true },
          shuffle: false,
        },
      }),
    );
    for (const line of [
      'L1 = 0.0001',
      'L2 = 0.01',
      'PENALIZE_ALL = True',
      'CLIP_NORM = 1  #',
      'CLIP_VALUE = 0.5  #',
      'SHUFFLE = False',
      'EARLY_STOPPING = {"metric": "val_accuracy", "patience": 3, "min_delta": 0, "restore_best": True}',
      'SPLIT = {"train": 0.8, "validation": 0.1, "test": 0.1}',
      'BATCH_SIZE = 32',
      'EPOCHS = 5',
      'SEED = 42',
    ]) {
      expect(script).toContain(line);
    }
  });

  it('maps each loss onto its PyTorch function', () => {
    expect(exportPytorchScript(tableInput())).toContain('return F.cross_entropy(output, target)');
    const binary = exportPytorchScript(
      tableInput({
        spec: mlp(4, 1, [8]),
        classNames: ['no', 'yes'],
        config: { ...baseConfig, loss: 'bce_with_logits' },
      }),
    );
    expect(binary).toContain('return F.binary_cross_entropy_with_logits(output[:, 0], target.float())');
    const regression = exportPytorchScript(
      tableInput({
        spec: mlp(4, 2, [8]),
        task: 'regression',
        config: { ...baseConfig, loss: 'mse' },
        data: { kind: 'csv', path: 'r.csv', labelColumn: ['y1', 'y2'], featureColumns: TABLE_COLUMNS },
      }),
    );
    expect(regression).toContain('return F.mse_loss(output, target)');
    expect(regression).toContain('LABEL_COLUMNS = ["y1", "y2"]');
    expect(regression).toContain('CLASS_NAMES = []');
  });
});

describe('PyTorch script: data', () => {
  it('writes the CSV columns, the class order and the training statistics', () => {
    const script = exportPytorchScript(tableInput());
    expect(script).toContain('FEATURE_COLUMNS = [["age", None], ["colour", ["red", "green", "blue"]]]');
    expect(script).toContain('LABEL_COLUMNS = ["grade"]');
    expect(script).toContain('CLASS_NAMES = ["low", "mid", "high"]');
    expect(script).toContain('NORMALIZATION = {"axis": "feature", "mean": [1, 0, 0, 0], "std": [2, 1, 1, 1]}');
    expect(script).toContain('DATA_PATH = "data/table.csv"');
    expect(script).toContain('def read_data(path):\n    """The CSV as tensors');
  });

  it("reads image folders at the model's size and colour", () => {
    const script = exportPytorchScript(imageInput(smallCnn({ inputShape: [1, 20, 24], outputs: 3 }), 3));
    expect(script).toContain('IMAGE_SIZE = (20, 24)');
    expect(script).toContain('GRAYSCALE = True');
    expect(script).toContain('NORMALIZATION = {"axis": "channel", "mean": [0.5], "std": [0.25]}');
    expect(script).toContain('"""An image folder');
  });

  it("derives CSV columns from a manifest's feature names", () => {
    expect(csvColumnsFromFeatureNames(['x', 'colour=red', 'colour=blue', 'y', 'size=S', 'size=L'])).toEqual([
      { name: 'x', type: 'number' },
      { name: 'colour', type: 'category', categories: ['red', 'blue'] },
      { name: 'y', type: 'number' },
      { name: 'size', type: 'category', categories: ['S', 'L'] },
    ]);
  });

  it('explains what does not fit', () => {
    expect(() => exportPytorchScript(tableInput({ classNames: ['a', 'b'] }))).toThrow(/3 outputs for 2 classes/);
    expect(() => exportPytorchScript(tableInput({ classNames: null }))).toThrow(
      /needs the names of at least two classes/,
    );
    expect(() =>
      exportPytorchScript(
        tableInput({
          data: { kind: 'csv', path: 'x.csv', labelColumn: 'grade', featureColumns: [{ name: 'age', type: 'number' }] },
        }),
      ),
    ).toThrow(/the feature columns encode to 1 values per row, but the model's input takes 4/);
    expect(() => exportPytorchScript(tableInput({ task: 'regression' }))).toThrow(
      /cross_entropy needs class labels, but the task is regression/,
    );
    expect(() =>
      exportPytorchScript(
        tableInput({
          spec: mlp(4, 1, [8]),
          task: 'regression',
          config: { ...baseConfig, loss: 'mse', earlyStopping: { metric: 'val_accuracy', patience: 2 } },
        }),
      ),
    ).toThrow(/val_accuracy, which a regression does not have/);
    expect(() =>
      exportPytorchScript(
        imageInput(smallCnn({ inputShape: [3, 8, 8], outputs: 2 }), 2, {
          data: { kind: 'images', path: 'p', size: [8, 8], grayscale: true },
        }),
      ),
    ).toThrow(/grayscale 8×8 images are \[1, 8, 8\], but the model's input is \[3, 8, 8\]/);
    expect(() =>
      exportPytorchScript(
        tableInput({ config: { ...baseConfig, schedule: { type: 'step', stepSize: 0, gamma: 0.5 } } }),
      ),
    ).toThrow(/stepSize/);
    const broken = mlp(4, 3, [8]);
    broken.nodes[1].params = { units: -1 };
    expect(() => exportPytorchScript(tableInput({ spec: broken }))).toThrow(
      /cannot export the model to PyTorch: Dense 'fc1'/,
    );
    const imageOut: ModelSpec = {
      version: 1,
      nodes: [
        { id: 'in', op: 'input', params: { shape: [1, 4, 4] } },
        { id: 'conv', op: 'conv2d', params: { filters: 2 } },
      ],
      edges: [{ from: 'in', to: 'conv' }],
    };
    expect(() => exportPytorchScript(imageInput(imageOut, 2))).toThrow(/the output of Conv2D 'conv' is \[2, 2, 2\]/);
  });
});

describe('PyTorch script: its docstring and command line', () => {
  it('names its own file, says grayscale for a grayscale model, and prints a torchrun command that starts on torch 1.13', () => {
    const script = exportPytorchScript(
      imageInput(smallCnn({ inputShape: [1, 16, 16], outputs: 4 }), 4, {
        scriptFile: 'shapes-train.py',
        splitFile: 'shapes-train.split.json',
      }),
    );
    const docstring = script.slice(0, script.indexOf('"""', script.indexOf('"""') + 3));
    expect(docstring).toContain('python3 shapes-train.py --from-scratch');
    expect(docstring).not.toMatch(/python3? train\.py/);
    expect(docstring).toContain('grayscale, 16×16 pixels');
    expect(docstring).not.toMatch(/colou?r/i);
    expect(docstring).toContain(
      'python3 -m torch.distributed.run --nnodes 1 --rdzv_backend c10d --rdzv_endpoint localhost:0 --nproc_per_node 2 --redirects 1 --tee 1 shapes-train.py',
    );
  });

  it('uses the shipped split by default and offers --random-split and --seed', () => {
    const script = exportPytorchScript(tableInput({ splitFile: 'model.split.json' }));
    expect(script).toContain('SPLIT_FILE = "model.split.json"');
    expect(script).toContain("parser.add_argument('--random-split', action='store_true'");
    expect(script).toContain("parser.add_argument('--seed', type=int, default=SEED");
    expect(script).toContain('torch.manual_seed(args.seed)');
    expect(exportPytorchScript(tableInput())).toContain('SPLIT_FILE = None');
  });

  it('reports R² and MAE for a regression', () => {
    const script = exportPytorchScript(
      tableInput({
        task: 'regression',
        classNames: null,
        spec: mlp(4, 1, [8]),
        config: { ...baseConfig, loss: 'mse' },
        data: { kind: 'csv', path: 'data/table.csv', labelColumn: 'y', featureColumns: TABLE_COLUMNS },
      }),
    );
    expect(script).toContain("result['r2'] = r2.mean().item()");
  });
});

describe('Python literals', () => {
  it('writes JSON-like values as Python and wraps long lists', () => {
    expect(py({ a: [1, 2.5, -3e-7], b: null, c: true, d: 'it\'s "q"\n' })).toBe(
      '{"a": [1, 2.5, -3e-7], "b": None, "c": True, "d": "it\'s \\"q\\"\\n"}',
    );
    const long = py(Array.from({ length: 60 }, (_, i) => i / 7));
    expect(long.split('\n').length).toBeGreaterThan(3);
    expect(long.split('\n').every((line) => line.length <= 110)).toBe(true);
    expect(() => py(Number.NaN)).toThrow(/NaN/);
  });
});

describe('settings changed at pauses', () => {
  it('are listed for the script to make at the same epoch and step, and an unchanged run lists none', () => {
    const script = exportPytorchScript(
      tableInput({
        settingChanges: [
          { epoch: 3, step: 40, setting: 'learningRate', from: 0.01, to: 0.001 },
          { epoch: 5, step: 77, setting: 'dropout', nodeId: 'drop', from: 0.5, to: 0.1 },
        ],
      }),
    );
    expect(script).toContain(
      [
        'SETTING_CHANGES = [',
        '    {"epoch": 3, "step": 40, "setting": "lr", "value": 0.001},',
        '    {"epoch": 5, "step": 77, "setting": "dropout", "node": "drop", "value": 0.1}',
        ']',
      ].join('\n'),
    );
    expect(script).toContain('apply_changes(pending, epoch, steps, model, optimizer, log)');
    expect(exportPytorchScript(tableInput())).toContain('SETTING_CHANGES = []');
  });
});

describe('PyTorch script: image augmentation', () => {
  it("writes the run's augmentation settings and the torch code that applies them to training batches", () => {
    const config = { ...baseConfig, augmentation: { horizontalFlip: 0.5, cropPadding: 4, cutoutSize: 6 } };
    const script = exportPytorchScript(imageInput(smallCnn({ inputShape: [3, 16, 16], outputs: 4 }), 4, { config }));
    expect(script).toContain(
      `AUGMENTATION = ${py({ horizontal_flip: 0.5, vertical_flip: 0, crop_padding: 4, rotation_degrees: 0, brightness: 0, contrast: 0, cutout_size: 0, cutout_count: 0 })}`,
    );
    expect(script).toContain('def augment(x, draws, cutout_size):');
    expect(script).not.toContain('torchvision.transforms');
  });

  it('leaves it out when off', () => {
    const script = exportPytorchScript(imageInput(smallCnn({ inputShape: [3, 16, 16], outputs: 4 }), 4));
    expect(script).toContain('AUGMENTATION = None');
    expect(script).not.toContain('def augment(');
  });

  it('refuses augmentation for a table', () => {
    expect(() =>
      exportPytorchScript(tableInput({ config: { ...baseConfig, augmentation: { verticalFlip: 0.2 } } })),
    ).toThrow(/augmentation changes images.*table/);
  });
});
