// The image augmentation part of the PyTorch script: the run's augmentation settings and the same transforms as
// engine/core/train/augment.ts written with plain torch ops (no torchvision), applied to each training batch.
import { augmentationActive } from '../train/augment';
import type { TrainConfig } from '../train/config';
import { py } from './python';

export interface AugmentationSource {
  /** AUGMENTATION = {...} or None. */
  settings: string;
  /** draw_augmentation and augment (empty when augmentation is off). */
  code: string;
}

export function pytorchAugmentationSource(config: TrainConfig, dataKind: 'csv' | 'images'): AugmentationSource {
  const a = config.augmentation;
  if (!augmentationActive(a)) return { settings: 'AUGMENTATION = None  # no image augmentation in training', code: '' };
  if (dataKind !== 'images')
    throw new Error('PyTorch export: augmentation changes images, and this model reads a table; turn it off');
  const settings = {
    horizontal_flip: a!.horizontalFlip ?? 0,
    vertical_flip: a!.verticalFlip ?? 0,
    crop_padding: a!.cropPadding ?? 0,
    rotation_degrees: a!.rotationDegrees ?? 0,
    brightness: a!.brightness ?? 0,
    contrast: a!.contrast ?? 0,
    cutout_size: (a!.cutoutCount ?? 0) > 0 ? (a!.cutoutSize ?? 0) : 0,
    cutout_count: (a!.cutoutSize ?? 0) > 0 ? (a!.cutoutCount ?? 0) : 0,
  };
  return {
    settings: [
      '# Image augmentation of every training batch (validation and test rows are never changed): flips with these',
      '# probabilities, a shift of up to crop_padding pixels (a crop of the zero-padded image), a rotation of up to',
      '# rotation_degrees, brightness and contrast factors in [1 - b, 1 + b], and cutout_count black squares.',
      `AUGMENTATION = ${py(settings)}`,
    ].join('\n'),
    code: AUGMENT_CODE,
  };
}

const AUGMENT_CODE = String.raw`def draw_augmentation(n, height, width, generator):
    """Each image's random changes (Netwright draws them from a hash of seed, epoch and row; here torch's
    generator draws them, so the values differ but follow the same distributions)."""
    a = AUGMENTATION
    u = lambda *shape: torch.rand(*shape, generator=generator, dtype=torch.float64)
    pad = a['crop_padding']
    return {
        'flip_horizontal': u(n) < a['horizontal_flip'],
        'flip_vertical': u(n) < a['vertical_flip'],
        'shift_x': (u(n) * (2 * pad + 1)).floor().long() - pad,
        'shift_y': (u(n) * (2 * pad + 1)).floor().long() - pad,
        'angle_degrees': (2 * u(n) - 1) * a['rotation_degrees'],
        'brightness': 1 + (2 * u(n) - 1) * a['brightness'],
        'contrast': 1 + (2 * u(n) - 1) * a['contrast'],
        'cutouts': torch.stack([(u(n, a['cutout_count']) * height).floor().long(),
                                (u(n, a['cutout_count']) * width).floor().long()], dim=2),  # [n, count, (y, x)]
    }


def augment(x, draws, cutout_size):
    """The augmented batch of standardized images x [N, C, H, W], worked on raw pixel values (black = 0):
    flips, shift, rotation about the centre (bilinear), brightness b and contrast c as c*b*raw + (1-c)*b*mean
    (mean over each source image), cutout squares; then standardized again."""
    n, c, h, w = x.shape
    x = x.double()
    if NORMALIZATION is not None:
        mean = torch.tensor(NORMALIZATION['mean'], dtype=torch.float64).view(1, c, 1, 1)
        std = torch.tensor([s if s > 0 else 1.0 for s in NORMALIZATION['std']], dtype=torch.float64).view(1, c, 1, 1)
    else:
        mean, std = torch.zeros(1, c, 1, 1, dtype=torch.float64), torch.ones(1, c, 1, 1, dtype=torch.float64)
    raw = x * std + mean
    source_mean = raw.mean(dim=(1, 2, 3), keepdim=True)
    raw = torch.where(draws['flip_horizontal'].view(n, 1, 1, 1), raw.flip(3), raw)
    raw = torch.where(draws['flip_vertical'].view(n, 1, 1, 1), raw.flip(2), raw)
    pad = int(max(draws['shift_x'].abs().max(), draws['shift_y'].abs().max()))
    if pad:
        padded = F.pad(raw, (pad, pad, pad, pad))
        raw = torch.stack([padded[i, :, pad + int(dy):pad + int(dy) + h, pad + int(dx):pad + int(dx) + w]
                           for i, (dx, dy) in enumerate(zip(draws['shift_x'], draws['shift_y']))])
    angle = draws['angle_degrees'] * math.pi / 180
    if bool((angle != 0).any()):
        cos, sin, zero = angle.cos(), angle.sin(), torch.zeros_like(angle)
        # Rotation about the centre in pixels; in grid_sample's [-1, 1] coordinates the off-diagonal terms
        # carry the aspect ratio.
        theta = torch.stack([torch.stack([cos, -sin * h / w, zero], 1), torch.stack([sin * w / h, cos, zero], 1)], 1)
        grid = F.affine_grid(theta, [n, c, h, w], align_corners=False)
        raw = F.grid_sample(raw, grid, mode='bilinear', padding_mode='zeros', align_corners=False)
    b = draws['brightness'].view(n, 1, 1, 1)
    k = draws['contrast'].view(n, 1, 1, 1)
    raw = k * b * raw + (1 - k) * b * source_mean
    if cutout_size > 0 and draws['cutouts'].shape[1] > 0:
        ys = torch.arange(h).view(1, 1, h, 1)
        xs = torch.arange(w).view(1, 1, 1, w)
        top = (draws['cutouts'][:, :, 0] - cutout_size // 2).view(n, -1, 1, 1)
        left = (draws['cutouts'][:, :, 1] - cutout_size // 2).view(n, -1, 1, 1)
        inside = (ys >= top) & (ys < top + cutout_size) & (xs >= left) & (xs < left + cutout_size)
        raw = raw.masked_fill(inside.any(1, keepdim=True), 0.0)
    return ((raw - mean) / std).float()`;
