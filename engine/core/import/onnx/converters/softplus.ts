// Softplus -> softplus: ONNX's log(exp(x) + 1) has no threshold, where Netwright's (nn.Softplus's) is x above 20;
// there the two differ by under e^-20, less than float32 resolves. nn.Softplus() is exported as this operator.
import { layer, type Converter } from '../convertTypes';

export const softplus: Converter = () => layer('softplus');
