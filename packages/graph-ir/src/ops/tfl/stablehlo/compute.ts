// StableHLO convolution, dot_general, reductions and sort.
import { any, bool, enumOf, int, ints, strs, subgraph } from '../../attrs';
import { invalidAttr } from '../../errors';
import type { Dim } from '../../ir';
import { reducedShape } from '../../infer/reduce';
import { attrInt, attrInts, constInts, dimDiv, fmt, input, mergeDim, vt } from '../../infer/util';
import { all, hlo, windowDims } from './common';

export const STABLEHLO_CONVOLUTION = hlo('STABLEHLO_CONVOLUTION', {
  inputs: ['lhs', 'rhs'],
  optionsTable: 'StablehloConvolutionOptions',
  attrs: {
    windowStrides: ints([]), padding: ints([]), lhsDilation: ints([]), rhsDilation: ints([]), windowReversal: any(),
    inputBatchDimension: int(), inputFeatureDimension: int(), inputSpatialDimensions: ints([]),
    kernelInputFeatureDimension: int(), kernelOutputFeatureDimension: int(), kernelSpatialDimensions: ints([]),
    outputBatchDimension: int(), outputFeatureDimension: int(), outputSpatialDimensions: ints([]),
    featureGroupCount: int(), batchGroupCount: int(), precisionConfig: strs([]),
  },
  doc: 'stablehlo.convolution with explicit dimension numbers, padding [spatial, 2], lhs (input) and rhs (window) dilation; windowReversal is a bool per spatial dim.',
  infer(a) {
    const lhs = input(a, 0, 'lhs');
    const rhs = input(a, 1, 'rhs');
    const inSp = attrInts(a, 'inputSpatialDimensions') ?? [];
    const kSp = attrInts(a, 'kernelSpatialDimensions') ?? [];
    const outSp = attrInts(a, 'outputSpatialDimensions') ?? [];
    const rank = inSp.length + 2;
    if (!lhs.shape || !rhs.shape) return [vt(lhs.dtype, new Array<Dim>(rank).fill(-1))];
    const out = new Array<Dim>(rank).fill(-1);
    out[attrInt(a, 'outputBatchDimension')] = dimDiv(lhs.shape[attrInt(a, 'inputBatchDimension')]!, attrInt(a, 'batchGroupCount') || 1, 'batch by batchGroupCount');
    out[attrInt(a, 'outputFeatureDimension')] = rhs.shape[attrInt(a, 'kernelOutputFeatureDimension')]!;
    const sp = windowDims(inSp.map((i) => lhs.shape![i]!), kSp.map((i) => rhs.shape![i]!), attrInts(a, 'windowStrides') ?? [],
      attrInts(a, 'padding') ?? [], attrInts(a, 'lhsDilation') ?? [], attrInts(a, 'rhsDilation') ?? []);
    outSp.forEach((o, i) => { out[o] = sp[i]!; });
    return [vt(lhs.dtype, out)];
  },
});

const PRECISION = ['DEFAULT', 'HIGH', 'HIGHEST'];

export const STABLEHLO_DOT_GENERAL = hlo('STABLEHLO_DOT_GENERAL', {
  inputs: ['lhs', 'rhs'],
  optionsTable: 'StablehloDotGeneralOptions',
  attrs: {
    lhsBatchingDimensions: ints([]), rhsBatchingDimensions: ints([]),
    lhsContractingDimensions: ints([]), rhsContractingDimensions: ints([]), precisionConfig: strs([]),
  },
  doc: `stablehlo.dot_general: result dims = batch dims, then lhs free dims, then rhs free dims. precisionConfig holds ${PRECISION.join('/')} per operand.`,
  infer(a) {
    const l = input(a, 0, 'lhs');
    const r = input(a, 1, 'rhs');
    if (!l.shape || !r.shape) return [vt(l.dtype, undefined)];
    const lb = attrInts(a, 'lhsBatchingDimensions') ?? [];
    const rb = attrInts(a, 'rhsBatchingDimensions') ?? [];
    const lc = attrInts(a, 'lhsContractingDimensions') ?? [];
    const rc = attrInts(a, 'rhsContractingDimensions') ?? [];
    if (lb.length !== rb.length || lc.length !== rc.length) invalidAttr('lhs and rhs dimension lists differ in length');
    lc.forEach((d, i) => mergeDim(l.shape![d]!, r.shape![rc[i]!]!, `contracting dims of ${fmt(l.shape)} and ${fmt(r.shape)}`));
    const batch = lb.map((d, i) => mergeDim(l.shape![d]!, r.shape![rb[i]!]!, `batch dims of ${fmt(l.shape)} and ${fmt(r.shape)}`));
    const free = (s: readonly Dim[], skip: number[]) => s.filter((_, i) => !skip.includes(i));
    return [vt(l.dtype, [...batch, ...free(l.shape, [...lb, ...lc]), ...free(r.shape, [...rb, ...rc])])];
  },
});

