// Slicing and indexing: SLICE, STRIDED_SLICE, GATHER, GATHER_ND, SCATTER_ND, DYNAMIC_UPDATE_SLICE.
import { bool, int } from '../attrs';
import { shapeMismatch } from '../errors';
import { stridedSliceShape } from '../infer/stridedSlice';
import { attrBool, attrInt, constInts, fmt, input, unknownDims, vectorLength, vt } from '../infer/util';
import { gatherNdShape, gatherShape, sliceShape } from '../infer/slice';
import { tflOp } from './op';

export const SLICE = tflOp('SLICE', {
  category: 'shape',
  inputs: ['input', 'begin', 'size'],
  optionsTable: 'SliceOptions',
  doc: 'input[begin : begin + size] per dim; size -1 takes the rest of the dim.',
  infer(a) {
    const x = input(a, 0, 'input');
    return [vt(x.dtype, sliceShape(x, constInts(a, 1), constInts(a, 2), vectorLength(a.inputs[2])))];
  },
});

export const STRIDED_SLICE = tflOp('STRIDED_SLICE', {
  category: 'shape',
  inputs: ['input', 'begin', 'end', 'strides'],
  optionsTable: 'StridedSliceOptions',
  attrs: { beginMask: int(), endMask: int(), ellipsisMask: int(), newAxisMask: int(), shrinkAxisMask: int(), offset: bool() },
  doc: 'NumPy-style input[begin:end:strides] with TensorFlow\'s masks (bit i of beginMask/endMask ignores begin[i]/end[i], ellipsisMask, newAxisMask inserts a dim, shrinkAxisMask drops one); offset makes end relative to begin.',
  infer(a) {
    const x = input(a, 0, 'input');
    const begin = constInts(a, 1);
    const end = constInts(a, 2);
    const strides = constInts(a, 3);
    const length = begin?.length ?? end?.length ?? strides?.length ?? vectorLength(a.inputs[1]);
    if (!x.shape || length === undefined) return [vt(x.dtype, undefined)];
    return [vt(x.dtype, stridedSliceShape(x.shape, {
      begin, end, strides, length,
      beginMask: attrInt(a, 'beginMask'), endMask: attrInt(a, 'endMask'), ellipsisMask: attrInt(a, 'ellipsisMask'),
      newAxisMask: attrInt(a, 'newAxisMask'), shrinkAxisMask: attrInt(a, 'shrinkAxisMask'), offset: attrBool(a, 'offset'),
    }))];
  },
});

export const GATHER = tflOp('GATHER', {
  category: 'shape',
  inputs: ['params', 'indices'],
  optionsTable: 'GatherOptions',
  attrs: { axis: int(), batchDims: int() },
  doc: 'Takes slices of params along `axis` at `indices`; the first batchDims dims of both are batch dims.',
  infer(a) {
    const p = input(a, 0, 'params');
    const idx = input(a, 1, 'indices');
    return [vt(p.dtype, gatherShape(p, idx, attrInt(a, 'axis'), attrInt(a, 'batchDims')))];
  },
});

export const GATHER_ND = tflOp('GATHER_ND', {
  category: 'shape',
  inputs: ['params', 'indices'],
  optionsTable: 'GatherNdOptions',
  doc: 'Gathers slices of params addressed by the last dim of `indices`.',
  infer(a) {
    const p = input(a, 0, 'params');
    return [vt(p.dtype, gatherNdShape(p, input(a, 1, 'indices')))];
  },
});

export const SCATTER_ND = tflOp('SCATTER_ND', {
  category: 'shape',
  inputs: ['indices', 'updates', 'shape'],
  optionsTable: 'ScatterNdOptions',
  doc: 'A zero tensor of the constant `shape` with `updates` added at `indices`.',
  infer(a) {
    const u = input(a, 1, 'updates');
    const s = constInts(a, 2);
    return [vt(u.dtype, s ?? unknownDims(vectorLength(a.inputs[2])))];
  },
});

export const DYNAMIC_UPDATE_SLICE = tflOp('DYNAMIC_UPDATE_SLICE', {
  category: 'shape',
  inputs: ['operand', 'update', 'startIndices'],
  optionsTable: 'DynamicUpdateSliceOptions',
  doc: 'operand with `update` written at startIndices (clamped so it fits).',
  infer(a) {
    const x = input(a, 0, 'operand');
    const u = input(a, 1, 'update');
    if (x.shape && u.shape && u.shape.length !== x.shape.length) shapeMismatch(`update ${fmt(u.shape)} and operand ${fmt(x.shape)} differ in rank`);
    return [vt(x.dtype, x.shape)];
  },
});
