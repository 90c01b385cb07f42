// Tanh -> tanh.
import { layer, type Converter } from '../convertTypes';

export const tanh: Converter = () => layer('tanh');
