// StableHLO data-movement ops: reshape, concatenate, broadcast_in_dim, slices, pad, iota,
// transpose, gather, scatter, dilate. Result types that only the result carries are kept as declared.
import { bool, int, ints, subgraph } from '../../attrs';
import { shapeMismatch } from '../../errors';
import type { Dim } from '../../ir';
import { concatShape } from '../../infer/join';
import { permute } from '../../infer/reshape';
import { attrInt, attrInts, constInts, declaredOutputs, fmt, input, isKnownDim, like, vt } from '../../infer/util';
import { all, hlo } from './common';

export const STABLEHLO_RESHAPE = hlo('STABLEHLO_RESHAPE', {
  inputs: ['operand'],
  doc: 'stablehlo.reshape: the target shape is only in the result type, so the declared output is kept (its element count must match).',
  infer: (a) => declaredOutputs(a, 'the result type', [input(a, 0, 'operand').dtype]),
});

export const STABLEHLO_CONCATENATE = hlo('STABLEHLO_CONCATENATE', {
  inputs: ['inputs*'],
  optionsTable: 'StablehloConcatenateOptions',
  attrs: { dimension: int() },
  doc: 'stablehlo.concatenate along `dimension`.',
  infer: (a) => {
    const ts = all(a);
    return [vt(ts[0]!.dtype, concatShape(ts, attrInt(a, 'dimension')))];
  },
});

export const STABLEHLO_BROADCAST_IN_DIM = hlo('STABLEHLO_BROADCAST_IN_DIM', {
  inputs: ['operand'],
  optionsTable: 'StablehloBroadcastInDimOptions',
  attrs: { broadcastDimensions: ints([]) },
  doc: 'stablehlo.broadcast_in_dim: operand dim i goes to result dim broadcastDimensions[i]; the result shape is only in the result type (declared output kept).',
  infer: (a) => declaredOutputs(a, 'the result type', [input(a, 0, 'operand').dtype]),
});

export const STABLEHLO_SLICE = hlo('STABLEHLO_SLICE', {
  inputs: ['operand'],
  optionsTable: 'StablehloSliceOptions',
  attrs: { startIndices: ints([]), limitIndices: ints([]), strides: ints([]) },
  doc: 'stablehlo.slice: operand[start:limit:stride] per dim.',
  infer(a) {
    const x = input(a, 0, 'operand');
    const st = attrInts(a, 'startIndices') ?? [];
    const li = attrInts(a, 'limitIndices') ?? [];
    const sr = attrInts(a, 'strides') ?? [];
    if (x.shape && st.length !== x.shape.length) shapeMismatch(`startIndices [${st.join(',')}] do not match the rank of ${fmt(x.shape)}`);
    return [vt(x.dtype, st.map((s, i) => Math.max(0, Math.ceil((li[i]! - s) / (sr[i] ?? 1)))))];
  },
});

export const STABLEHLO_DYNAMIC_SLICE = hlo('STABLEHLO_DYNAMIC_SLICE', {
  inputs: ['operand', 'startIndices*'],
  optionsTable: 'StablehloDynamicSliceOptions',
  attrs: { sliceSizes: ints([]) },
  doc: 'stablehlo.dynamic_slice: a sliceSizes window at runtime start indices (one scalar per dim).',
  infer: (a) => [vt(input(a, 0, 'operand').dtype, attrInts(a, 'sliceSizes') ?? [])],
});

export const STABLEHLO_DYNAMIC_UPDATE_SLICE = hlo('STABLEHLO_DYNAMIC_UPDATE_SLICE', {
  inputs: ['operand', 'update', 'startIndices*'],
  doc: 'stablehlo.dynamic_update_slice: operand with update written at runtime start indices.',
  infer: (a) => [like(a, 0)],
});

export const STABLEHLO_PAD = hlo('STABLEHLO_PAD', {
  inputs: ['operand', 'paddingValue'],
  optionsTable: 'StablehloPadOptions',
  attrs: { edgePaddingLow: ints([]), edgePaddingHigh: ints([]), interiorPadding: ints([]) },
  doc: 'stablehlo.pad: lo + d + hi + (d - 1) * interior per dim (negative edge padding crops).',
  infer(a) {
    const x = input(a, 0, 'operand');
    if (!x.shape) return [vt(x.dtype, undefined)];
    const lo = attrInts(a, 'edgePaddingLow') ?? [];
    const hi = attrInts(a, 'edgePaddingHigh') ?? [];
    const inner = attrInts(a, 'interiorPadding') ?? [];
    return [vt(x.dtype, x.shape.map((d, i) => {
      if (!isKnownDim(d)) return -1;
      const n = (lo[i] ?? 0) + d + (hi[i] ?? 0) + Math.max(d - 1, 0) * (inner[i] ?? 0);
      if (n < 0) shapeMismatch(`padding of dim ${i} (${d}) gives a negative size`);
      return n;
    }))];
  },
});

