// Mish -> mish: ONNX's own operator (opset 18 on), and the node the passes fuse from x * Tanh(Softplus(x))
// (domain 'netwright'), how PyTorch exports nn.Mish before opset 18 and Netwright's export writes it.
import { layer, type Converter } from '../convertTypes';

export const mish: Converter = () => layer('mish');
