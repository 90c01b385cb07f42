// Relu -> relu.
import { layer, type Converter } from '../convertTypes';

export const relu: Converter = () => layer('relu');
