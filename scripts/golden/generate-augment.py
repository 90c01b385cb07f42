#!/usr/bin/env python3
# Writes engine/test/golden/fixtures/augment.json: each image augmentation applied by a plain-PyTorch reference
# (torch.flip, F.pad + slicing, F.affine_grid + F.grid_sample, arithmetic) to fixed standardized images with the
# random draws given explicitly, computed in float64 and rounded to float32. engine/test/golden/augment.test.ts
# checks engine/core/train/augment.ts against it. No torchvision: only torch.
# Run with the system Python that has torch:  /usr/bin/python3 scripts/golden/generate-augment.py
import json
import math
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'engine', 'test', 'golden', 'fixtures', 'augment.json')


def f32_list(t):
    """float32 values as the shortest decimals that read back as the same float32."""
    out = []
    for v in t.detach().to(torch.float32).flatten().tolist():
        for digits in range(6, 10):
            text = f'{v:.{digits}g}'
            if torch.tensor(float(text), dtype=torch.float32).item() == v:
                break
        out.append(float(text))
    return out


def reference(z, mean, std, draw, cutout_size):
    """z: standardized image (C, H, W) float64; returns the augmented standardized image (C, H, W)."""
    c, h, w = z.shape
    m = torch.tensor(mean, dtype=torch.float64).view(c, 1, 1)
    s = torch.tensor(std, dtype=torch.float64).view(c, 1, 1)
    raw = z * s + m
    source_mean = raw.mean()
    x = raw
    if draw['flipHorizontal']:
        x = torch.flip(x, dims=[2])
    if draw['flipVertical']:
        x = torch.flip(x, dims=[1])
    # Shift = crop of the zero-padded image: the crop's origin is (pad + shiftY, pad + shiftX).
    pad = max(abs(draw['shiftX']), abs(draw['shiftY']))
    if pad:
        padded = F.pad(x, (pad, pad, pad, pad))
        top, left = pad + draw['shiftY'], pad + draw['shiftX']
        x = padded[:, top : top + h, left : left + w]
    if draw['angleDegrees'] != 0:
        a = math.radians(draw['angleDegrees'])
        # In pixels about the centre: input offset = R · output offset; in grid_sample's [-1, 1] coordinates the
        # off-diagonal terms carry the aspect ratio.
        theta = torch.tensor(
            [[[math.cos(a), -math.sin(a) * h / w, 0.0], [math.sin(a) * w / h, math.cos(a), 0.0]]], dtype=torch.float64
        )
        grid = F.affine_grid(theta, [1, c, h, w], align_corners=False)
        x = F.grid_sample(x.unsqueeze(0), grid, mode='bilinear', padding_mode='zeros', align_corners=False)[0]
    b, k = draw['brightness'], draw['contrast']
    x = k * b * x + (1 - k) * b * source_mean
    for cy, cx in draw['cutouts']:
        top, left = cy - cutout_size // 2, cx - cutout_size // 2
        x[:, max(0, top) : max(0, top + cutout_size), max(0, left) : max(0, left + cutout_size)] = 0
    return (x - m) / s


NONE = {
    'flipHorizontal': False,
    'flipVertical': False,
    'shiftX': 0,
    'shiftY': 0,
    'angleDegrees': 0.0,
    'brightness': 1.0,
    'contrast': 1.0,
    'cutouts': [],
}

CASES = [
    ('identity', {}, 0),
    ('horizontal flip', {'flipHorizontal': True}, 0),
    ('vertical flip', {'flipVertical': True}, 0),
    ('shift right and up (crop with padding)', {'shiftX': 2, 'shiftY': -1}, 0),
    ('shift left and down', {'shiftX': -3, 'shiftY': 2}, 0),
    ('rotation 12 degrees', {'angleDegrees': 12.0}, 0),
    ('rotation -30 degrees', {'angleDegrees': -30.0}, 0),
    ('brightness', {'brightness': 1.25}, 0),
    ('contrast', {'contrast': 0.7}, 0),
    ('cutout inside and at a corner', {'cutouts': [[3, 4], [0, 8]]}, 3),
    (
        'everything together',
        {
            'flipHorizontal': True,
            'flipVertical': True,
            'shiftX': 1,
            'shiftY': 2,
            'angleDegrees': 7.5,
            'brightness': 0.9,
            'contrast': 1.2,
            'cutouts': [[5, 1]],
        },
        2,
    ),
]


def main():
    torch.manual_seed(15)
    shape = [2, 7, 9]  # not square, so the rotation's aspect handling is checked
    mean, std = [0.4, 0.55], [0.25, 0.3]
    raw = torch.rand(shape, dtype=torch.float64)
    m = torch.tensor(mean, dtype=torch.float64).view(2, 1, 1)
    s = torch.tensor(std, dtype=torch.float64).view(2, 1, 1)
    z32 = ((raw - m) / s).to(torch.float32)
    cases = []
    for name, changes, cutout_size in CASES:
        draw = {**NONE, **changes}
        out = reference(z32.to(torch.float64), mean, std, draw, cutout_size)
        cases.append(
            {
                'name': name,
                'shape': shape,
                'normalization': {'mean': mean, 'std': std},
                'draw': draw,
                'cutoutSize': cutout_size,
                'input': f32_list(z32),
                'output': f32_list(out),
            }
        )
    with open(OUT, 'w') as f:
        json.dump({'generator': 'scripts/golden/generate-augment.py', 'torch': torch.__version__, 'cases': cases}, f)
        f.write('\n')
    print(f'wrote {len(cases)} cases to {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