export const STABLEHLO_REDUCE = hlo('STABLEHLO_REDUCE', {
  inputs: ['inputs*', 'initValues*'],
  outputs: ['outputs*'],
  optionsTable: 'StablehloReduceOptions',
  attrs: { dimensions: ints([]), bodySubgraphIndex: subgraph() },
  doc: 'stablehlo.reduce of N inputs (then N scalar init values) over `dimensions` with the body subgraph; results drop those dims.',
  infer(a) {
    const n = a.inputs.length / 2;
    const dims = attrInts(a, 'dimensions') ?? [];
    return all(a, 0, n).map((t) => vt(t.dtype, t.shape ? reducedShape(t.shape, dims, false) : undefined));
  },
});

export const STABLEHLO_REDUCE_WINDOW = hlo('STABLEHLO_REDUCE_WINDOW', {
  inputs: ['inputs*', 'initValues*'],
  outputs: ['outputs*'],
  optionsTable: 'StablehloReduceWindowOptions',
  attrs: {
    windowDimensions: ints([]), windowStrides: ints([]), baseDilations: ints([]), windowDilations: ints([]),
    padding: ints([]), bodySubgraphIndex: subgraph(),
  },
  doc: 'stablehlo.reduce_window of N inputs (then N init values) with the body subgraph; padding is [rank, 2].',
  infer(a) {
    const n = a.inputs.length / 2;
    return all(a, 0, n).map((t) => vt(t.dtype, t.shape ? windowDims(t.shape, attrInts(a, 'windowDimensions') ?? [],
      attrInts(a, 'windowStrides') ?? [], attrInts(a, 'padding') ?? [], attrInts(a, 'baseDilations') ?? [],
      attrInts(a, 'windowDilations') ?? []) : undefined));
  },
});

export const STABLEHLO_SORT = hlo('STABLEHLO_SORT', {
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  optionsTable: 'StablehloSortOptions',
  attrs: { dimension: int(), isStable: bool(), comparatorSubgraphIndex: subgraph() },
  doc: 'stablehlo.sort of N same-shape inputs along `dimension` by the comparator subgraph.',
  infer: (a) => all(a).map((t) => vt(t.dtype, t.shape)),
});

const REDUCE_FNS = ['UNSUPPORTED', 'ADD', 'MUL', 'MINIMUM', 'MAXIMUM', 'ALL', 'ANY'];

export const REDUCE_WINDOW = hlo('REDUCE_WINDOW', {
  inputs: ['input', 'initValue', 'windowShape', 'windowStrides', 'windowDilations'],
  optionsTable: 'ReduceWindowOptions',
  attrs: { reduceFunction: enumOf(REDUCE_FNS, 'UNSUPPORTED', 'ReduceWindowFunction') },
  doc: 'Retired TFLite reduce_window (no longer produced): reduceFunction over unpadded windows given by constant operands.',
  infer(a) {
    const x = input(a, 0, 'input');
    const w = constInts(a, 2);
    if (!x.shape) return [vt(x.dtype, undefined)];
    if (!w) return [vt(x.dtype, x.shape.map(() => -1))];
    return [vt(x.dtype, windowDims(x.shape, w, constInts(a, 3) ?? [], [], [], constInts(a, 4) ?? []))];
  },
});
