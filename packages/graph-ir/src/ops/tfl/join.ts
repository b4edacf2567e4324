// Joining and splitting: CONCATENATION, PACK, UNPACK, SPLIT, SPLIT_V.
import { activation, int } from '../attrs';
import type { InferArgs, ValueType } from '../define';
import { invalidAttr, shapeMismatch, typeMismatch } from '../errors';
import { attrInt, constInts, constScalar, input, vt } from '../infer/util';
import { concatShape, packShape, splitEven, splitSizes, unpackTypes } from '../infer/join';
import { tflOp } from './op';

function sameDType(vals: ValueType[]): void {
  for (const v of vals) if (v.dtype !== vals[0]!.dtype) typeMismatch(`values mix dtypes ${vals.map((t) => t.dtype).join(', ')}`);
}

function allInputs(a: InferArgs): ValueType[] {
  if (a.inputs.length === 0) shapeMismatch('needs at least one input');
  return a.inputs.map((_, i) => input(a, i, `values[${i}]`));
}

export const CONCATENATION = tflOp('CONCATENATION', {
  category: 'shape',
  inputs: ['values*'],
  optionsTable: 'ConcatenationOptions',
  attrs: { axis: int(), fusedActivationFunction: activation() },
  doc: 'Joins the values along `axis`; every other dim must match.',
  infer(a) {
    const vals = allInputs(a);
    sameDType(vals);
    return [vt(vals[0]!.dtype, concatShape(vals, attrInt(a, 'axis')))];
  },
});

export const PACK = tflOp('PACK', {
  category: 'shape',
  inputs: ['values*'],
  optionsTable: 'PackOptions',
  attrs: { valuesCount: int(), axis: int() },
  doc: 'Stacks valuesCount same-shape tensors along a new dim at `axis`.',
  infer(a) {
    const vals = allInputs(a);
    sameDType(vals);
    const n = attrInt(a, 'valuesCount');
    if (n && n !== vals.length) invalidAttr(`valuesCount ${n} differs from the ${vals.length} inputs`);
    return [vt(vals[0]!.dtype, packShape(vals, attrInt(a, 'axis')))];
  },
});

export const UNPACK = tflOp('UNPACK', {
  category: 'shape',
  inputs: ['input'],
  outputs: ['outputs*'],
  optionsTable: 'UnpackOptions',
  attrs: { num: int(), axis: int() },
  doc: 'Splits `input` along `axis` into `num` tensors, dropping that dim.',
  infer(a) {
    const x = input(a, 0, 'input');
    return unpackTypes(x, attrInt(a, 'axis'), attrInt(a, 'num') || a.numOutputs);
  },
});

export const SPLIT = tflOp('SPLIT', {
  category: 'shape',
  inputs: ['axis', 'input'],
  outputs: ['outputs*'],
  optionsTable: 'SplitOptions',
  attrs: { numSplits: int() },
  doc: 'Splits `input` into numSplits equal parts along the constant scalar `axis` (operand 0).',
  infer(a) {
    const x = input(a, 1, 'input');
    return splitEven(x, constScalar(a, 0), attrInt(a, 'numSplits') || a.numOutputs);
  },
});

export const SPLIT_V = tflOp('SPLIT_V', {
  category: 'shape',
  inputs: ['input', 'sizeSplits', 'axis'],
  outputs: ['outputs*'],
  optionsTable: 'SplitVOptions',
  attrs: { numSplits: int() },
  doc: 'Splits `input` along the constant scalar `axis` into parts of the constant sizeSplits (one -1 takes the rest).',
  infer(a) {
    const x = input(a, 0, 'input');
    return splitSizes(x, constInts(a, 1), constScalar(a, 2), attrInt(a, 'numSplits') || a.numOutputs);
  },
});
