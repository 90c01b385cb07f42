// SiLU -> silu: the node the passes fuse from x * Sigmoid(x) (domain 'netwright'), how PyTorch exports nn.SiLU.
import { layer, type Converter } from '../convertTypes';

export const silu: Converter = () => layer('silu');
