// HardSwish -> hardswish: ONNX's own operator (opset 14 on), and the node the passes fuse from x * HardSigmoid(x)
// with alpha 1/6 and beta 1/2 (domain 'netwright'), how PyTorch exports nn.Hardswish before opset 14.
import { layer, type Converter } from '../convertTypes';

export const hardSwish: Converter = () => layer('hardswish');