export const STABLEHLO_IOTA = hlo('STABLEHLO_IOTA', {
  inputs: [],
  optionsTable: 'StablehloIotaOptions',
  attrs: { iotaDimension: int() },
  doc: 'stablehlo.iota: 0, 1, 2 … along iotaDimension; the shape is only in the result type (declared output kept).',
  infer: (a) => declaredOutputs(a, 'the result type'),
});

export const STABLEHLO_TRANSPOSE = hlo('STABLEHLO_TRANSPOSE', {
  inputs: ['operand'],
  optionsTable: 'StablehloTransposeOptions',
  attrs: { permutation: ints([]) },
  doc: 'stablehlo.transpose: result dim i is operand dim permutation[i].',
  infer(a) {
    const x = input(a, 0, 'operand');
    const p = attrInts(a, 'permutation') ?? [];
    return [vt(x.dtype, x.shape ? permute(x.shape, p) : p.map(() => -1))];
  },
});

export const STABLEHLO_GATHER = hlo('STABLEHLO_GATHER', {
  inputs: ['operand', 'startIndices'],
  optionsTable: 'StablehloGatherOptions',
  attrs: {
    offsetDims: ints([]), collapsedSliceDims: ints([]), startIndexMap: ints([]), indexVectorDim: int(),
    sliceSizes: ints([]), indicesAreSorted: bool(),
  },
  doc: 'stablehlo.gather: batch dims of startIndices (all but indexVectorDim) interleaved with the non-collapsed sliceSizes at offsetDims.',
  infer(a) {
    const x = input(a, 0, 'operand');
    const idx = input(a, 1, 'startIndices');
    const offsetDims = attrInts(a, 'offsetDims') ?? [];
    const collapsed = attrInts(a, 'collapsedSliceDims') ?? [];
    const sizes = attrInts(a, 'sliceSizes') ?? [];
    if (!idx.shape) return [vt(x.dtype, undefined)];
    const ivd = attrInt(a, 'indexVectorDim');
    const batch = idx.shape.filter((_, i) => i !== ivd);
    const offsets = sizes.filter((_, i) => !collapsed.includes(i));
    const rank = batch.length + offsets.length;
    const out: Dim[] = [];
    let b = 0;
    let o = 0;
    for (let i = 0; i < rank; i++) out.push(offsetDims.includes(i) ? offsets[o++]! : batch[b++]!);
    return [vt(x.dtype, out)];
  },
});

export const STABLEHLO_SCATTER = hlo('STABLEHLO_SCATTER', {
  inputs: ['inputs*', 'scatterIndices', 'updates*'],
  outputs: ['outputs*'],
  optionsTable: 'StablehloScatterOptions',
  attrs: {
    indicesAreSorted: bool(), updateWindowDims: ints([]), insertedWindowDims: ints([]), scatterDimsToOperandDims: ints([]),
    indexVectorDim: int(), uniqueIndices: bool(), updateComputationSubgraphIndex: subgraph(),
  },
  doc: 'stablehlo.scatter of N inputs (then the indices, then N updates): results have the inputs\' types.',
  infer: (a) => all(a, 0, (a.inputs.length - 1) / 2).map((t) => vt(t.dtype, t.shape)),
});

export const DILATE = hlo('DILATE', {
  inputs: ['input', 'dilations', 'paddingValue'],
  optionsTable: 'DilateOptions',
  doc: 'Inserts dilations[i] - 1 padding values between elements of dim i: (d - 1) * dilation + 1.',
  infer(a) {
    const x = input(a, 0, 'input');
    const dil = constInts(a, 1);
    if (!x.shape) return [vt(x.dtype, undefined)];
    return [vt(x.dtype, x.shape.map((d, i) => (dil && isKnownDim(d) ? (d === 0 ? 0 : (d - 1) * dil[i]! + 1) : dil?.[i] === 1 ? d : -1)))];
  },
});
