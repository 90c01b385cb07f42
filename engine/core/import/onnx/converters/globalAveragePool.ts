// GlobalAveragePool -> globalavgpool2d. ONNX keeps [N, C, 1, 1]; Netwright's layer gives [N, C], so a Flatten,
// Squeeze or flattening Reshape after it changes nothing and becomes an alias.

import { layer, needsRank, type Converter } from '../convertTypes';

export const globalAveragePool: Converter = (ctx) => needsRank(ctx, 3) ?? layer('globalavgpool2d');
