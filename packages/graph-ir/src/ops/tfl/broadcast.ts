// Repeating and broadcasting: TILE, BROADCAST_TO, BROADCAST_ARGS.
import { broadcastShapes } from '../../shape';
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { constInts, dimMul, fmt, input, isKnownDim, unknownDims, vectorLength, vt } from '../infer/util';
import { tflOp } from './op';

export const TILE = tflOp('TILE', {
  category: 'shape',
  inputs: ['input', 'multiples'],
  optionsTable: 'TileOptions',
  doc: 'Repeats the input multiples[i] times along dim i.',
  infer(a) {
    const x = input(a, 0, 'input');
    const m = constInts(a, 1);
    if (!x.shape) return [vt(x.dtype, unknownDims(m?.length ?? vectorLength(a.inputs[1])))];
    if (!m) return [vt(x.dtype, x.shape.map(() => -1))];
    if (m.length !== x.shape.length) shapeMismatch(`multiples [${m.join(',')}] do not match the rank of ${fmt(x.shape)}`);
    return [vt(x.dtype, x.shape.map((d, i): Dim => dimMul(d, m[i]!)))];
  },
});

export const BROADCAST_TO = tflOp('BROADCAST_TO', {
  category: 'shape',
  inputs: ['input', 'shape'],
  optionsTable: 'BroadcastToOptions',
  doc: 'Broadcasts the input to the constant `shape` (NumPy rules).',
  infer(a) {
    const x = input(a, 0, 'input');
    const s = constInts(a, 1);
    if (!s) return [vt(x.dtype, unknownDims(vectorLength(a.inputs[1])))];
    const out = broadcastShapes(x.shape, s);
    if (out && out.some((d, i) => isKnownDim(d) && d !== s[i])) shapeMismatch(`input ${fmt(x.shape)} cannot be broadcast to [${s.join(',')}]`);
    return [vt(x.dtype, s)];
  },
});

export const BROADCAST_ARGS = tflOp('BROADCAST_ARGS', {
  category: 'shape',
  inputs: ['s0', 's1'],
  doc: 'The broadcast shape of two 1-D shape tensors.',
  infer(a) {
    const s0 = input(a, 0, 's0');
    const s1 = input(a, 1, 's1');
    const x = constInts(a, 0);
    const y = constInts(a, 1);
    if (x && y) return [vt(s0.dtype, [broadcastShapes(x, y)!.length])];
    const n0 = vectorLength(s0);
    const n1 = vectorLength(s1);
    return [vt(s0.dtype, [n0 !== undefined && n1 !== undefined ? Math.max(n0, n1) : -1])];
  },
});
