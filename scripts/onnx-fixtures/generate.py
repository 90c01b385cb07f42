#!/usr/bin/env python3
"""Writes the ONNX import fixtures: small PyTorch models, one per pattern the importer maps, exported with
torch.onnx.export at opsets 11, 13 and 17 with constant folding on and off, each beside a JSON file holding a
fixed random input and PyTorch's output for it (so tests compare without PyTorch).

Run with the Python that has torch (here /usr/bin/python3):  /usr/bin/python3 scripts/onnx-fixtures/generate.py
Writes engine/test/onnx/fixtures/<model>.op<opset>.<fold|nofold>.onnx and .json.
"""
import json
import os
import sys

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'engine', 'test', 'onnx', 'fixtures')
OPSETS = (11, 13, 17)
# Models PyTorch 1.13 cannot export at opset 17: LayerNorm without a weight writes its LayerNormalization with an
# empty Scale, which the ONNX checker refuses.
BEFORE_17_ONLY = {'layernorm_plain'}
BATCH = 2


class MatMulAdd(nn.Module):
    """x @ W + b with plain parameters: MatMul then Add, not Gemm."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(4, 5) * 0.5)
        self.b = nn.Parameter(torch.randn(5) * 0.5)

    def forward(self, x):
        return torch.relu(torch.matmul(x, self.w) + self.b)


class TwoFeatureClassifier(nn.Module):
    """Two numeric features in, two classes out, with named layers (hidden, out) as hand-written models have."""

    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 32)
        self.out = nn.Linear(32, 2)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


class ConvView(nn.Module):
    """x.view(x.size(0), -1): the Shape/Gather/Unsqueeze/Concat/Reshape chain."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 3, 3, stride=2, padding=1)
        self.fc = nn.Linear(3 * 3 * 3, 4)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        return self.fc(x.view(x.size(0), -1))


class MeanPool(nn.Module):
    """Global average pooling written as x.mean(dim=(2, 3)): ReduceMean over H, W."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 4, 3)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).mean(dim=(2, 3)))


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 3, 3, padding=1)
        self.fc = nn.Linear(3 * 4 * 4, 2)

    def forward(self, x):
        y = self.conv2(torch.relu(self.conv1(x)))
        return self.fc(torch.flatten(torch.relu(y + x), 1))


class Concat(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(2, 3, 1)
        self.b = nn.Conv2d(2, 2, 3, padding=1)
        self.fc = nn.Linear(5 * 4 * 4, 3)

    def forward(self, x):
        y = torch.cat([torch.tanh(self.a(x)), torch.sigmoid(self.b(x))], dim=1)
        return self.fc(torch.flatten(y, 1))


class DenseConcat(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(4, 3)
        self.b = nn.Linear(4, 2)
        self.out = nn.Linear(5, 2)

    def forward(self, x):
        return self.out(torch.cat([torch.relu(self.a(x)), self.b(x)], dim=1))


class MobileBlock(nn.Module):
    """MobileNet's activations: ReLU6 (Clip), Hardswish (x * HardSigmoid(x) before opset 14, HardSwish from 14) and
    SiLU (x * Sigmoid(x)). The convolutions' weights are scaled up so that ReLU6's cap and Hardswish's outer pieces
    are reached."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(2, 4, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(4)
        self.act1 = nn.ReLU6()
        self.conv2 = nn.Conv2d(4, 4, 3, padding=1)
        self.act2 = nn.Hardswish()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Linear(4, 8)
        self.act3 = nn.SiLU()
        self.fc2 = nn.Linear(8, 3)
        with torch.no_grad():
            self.conv1.weight.mul_(8)
            self.conv2.weight.mul_(4)

    def forward(self, x):
        x = self.act2(self.conv2(self.act1(self.bn1(self.conv1(x)))))
        return self.fc2(self.act3(self.fc1(torch.flatten(self.pool(x), 1))))


