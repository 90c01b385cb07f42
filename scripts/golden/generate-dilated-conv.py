#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/layers-conv2d-dilation.json: dilated (atrous) convolutions (torch.nn.Conv2d with
# dilation > 1, stride 1), plain and depthwise, forward and backward, computed by PyTorch in float64 from float32
# inputs and weights and rounded to float32, in the format of layers.json ("node" names the Netwright conv2d the case
# checks). The input sizes are odd or uneven, so the engine's phases (every d-th row and column) differ in size, and
# one case has a phase no output reads.
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-dilated-conv.py
import os

import torch

from conv_cases import conv_case, param_value
from fixture_json import write_cases

OUT = os.path.join(
    os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'layers-conv2d-dilation.json'
)


def case(name, g, shape, filters, kernel, padding, dilation, groups, bias):
    attrs = {'dilation': param_value(dilation), 'groups': groups}
    settings = {'stride': 1, 'padding': padding, 'dilation': dilation, 'groups': groups}
    return conv_case(name, g, shape, filters, kernel, bias, attrs, **settings)


def main():
    g = torch.Generator().manual_seed(20261206)
    cases = [
        # 3x3 dilated by 2, no padding, on 9x8: phases of 5 and 4 rows, 4 and 4 columns.
        case('conv2d_dilation2_k3_p0', g, (2, 3, 9, 8), 4, 3, 0, 2, 1, True),
        # Dilation [2, 1] (rows only), 'same' padding ([2, 1]), no bias.
        case('conv2d_dilation2x1_k3_same_nobias', g, (2, 2, 7, 6), 3, 3, 'same', (2, 1), 1, False),
        # 3x3 dilated by 3 with padding 1 on 8x7: output 4x3, its phases 2, 1 and 1 rows of one column each.
        case('conv2d_dilation3_k3_p1', g, (1, 2, 8, 7), 2, 3, 1, 3, 1, True),
        # DeepLab's atrous depthwise convolution: one 3x3 filter per channel, dilation 2, 'same'.
        case('conv2d_depthwise_dilation2_k3_same', g, (2, 4, 7, 7), 4, 3, 'same', 2, 4, True),
        # Depthwise with a multiplier of 2, dilation [1, 2] and padding [1, 2], no bias.
        case('conv2d_depthwise_multiplier2_dilation1x2_nobias', g, (2, 3, 6, 9), 6, 3, (1, 2), (1, 2), 3, False),
        # 2x2 dilated by 3 (spans 4x4) on 5x6: output rows 0 and 1 read input rows 0, 3 and 1, 4; row 2 (phase 2) none.
        case('conv2d_dilation3_k2_unread_rows', g, (2, 2, 5, 6), 3, 2, 0, 3, 1, True),
    ]
    write_cases(OUT, cases)


if __name__ == '__main__':
    main()
