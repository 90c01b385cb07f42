// Param definitions several layer kinds share: weight initialization and the bias switch.
import type { ParamDef } from '../../spec/layerTypes';

const INIT_CHOICES = ['auto', 'xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal'] as const;

export const initParam: ParamDef = {
  name: 'init',
  label: 'Initialization',
  type: 'enum',
  default: 'auto',
  choices: INIT_CHOICES,
  help: "How the starting weights are drawn; 'auto' uses Kaiming (He) before a ReLU-family activation and Xavier otherwise.",
};

export const biasParam: ParamDef = {
  name: 'bias',
  label: 'Bias',
  type: 'bool',
  default: true,
  help: 'Add a learned offset to each output; turn it off right before batch norm, which has its own.',
};
