#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-groupnorm.json: GroupNorm (torch.nn.GroupNorm(G, C) over images [C, H, W])
# forward and backward, the weight and bias gradients included, computed by PyTorch in float64 from float32 inputs
# and parameters and rounded to float32, in the format of layers.json ("node" names the Netwright groupnorm).
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-groupnorm.py
import os

import torch

from fixture_json import tensor, write_cases

OUT = os.path.join(
    os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'layers-groupnorm.json'
)


def case(name, g, batch, groups, channels, height, width, eps=1e-5, affine=True, constant_group=False, offset=0.0):
    randn = lambda *s: torch.randn(*s, generator=g, dtype=torch.float32)
    module = torch.nn.GroupNorm(groups, channels, eps=eps).double()
    weight32 = randn(channels) * 0.5 + 1 if affine else torch.ones(channels)
    bias32 = randn(channels) * 0.5 if affine else torch.zeros(channels)
    with torch.no_grad():
        module.weight.copy_(weight32.double())
        module.bias.copy_(bias32.double())
    x32 = randn(batch, channels, height, width) * 2 + offset
    if constant_group:
        # The first group of the first sample is constant (var = 0): y = bias, dx = (g - its mean) / sqrt(eps).
        x32[0, : channels // groups] = 1.5
    x = x32.double().requires_grad_(True)
    y = module(x)
    grad32 = randn(batch, channels, height, width)
    y.backward(grad32.double())
    return {
        'name': name,
        'op': 'groupnorm',
        'attrs': {'num_groups': groups, 'num_channels': channels, 'eps': eps},
        'node': {'op': 'groupnorm', 'params': {'groups': groups, 'eps': eps}},
        'inputs': {'x': tensor(x32)},
        'params': {'weight': tensor(weight32), 'bias': tensor(bias32)},
        'grad_output': tensor(grad32),
        'expected': {
            'output': tensor(y),
            'grad_inputs': {'x': tensor(x.grad)},
            'grad_params': {'weight': tensor(module.weight.grad), 'bias': tensor(module.bias.grad)},
        },
    }


def main():
    g = torch.Generator().manual_seed(20261205)
    cases = [
        # One sample, PyTorch's starting weight (ones) and bias (zeros), the default eps.
        case('groupnorm_single_sample_init', g, 1, 2, 4, 3, 3, affine=False),
        # A batch with learned-looking weight and bias.
        case('groupnorm_batch', g, 4, 2, 6, 4, 5),
        # One group: every channel together (LayerNorm over [C, H, W]).
        case('groupnorm_one_group', g, 3, 1, 3, 3, 2),
        # As many groups as channels (InstanceNorm with a per-channel affine), inputs far from 0.
        case('groupnorm_group_per_channel_offset', g, 2, 4, 4, 3, 3, offset=30.0),
        # A non-default eps, large enough to matter.
        case('groupnorm_eps_0.1', g, 3, 3, 6, 2, 2, eps=0.1),
        # A constant group (variance 0) among ordinary ones.
        case('groupnorm_constant_group', g, 2, 2, 4, 3, 3, constant_group=True),
        # A single position per channel (H = W = 1), groups of 2 channels.
        case('groupnorm_one_position', g, 5, 4, 8, 1, 1),
        # Many channels and positions.
        case('groupnorm_wide', g, 2, 8, 32, 6, 6),
    ]
    write_cases(OUT, cases)


if __name__ == '__main__':
    main()
