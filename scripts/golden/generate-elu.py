#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-elu.json: ELU forward and backward cases computed by PyTorch (torch.nn.ELU)
# in float64 from float32 inputs and rounded to float32, in the format of layers.json. Each case also names the
# Netwright node it checks ("node": op and params), so the parity test needs no translation table.
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-elu.py
import os

import torch

from fixture_json import tensor, write_cases

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'layers-elu.json')


def case(name, alpha, x32, grad32):
    x = x32.to(torch.float64).requires_grad_(True)
    y = torch.nn.ELU(alpha=alpha)(x)
    y.backward(grad32.to(torch.float64))
    return {
        'name': name,
        'op': 'elu',
        'attrs': {'alpha': alpha},
        'node': {'op': 'elu', 'params': {'alpha': alpha}},
        'inputs': {'x': tensor(x32)},
        'params': {},
        'grad_output': tensor(grad32),
        'expected': {'output': tensor(y), 'grad_inputs': {'x': tensor(x.grad)}},
    }


def main():
    g = torch.Generator().manual_seed(20261203)
    randn = lambda *shape: torch.randn(*shape, generator=g, dtype=torch.float32)
    cases = []
    # Default alpha on feature vectors, with exact zeros (the derivative there is alpha, as in PyTorch) and values far
    # below zero (the output saturates at -alpha).
    x = randn(3, 6) * 2
    x[0, 0] = 0.0
    x[1, 3] = 0.0
    x[2, 5] = -20.0
    x[2, 4] = 1e-7
    x[1, 1] = -1e-7
    cases.append(case('elu_default_alpha_vector', 1.0, x, randn(3, 6)))
    # A smaller alpha on an image batch (any shape is elementwise), with zeros: there the gradient is alpha, not 1.
    x = randn(2, 3, 4, 4) * 3
    x[0, 1, 2, :] = 0.0
    cases.append(case('elu_alpha_0.5_image', 0.5, x, randn(2, 3, 4, 4)))
    # A larger alpha and a single sample.
    cases.append(case('elu_alpha_2_single_sample', 2.0, randn(1, 9) * 4, randn(1, 9)))
    # alpha 0 is ReLU.
    cases.append(case('elu_alpha_0_is_relu', 0.0, randn(2, 5), randn(2, 5)))
    write_cases(OUT, cases)


if __name__ == '__main__':
    main()
