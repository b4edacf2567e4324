// Signal processing: RFFT2D.
import { shapeMismatch } from '../errors';
import { constInts, fmt, input, vt } from '../infer/util';
import { tflOp } from './op';

export const RFFT2D = tflOp('RFFT2D', {
  category: 'signal',
  inputs: ['input', 'fftLength'],
  optionsTable: 'Rfft2dOptions',
  doc: '2-D real FFT over the last two dims with the constant fftLength [h, w]: complex64 [..., h, w / 2 + 1].',
  infer(a) {
    const x = input(a, 0, 'input');
    const len = constInts(a, 1);
    if (x.shape && x.shape.length < 2) shapeMismatch(`input must have rank >= 2, got ${fmt(x.shape)}`);
    if (!x.shape) return [vt('complex64', undefined)];
    return [vt('complex64', [...x.shape.slice(0, -2), len ? len[0]! : -1, len ? Math.floor(len[1]! / 2) + 1 : -1])];
  },
});
