#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-silu.json, layers-hardswish.json and layers-relu6.json: forward and backward
# cases of the activations mobile networks use (torch.nn.SiLU, Hardswish, ReLU6), computed by PyTorch in float64 from
# float32 inputs and rounded to float32, in the format of layers.json (activation_cases.py). The inputs include the
# points where each function changes its formula (0 and 6 for ReLU6, -3 and 3 for Hardswish), where PyTorch's
# one-sided derivatives are the ones to match.
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-mobile-activations.py
import torch

from activation_cases import write_activation_fixtures


def main():
    write_activation_fixtures({
        'silu': (torch.nn.SiLU(), [0.0, -1e-7, 1e-7, -30.0, 30.0, -90.0]),
        'hardswish': (torch.nn.Hardswish(), [-3.0, 3.0, 0.0, -3.0000002, 2.9999998, 3.0000002]),
        'relu6': (torch.nn.ReLU6(), [0.0, 6.0, -1e-7, 5.9999995, 6.0000005, 1e-7]),
    }, 20261205)


if __name__ == '__main__':
    main()
