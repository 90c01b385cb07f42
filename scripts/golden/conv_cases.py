# A torch.nn.Conv2d case for the golden fixtures, shared by generate-grouped-conv.py and generate-dilated-conv.py:
# float32 weight, bias, input and upstream gradient drawn from `g` in that order, forward and backward computed by
# PyTorch in float64 and rounded to float32, in the format of layers.json ("node" names the Netwright conv2d).
import torch

from fixture_json import tensor


def param_value(value):
    """A Netwright param: n, a string ('same'), or [height, width] for a tuple."""
    return list(value) if isinstance(value, tuple) else value


def conv_case(name, g, shape, filters, kernel, bias, attrs, **settings):
    """`settings` are nn.Conv2d's keyword arguments (stride, padding, dilation, groups), which Netwright's conv2d
    params share the names of; the node's params are filters, kernelSize, then these in the order given."""
    randn = lambda *s: torch.randn(*s, generator=g, dtype=torch.float32)
    conv = torch.nn.Conv2d(shape[1], filters, kernel, bias=bias, **settings)
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
    node_params = {'filters': filters, 'kernelSize': param_value(kernel)}
    node_params.update({key: param_value(value) for key, value in settings.items()})
    if not bias:
        node_params['bias'] = False
    return {
        'name': name,
        'op': 'conv2d',
        'attrs': attrs,
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
