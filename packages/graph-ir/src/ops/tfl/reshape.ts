// Rank and layout changes: RESHAPE, SQUEEZE, EXPAND_DIMS, TRANSPOSE.
import { ints } from '../attrs';
import { invalidAttr, shapeMismatch } from '../errors';
import { permute, reshapeShape } from '../infer/reshape';
import { attrInts, constInts, constScalar, fmt, input, isKnownDim, normAxis, unknownDims, vectorLength, vt } from '../infer/util';
import { tflOp } from './op';

export const RESHAPE = tflOp('RESHAPE', {
  category: 'shape',
  inputs: ['input', 'shape?'],
  optionsTable: 'ReshapeOptions',
  attrs: { newShape: ints() },
  doc: 'Same elements, new shape: from the 1-D `shape` operand when present, else the newShape attribute. One -1 is inferred from the element count (symbolically when the rest matches).',
  infer(a) {
    const x = input(a, 0, 'input');
    const shapeIn = a.inputs[1];
    let target: number[] | undefined;
    if (shapeIn && (shapeIn.shape === undefined || shapeIn.shape.length === 1)) {
      target = constInts(a, 1);
      if (!target) return [vt(x.dtype, unknownDims(vectorLength(shapeIn)))];
    } else {
      target = attrInts(a, 'newShape');
      if (!target) return shapeIn ? [vt(x.dtype, undefined)] : invalidAttr('needs a `shape` operand or the newShape attribute');
      if (target.length === 1 && target[0] === 0) target = []; // legacy models write [0] for a scalar
    }
    return [vt(x.dtype, reshapeShape(x.shape, target))];
  },
});

export const SQUEEZE = tflOp('SQUEEZE', {
  category: 'shape',
  inputs: ['input'],
  optionsTable: 'SqueezeOptions',
  attrs: { squeezeDims: ints([]) },
  doc: 'Removes the size-1 dims in squeezeDims (negative allowed), or every size-1 dim when it is empty (then an unknown or symbolic dim, which may be 1, makes the rank unknown).',
  infer(a) {
    const x = input(a, 0, 'input');
    if (!x.shape) return [vt(x.dtype, undefined)];
    const dims = attrInts(a, 'squeezeDims') ?? [];
    if (dims.length === 0) {
      if (x.shape.some((d) => !isKnownDim(d))) return [vt(x.dtype, undefined)];
      return [vt(x.dtype, x.shape.filter((d) => d !== 1))];
    }
    const drop = new Set(dims.map((d) => normAxis(d, x.shape!.length, 'squeezeDims entry')));
    for (const i of drop) {
      const d = x.shape[i]!;
      if (isKnownDim(d) && d !== 1) shapeMismatch(`cannot squeeze dim ${i} of size ${d} in ${fmt(x.shape)}`);
    }
    return [vt(x.dtype, x.shape.filter((_, i) => !drop.has(i)))];
  },
});

export const EXPAND_DIMS = tflOp('EXPAND_DIMS', {
  category: 'shape',
  inputs: ['input', 'axis'],
  optionsTable: 'ExpandDimsOptions',
  doc: 'Inserts a size-1 dim at the constant scalar `axis` (-rank-1 ≤ axis ≤ rank).',
  infer(a) {
    const x = input(a, 0, 'input');
    if (!x.shape) return [vt(x.dtype, undefined)];
    const axis = constScalar(a, 1);
    if (axis === undefined) return [vt(x.dtype, unknownDims(x.shape.length + 1))];
    const at = normAxis(axis, x.shape.length, 'axis', 1);
    return [vt(x.dtype, [...x.shape.slice(0, at), 1, ...x.shape.slice(at)])];
  },
});

export const TRANSPOSE = tflOp('TRANSPOSE', {
  category: 'shape',
  inputs: ['input', 'perm'],
  optionsTable: 'TransposeOptions',
  doc: 'Permutes dims: output dim i is input dim perm[i] (constant `perm`).',
  infer(a) {
    const x = input(a, 0, 'input');
    const perm = constInts(a, 1);
    if (!x.shape) return [vt(x.dtype, perm ? unknownDims(perm.length) : undefined)];
    return [vt(x.dtype, perm ? permute(x.shape, perm) : unknownDims(x.shape.length))];
  },
});
