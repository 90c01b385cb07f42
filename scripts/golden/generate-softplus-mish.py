#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-softplus.json and layers-mish.json: forward and backward cases of
# torch.nn.Softplus (its defaults, beta 1 and threshold 20) and torch.nn.Mish, computed by PyTorch in float64 from
# float32 inputs and rounded to float32, in the format of layers.json (activation_cases.py). The inputs include
# Softplus's threshold (20 itself, and the float32 values on either side of it, where y becomes x and the derivative
# 1), values whose exp underflows (-90) or, for Mish (whose softplus has no threshold), overflows in double (800).
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-softplus-mish.py
import torch

from activation_cases import write_activation_fixtures


def main():
    write_activation_fixtures({
        'softplus': (torch.nn.Softplus(), [0.0, 20.0, 20.000002, 19.999998, -30.0, 30.0, -90.0, -1e-7]),
        'mish': (torch.nn.Mish(), [0.0, -1e-7, 1e-7, -30.0, 30.0, -90.0, 800.0, -800.0]),
    }, 20261205)


if __name__ == '__main__':
    main()
