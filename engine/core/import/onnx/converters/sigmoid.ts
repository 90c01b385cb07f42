// Sigmoid -> sigmoid.
import { layer, type Converter } from '../convertTypes';

export const sigmoid: Converter = () => layer('sigmoid');
