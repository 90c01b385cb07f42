# The cases of an activation without parameters (generate-mobile-activations.py, generate-softplus-mish.py): forward
# and backward computed by PyTorch in float64 from float32 inputs and rounded to float32, in the format of layers.json,
# each naming the Netwright node it checks ("node": op and params), so the parity test needs no translation table.
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
    """Four cases of `kind`, with up to 8 `edges` (where the function changes its formula) planted in the first."""
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


def write_activation_fixtures(tables, seed):
    """layers-<kind>.json for each kind of `tables` ({kind: (module, edges)}), in order, from one generator."""
    g = torch.Generator().manual_seed(seed)
    for kind, (module, edges) in tables.items():
        write_cases(os.path.join(FIXTURES, f'layers-{kind}.json'), cases_for(kind, module, edges, g))
