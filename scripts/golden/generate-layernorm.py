#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-layernorm.json: LayerNorm (torch.nn.LayerNorm(F) over feature vectors)
# forward and backward, the weight and bias gradients included, computed by PyTorch in float64 from float32 inputs
# and parameters and rounded to float32, in the format of layers.json ("node" names the Netwright layernorm).
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-layernorm.py
import os

import torch

from fixture_json import tensor, write_cases

OUT = os.path.join(
    os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'layers-layernorm.json'
)


def case(name, g, batch, features, eps=1e-5, affine=True, constant_row=False, offset=0.0):
    randn = lambda *s: torch.randn(*s, generator=g, dtype=torch.float32)
    module = torch.nn.LayerNorm(features, eps=eps).double()
    weight32 = randn(features) * 0.5 + 1 if affine else torch.ones(features)
    bias32 = randn(features) * 0.5 if affine else torch.zeros(features)
    with torch.no_grad():
        module.weight.copy_(weight32.double())
        module.bias.copy_(bias32.double())
    x32 = randn(batch, features) * 2 + offset
    if constant_row:
        x32[0] = 1.5  # var = 0: y = bias, dx = (dy weight - its mean) / sqrt(eps)
    x = x32.double().requires_grad_(True)
    y = module(x)
    grad32 = randn(batch, features)
    y.backward(grad32.double())
    return {
        'name': name,
        'op': 'layernorm',
        'attrs': {'normalized_shape': [features], 'eps': eps},
        'node': {'op': 'layernorm', 'params': {'eps': eps}},
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
        # One sample, PyTorch's starting weight (ones) and bias (zeros).
        case('layernorm_single_sample_init', g, 1, 6, affine=False),
        # A batch with learned-looking weight and bias.
        case('layernorm_batch', g, 5, 8),
        # Two features, the smallest that has a variance; inputs far from 0.
        case('layernorm_two_features_offset', g, 4, 2, offset=30.0),
        # A non-default eps, large enough to matter.
        case('layernorm_eps_0.1', g, 3, 5, eps=0.1),
        # A constant row (variance 0) among ordinary ones.
        case('layernorm_constant_row', g, 3, 7, constant_row=True),
        # Many features.
        case('layernorm_wide', g, 2, 64),
    ]
    write_cases(OUT, cases)


if __name__ == '__main__':
    main()
