#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-silu.json, layers-hardswish.json and layers-relu6.json: forward and backward
# cases of the activations mobile networks use (torch.nn.SiLU, Hardswish, ReLU6), computed by PyTorch in float64 from
# float32 inputs and rounded to float32, in the format of layers.json. Each case names the Netwright node it checks
# ("node": op and params), so the parity test needs no translation table. The inputs include the points where each
# function changes its formula (0 and 6 for ReLU6, -3 and 3 for Hardswish), where PyTorch's one-sided derivatives are
# the ones to match.
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-mobile-activations.py
import os

import torch

from fixture_json import tensor, write_cases

FIXTURES = os.path.join(os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures')


def case(name, kind, module, x32, grad32):
    x = x32.to(torch.float64).requires_grad_(True)
    y = module(x)
    y.backward(grad32.to(torch.float64))
    return {
        'name': name,
        'op': kind,
        'attrs': {},
        'node': {'op': kind, 'params': {}},
        'inputs': {'x': tensor(x32)},
        'params': {},
        'grad_output': tensor(grad32),
        'expected': {'output': tensor(y), 'grad_inputs': {'x': tensor(x.grad)}},
    }


def cases_for(kind, module, edges, g):
    randn = lambda *shape: torch.randn(*shape, generator=g, dtype=torch.float32)
    # Feature vectors spread wide enough to reach every piece, with the edges planted.
    x = randn(3, 8) * 4
    flat = x.view(-1)
    for i, v in enumerate(edges):
        flat[i * 3] = v
    out = [case(f'{kind}_vector_with_edges', kind, module, x, randn(3, 8))]
    # An image batch (any shape is elementwise).
    out.append(case(f'{kind}_image', kind, module, randn(2, 3, 4, 4) * 3, randn(2, 3, 4, 4)))
    # One sample of small values (the middle piece only), and one of large ones (the outer pieces).
    out.append(case(f'{kind}_small_values', kind, module, randn(1, 9) * 0.1, randn(1, 9)))
    out.append(case(f'{kind}_large_values', kind, module, randn(1, 9) * 20, randn(1, 9)))
    return out


def main():
    g = torch.Generator().manual_seed(20261205)
    tables = {
        'silu': (torch.nn.SiLU(), [0.0, -1e-7, 1e-7, -30.0, 30.0, -90.0]),
        'hardswish': (torch.nn.Hardswish(), [-3.0, 3.0, 0.0, -3.0000002, 2.9999998, 3.0000002]),
        'relu6': (torch.nn.ReLU6(), [0.0, 6.0, -1e-7, 5.9999995, 6.0000005, 1e-7]),
    }
    for kind, (module, edges) in tables.items():
        cases = cases_for(kind, module, edges, g)
        path = os.path.join(FIXTURES, f'layers-{kind}.json')
        write_cases(path, cases)


if __name__ == '__main__':
    main()