class Aspp(nn.Module):
    """DeepLab's atrous spatial pyramid pooling: parallel 3x3 convolutions dilated by 1, 2 and 3 and a depthwise one
    dilated by 2 (DeepLabv3+'s separable branch), joined in one torch.cat (a Concat of four), then a 1x1 projection."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(2, 6, 3, padding=1, bias=False), nn.BatchNorm2d(6), nn.ReLU())
        self.rate1 = nn.Conv2d(6, 4, 3, padding=1)
        self.rate2 = nn.Conv2d(6, 4, 3, padding=2, dilation=2)
        self.rate3 = nn.Conv2d(6, 4, 3, padding=3, dilation=3)
        self.atrous_dw = nn.Conv2d(6, 6, 3, padding=2, dilation=2, groups=6, bias=False)
        self.project = nn.Sequential(nn.ReLU(), nn.Conv2d(18, 8, 1), nn.ReLU())
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 3))

    def forward(self, x):
        x = self.stem(x)
        joined = torch.cat([self.rate1(x), self.rate2(x), self.rate3(x), self.atrous_dw(x)], dim=1)
        return self.head(self.project(joined))


def scaled(module, factor):
    """The module with its weights times `factor` (inputs of the activation after it reach further)."""
    with torch.no_grad():
        module.weight.mul_(factor)
    return module


def models():
    """(name, module, input shape without batch)."""
    image = (2, 6, 6)
    yield 'mlp_gemm', nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)), (4,)
    yield 'matmul_add', MatMulAdd(), (4,)
    yield 'conv_bn_relu_maxpool', nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 3)
    ), image
    yield 'bn_after_relu', nn.Sequential(
        nn.Conv2d(2, 3, 3, padding=1, bias=False), nn.ReLU(), nn.BatchNorm2d(3), nn.Flatten(), nn.Linear(108, 2)
    ), image
    yield 'avgpool', nn.Sequential(
        nn.Conv2d(2, 3, 3, padding=1), nn.AvgPool2d(3, stride=1, padding=1), nn.AvgPool2d(2), nn.Flatten(),
        nn.Linear(27, 2)
    ), image
    yield 'gap_adaptive', nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 3)
    ), image
    yield 'gap_mean', MeanPool(), image
    yield 'flatten_view', ConvView(), image
    yield 'gelu', nn.Sequential(nn.Linear(4, 6), nn.GELU(), nn.Linear(6, 2)), (4,)
    yield 'leaky_relu', nn.Sequential(nn.Linear(4, 6), nn.LeakyReLU(0.2), nn.Linear(6, 2)), (4,)
    yield 'elu', nn.Sequential(nn.Linear(4, 6), nn.ELU(0.7), nn.Linear(6, 2)), (4,)
    yield 'sigmoid_tanh', nn.Sequential(nn.Linear(4, 6), nn.Sigmoid(), nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 2)), (4,)
    yield 'softmax', nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1)), (4,)
    yield 'residual_add', Residual(), (3, 4, 4)
    yield 'concat', Concat(), (2, 4, 4)
    yield 'dense_concat', DenseConcat(), (4,)
    yield 'dropout_eval', nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Dropout(0.5), nn.Linear(6, 2)), (4,)
    # Softplus and a grouped convolution: once refused (an operator, an attribute value), now layers.
    yield 'softplus', nn.Sequential(nn.Linear(4, 6), nn.Softplus(), nn.Linear(6, 2)), (4,)
    yield 'grouped_conv', nn.Sequential(
        nn.Conv2d(2, 4, 3, groups=2), nn.ReLU(), nn.Flatten(), nn.Linear(64, 2)
    ), image
    # New models go last, so the seeds of the models above (by index) stay as they were.
    yield 'gelu_tanh', nn.Sequential(nn.Linear(4, 6), nn.GELU(approximate='tanh'), nn.Linear(6, 2)), (4,)
    # A classifier of two numeric features with named layers, as a user brings one to fine-tune (e2e/onnxImport).
    yield 'two_feature_classifier', TwoFeatureClassifier(), (2,)
    # A grayscale image classifier (1×8×8 in, 3 classes), to predict on PNG files with (main/cli/predictImported).
    yield 'gray_conv', nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64, 3)
    ), (1, 8, 8)
    # ReLU6, Hardswish and SiLU as PyTorch writes them (Clip; HardSigmoid * x or HardSwish; Sigmoid * x).
    yield 'mobile_activations', MobileBlock(), (2, 6, 6)
    # A classifier ending in LogSoftmax, as PyTorch's NLLLoss examples write one (dropped on import: same softmax).
    yield 'log_softmax_classifier', nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.LogSoftmax(dim=1)
    ), (4,)
    # MobileNet's depthwise-separable block: 1x1 expansion, 3x3 depthwise (groups = channels), 1x1 projection.
    yield 'depthwise_separable', nn.Sequential(
        nn.Conv2d(2, 4, 1), nn.BatchNorm2d(4), nn.ReLU6(),
        nn.Conv2d(4, 4, 3, padding=1, groups=4, bias=False), nn.BatchNorm2d(4), nn.ReLU6(),
        nn.Conv2d(4, 6, 1), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 3)
    ), (2, 6, 6)
    # A dilated convolution: once refused (an attribute value), now a layer.
    yield 'dilated_conv', nn.Sequential(
        nn.Conv2d(2, 4, 3, dilation=2), nn.ReLU(), nn.Flatten(), nn.Linear(16, 2)
    ), (2, 6, 6)
    # PReLU: a slope per channel of an image ([C, 1, 1] in the file) and one shared slope.
    yield 'prelu', nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1), nn.PReLU(4), nn.Flatten(), nn.Linear(144, 8), nn.PReLU(), nn.Linear(8, 2)
    ), (2, 6, 6)
    # Softplus (its own operator) and Mish (Softplus -> Tanh -> Mul by the input before opset 18), the convolutions'
    # weights scaled up so that Softplus's inputs pass its threshold (20, above which nn.Softplus returns x).
    yield 'softplus_mish', nn.Sequential(
        scaled(nn.Conv2d(2, 4, 3, padding=1), 12), nn.Mish(), scaled(nn.Conv2d(4, 4, 3, padding=1), 4), nn.Softplus(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 8), nn.Mish(), nn.Linear(8, 3)
    ), (2, 6, 6)
    # Not supported: SELU (an operator Netwright has no layer for).
    yield 'unsupported_selu', nn.Sequential(nn.Linear(4, 6), nn.SELU(), nn.Linear(6, 2)), (4,)
    # Not supported: a dilated convolution with stride 2 (an attribute value; Netwright dilates at stride 1 only).
    yield 'unsupported_dilated_stride', nn.Sequential(
        nn.Conv2d(2, 4, 3, stride=2, padding=2, dilation=2), nn.ReLU(), nn.Flatten(), nn.Linear(36, 2)
    ), (2, 6, 6)
    # DeepLab's atrous spatial pyramid pooling on an odd-sized image.
    yield 'aspp', Aspp(), (2, 9, 9)
    # LayerNorm over a vector of features: LayerNormalization at opset 17, ReduceMean ... Add before it.
    yield 'layernorm', nn.Sequential(
        nn.Linear(4, 8), nn.LayerNorm(8, eps=1e-4), nn.ReLU(), nn.Linear(8, 3)
    ), (4,)
    # LayerNorm without its weight and bias: before opset 17 the same pattern ending at the Div.
    yield 'layernorm_plain', nn.Sequential(
        nn.Linear(4, 8), nn.LayerNorm(8, elementwise_affine=False), nn.ReLU(), nn.Linear(8, 3)
    ), (4,)
    # GroupNorm over an image: Reshape [0, G, -1] -> InstanceNormalization -> Reshape to Shape(x) -> Mul -> Add.
    yield 'groupnorm', nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1), nn.GroupNorm(2, 4, eps=1e-4), nn.ReLU(), nn.Flatten(), nn.Linear(100, 3)
    ), (2, 5, 5)
    # GroupNorm without its weight and bias: the same pattern, PyTorch 1.13 writing one 1 for the Mul and one 0 for the
    # Add ([1, 1, 1]).
    yield 'groupnorm_plain', nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1), nn.GroupNorm(2, 4, affine=False), nn.ReLU(), nn.Flatten(), nn.Linear(100, 3)
    ), (2, 5, 5)


def randomize_batchnorm(module, generator):
    """Running statistics away from 0 and 1, so folding them (or not) changes the numbers; a LayerNorm's or
    GroupNorm's weight and bias away from 1 and 0 (only models with one draw for it, so the others' inputs stay as
    they were)."""
    for m in module.modules():
        if isinstance(m, nn.LayerNorm) and m.elementwise_affine:
            m.weight.data.copy_(torch.rand(m.normalized_shape, generator=generator) + 0.5)
            m.bias.data.copy_(torch.randn(m.normalized_shape, generator=generator) * 0.3)
        if isinstance(m, nn.GroupNorm) and m.affine:
            m.weight.data.copy_(torch.rand(m.num_channels, generator=generator) + 0.5)
            m.bias.data.copy_(torch.randn(m.num_channels, generator=generator) * 0.3)
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=generator) * 0.5)
            m.running_var.copy_(torch.rand(m.num_features, generator=generator) + 0.5)
            m.weight.data.copy_(torch.rand(m.num_features, generator=generator) + 0.5)
            m.bias.data.copy_(torch.randn(m.num_features, generator=generator) * 0.3)


def main():
    os.makedirs(OUT, exist_ok=True)
    written = 0
    # models() builds each module before the loop seeds for it: the first one's weights come from this seed (every
    # later one's from the seed set for its predecessor), so the files are the same on every run.
    torch.manual_seed(999)
    for index, (name, module, shape) in enumerate(models()):
        torch.manual_seed(1000 + index)
        generator = torch.Generator().manual_seed(2000 + index)
        with torch.no_grad():
            randomize_batchnorm(module, generator)
        module.eval()
        x = torch.randn((BATCH,) + tuple(shape), generator=generator)
        with torch.no_grad():
            y = module(x)
        for opset in (o for o in OPSETS if o < 17 or name not in BEFORE_17_ONLY):
            for fold in (True, False):
                stem = f'{name}.op{opset}.{"fold" if fold else "nofold"}'
                path = os.path.join(OUT, stem + '.onnx')
                torch.onnx.export(
                    module, x, path, opset_version=opset, do_constant_folding=fold,
                    input_names=['input'], output_names=['output'],
                    dynamic_axes={'input': {0: 'batch'}, 'output': {0: 'batch'}},
                )
                with open(os.path.join(OUT, stem + '.json'), 'w') as f:
                    json.dump({
                        'model': name, 'opset': opset, 'constantFolding': fold,
                        'torch': torch.__version__,
                        'inputShape': [BATCH, *shape], 'input': x.flatten().tolist(),
                        'outputShape': list(y.shape), 'output': y.flatten().tolist(),
                    }, f)
                    f.write('\n')
                written += 1
    print(f'wrote {written} models to {os.path.normpath(OUT)}', file=sys.stderr)


if __name__ == '__main__':
    main()
