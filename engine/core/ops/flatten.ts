// Flatten: (N, C, H, W) -> (N, C*H*W) in row-major order. The values keep their order, so forward and
// backward are the identity's copies; only the shape the next layer sees changes.
export { identity as flatten } from './identity';
