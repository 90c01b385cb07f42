#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-conv2d-groups.json: grouped and depthwise convolutions (torch.nn.Conv2d with
# groups > 1) forward and backward, computed by PyTorch in float64 from float32 inputs and weights and rounded to
# float32, in the format of layers.json ("node" names the Netwright conv2d the case checks).
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-grouped-conv.py
import os

import torch

from fixture_json import tensor, write_cases

OUT = os.path.join(
    os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'layers-conv2d-groups.json'
)


def case(name, g, shape, filters, kernel, stride, padding, groups, bias):
    randn = lambda *s: torch.randn(*s, generator=g, dtype=torch.float32)
    channels = shape[1]
    conv = torch.nn.Conv2d(channels, filters, kernel, stride=stride, padding=padding, groups=groups, bias=bias)
    weight32 = randn(*conv.weight.shape) * 0.5
    bias32 = randn(filters) * 0.5 if bias else None
    x32 = randn(*shape)
    conv = conv.double()
    with torch.no_grad():
        conv.weight.copy_(weight32.double())
        if bias:
            conv.bias.copy_(bias32.double())
    x = x32.double().requires_grad_(True)
    y = conv(x)
    grad32 = randn(*y.shape)
    y.backward(grad32.double())
    params = {'weight': tensor(weight32)}
    grad_params = {'weight': tensor(conv.weight.grad)}
    if bias:
        params['bias'] = tensor(bias32)
        grad_params['bias'] = tensor(conv.bias.grad)
    node_params = {'filters': filters, 'kernelSize': kernel, 'stride': stride, 'padding': padding, 'groups': groups}
    if not bias:
        node_params['bias'] = False
    return {
        'name': name,
        'op': 'conv2d',
        'attrs': {'groups': groups},
        'node': {'op': 'conv2d', 'params': node_params},
        'inputs': {'x': tensor(x32)},
        'params': params,
        'grad_output': tensor(grad32),
        'expected': {
            'output': tensor(y),
            'grad_inputs': {'x': tensor(x.grad)},
            'grad_params': grad_params,
        },
    }


def main():
    g = torch.Generator().manual_seed(20261205)
    cases = [
        # Two groups of 2 channels, 3 filters each, 'same'-sized.
        case('conv2d_groups2_k3_p1', g, (2, 4, 5, 5), 6, 3, 1, 1, 2, True),
        # Depthwise: one filter per channel, stride 2, no bias (MobileNet's 3x3 depthwise layer).
        case('conv2d_depthwise_k3_s2_p1_nobias', g, (3, 4, 7, 6), 4, 3, 2, 1, 4, False),
        # Depthwise with a multiplier of 2: two filters per channel.
        case('conv2d_depthwise_multiplier2_k3', g, (2, 3, 6, 6), 6, 3, 1, 0, 3, True),
        # Four groups of one 1x1 pointwise filter over 2 channels each.
        case('conv2d_groups4_k1', g, (2, 8, 4, 4), 4, 1, 1, 0, 4, True),
    ]
    write_cases(OUT, cases)


if __name__ == '__main__':
    main()
