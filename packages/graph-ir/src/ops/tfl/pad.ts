// Padding: PAD, PADV2, MIRROR_PAD. `paddings` is a constant [rank, 2] of (before, after) per dim.
import { enumOf } from '../attrs';
import type { InferArgs } from '../define';
import { constInts, input, vt } from '../infer/util';
import { padShape } from '../infer/pad';
import { tflOp } from './op';

const padInfer = (a: InferArgs) => {
  const x = input(a, 0, 'input');
  return [vt(x.dtype, padShape(x, constInts(a, 1)))];
};

export const PAD = tflOp('PAD', {
  category: 'shape',
  inputs: ['input', 'paddings'],
  optionsTable: 'PadOptions',
  doc: 'Pads with zeros (the zero point when quantized).',
  infer: padInfer,
});

export const PADV2 = tflOp('PADV2', {
  category: 'shape',
  inputs: ['input', 'paddings', 'constantValues'],
  optionsTable: 'PadV2Options',
  doc: 'Pads with the scalar constantValues.',
  infer: padInfer,
});

export const MIRROR_PAD = tflOp('MIRROR_PAD', {
  category: 'shape',
  inputs: ['input', 'paddings'],
  optionsTable: 'MirrorPadOptions',
  attrs: { mode: enumOf(['REFLECT', 'SYMMETRIC'], 'REFLECT', 'MirrorPadMode') },
  doc: 'Pads by mirroring: REFLECT excludes the border element (pad ≤ dim - 1), SYMMETRIC repeats it (pad ≤ dim).',
  infer(a) {
    const x = input(a, 0, 'input');
    const reflect = a.attrs['mode'] !== 'SYMMETRIC';
    return [vt(x.dtype, padShape(x, constInts(a, 1), (d) => (reflect ? d - 1 : d)))];
  },
});
