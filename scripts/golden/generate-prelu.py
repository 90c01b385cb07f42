#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-prelu.json: PReLU (torch.nn.PReLU) forward and backward, the slopes'
# gradients included, computed by PyTorch in float64 from float32 inputs and slopes and rounded to float32, in the
# format of layers.json ("node" names the Netwright prelu the case checks).
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-prelu.py
import os

import torch

from fixture_json import tensor, write_cases

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'layers-prelu.json')


def case(name, g, shape, per_channel, slope32=None):
    randn = lambda *s: torch.randn(*s, generator=g, dtype=torch.float32)
    slopes = shape[1] if per_channel else 1
    module = torch.nn.PReLU(num_parameters=slopes).double()
    if slope32 is None:
        slope32 = randn(slopes) * 0.3 + 0.25
    with torch.no_grad():
        module.weight.copy_(slope32.double())
    x32 = randn(*shape) * 2
    x32.view(-1)[0] = 0.0  # at 0 the negative side's formulas hold (PyTorch: x > 0 is the positive side)
    x = x32.double().requires_grad_(True)
    y = module(x)
    grad32 = randn(*y.shape)
    y.backward(grad32.double())
    return {
        'name': name,
        'op': 'prelu',
        'attrs': {'num_parameters': slopes},
        'node': {'op': 'prelu', 'params': {'perChannel': per_channel}},
        'inputs': {'x': tensor(x32)},
        'params': {'weight': tensor(slope32)},
        'grad_output': tensor(grad32),
        'expected': {
            'output': tensor(y),
            'grad_inputs': {'x': tensor(x.grad)},
            'grad_params': {'weight': tensor(module.weight.grad)},
        },
    }


def main():
    g = torch.Generator().manual_seed(20261205)
    cases = [
        # One slope for the whole layer, at PyTorch's starting value, on feature vectors.
        case('prelu_shared_vector', g, (4, 6), False, torch.tensor([0.25])),
        # One slope per feature of a vector.
        case('prelu_per_feature_vector', g, (5, 3), True),
        # One slope per channel of an image batch.
        case('prelu_per_channel_image', g, (2, 3, 4, 4), True),
        # One slope shared over an image.
        case('prelu_shared_image', g, (3, 2, 3, 3), False),
    ]
    write_cases(OUT, cases)


if __name__ == '__main__':
    main()
