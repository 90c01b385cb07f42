#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-conv2d-groups.json: grouped and depthwise convolutions (torch.nn.Conv2d with
# groups > 1) forward and backward, computed by PyTorch in float64 from float32 inputs and weights and rounded to
# float32, in the format of layers.json ("node" names the Netwright conv2d the case checks).
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-grouped-conv.py
import os

import torch

from conv_cases import conv_case
from fixture_json import write_cases

OUT = os.path.join(
    os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'layers-conv2d-groups.json'
)


def case(name, g, shape, filters, kernel, stride, padding, groups, bias):
    attrs = {'groups': groups}
    return conv_case(name, g, shape, filters, kernel, bias, attrs, stride=stride, padding=padding, groups=groups)


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
