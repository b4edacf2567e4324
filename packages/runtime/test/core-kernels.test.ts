// Unit tests of the core reference kernels (data movement, resize, detection) on small tensors
// whose expected values are worked out by hand or taken from TFLite's own kernel tests.
import { describe, expect, it } from 'vitest';
import { coreKernels } from '../src/backends/reference/core-kernels';
import type { KernelConfig, Tensor } from '../src/kernel';
import { runKernel, tensor } from './helpers/run-kernel';

const k = (op: string, customCode?: string): KernelConfig => {
  const found = coreKernels.find((c) => c.op === op && c.customCode === customCode);
  if (!found) throw new Error(`no core kernel ${op}`);
  return found;
};
const vals = (t: Tensor) => Array.from(t.data as ArrayLike<number>, Number);
const f32 = (shape: number[], v: number[]) => tensor('f32', shape, v);
const i32 = (shape: number[], v: number[]) => tensor('i32', shape, v);
const iota = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('shape kernels', () => {
  it('RESHAPE resolves -1 from the shape input and falls back to newShape', () => {
    const [a] = runKernel(k('tfl.RESHAPE'), [f32([2, 3], iota(6)), i32([2], [3, -1])]);
    expect(a!.shape).toEqual([3, 2]);
    expect(vals(a!)).toEqual(iota(6));
    const [b] = runKernel(k('tfl.RESHAPE'), [f32([2, 3], iota(6))], { attrs: { newShape: [6] } });
    expect(b!.shape).toEqual([6]);
    expect(() => runKernel(k('tfl.RESHAPE'), [f32([2, 3], iota(6)), i32([1], [4])])).toThrow(/cannot reshape 6 elements/);
  });
  it('SQUEEZE and EXPAND_DIMS', () => {
    expect(runKernel(k('tfl.SQUEEZE'), [f32([1, 2, 1, 3], iota(6))])[0]!.shape).toEqual([2, 3]);
    expect(runKernel(k('tfl.SQUEEZE'), [f32([1, 2, 1, 3], iota(6))], { attrs: { squeezeDims: [-2] } })[0]!.shape).toEqual([1, 2, 3]);
    expect(runKernel(k('tfl.EXPAND_DIMS'), [f32([2, 3], iota(6)), i32([], [-1])])[0]!.shape).toEqual([2, 3, 1]);
  });
  it('SHAPE as int32 and int64', () => {
    expect(vals(runKernel(k('tfl.SHAPE'), [f32([2, 5, 1], iota(10))], { outputs: [{ dtype: 'i32' }] })[0]!)).toEqual([2, 5, 1]);
    const [s] = runKernel(k('tfl.SHAPE'), [f32([4], iota(4))], { outputs: [{ dtype: 'i64' }] });
    expect(s!.data).toEqual(new BigInt64Array([4n]));
  });
});

describe('slicing', () => {
  const x = f32([3, 4], iota(12));
  it('SLICE with size -1', () => {
    const [y] = runKernel(k('tfl.SLICE'), [x, i32([2], [1, 1]), i32([2], [-1, 2])]);
    expect(y!.shape).toEqual([2, 2]);
    expect(vals(y!)).toEqual([5, 6, 9, 10]);
  });
  it('STRIDED_SLICE: negative stride, masks, shrink, new axis, ellipsis, offset', () => {
    const run = (b: number[], e: number[], s: number[], attrs: Record<string, number | boolean>) =>
      runKernel(k('tfl.STRIDED_SLICE'), [x, i32([b.length], b), i32([e.length], e), i32([s.length], s)], { attrs })[0]!;
    let y = run([0, -1], [3, -5], [1, -1], {});
    expect(y.shape).toEqual([3, 4]);
    expect(vals(y).slice(0, 4)).toEqual([3, 2, 1, 0]);
    y = run([1, 0], [0, 4], [1, 2], { endMask: 1 });
    expect(y.shape).toEqual([2, 2]);
    expect(vals(y)).toEqual([4, 6, 8, 10]);
    y = run([1, 0], [2, 4], [1, 1], { shrinkAxisMask: 1 });
    expect(y.shape).toEqual([4]);
    expect(vals(y)).toEqual([4, 5, 6, 7]);
    y = run([0, 0, 2], [0, 0, 3], [1, 1, 1], { newAxisMask: 1, ellipsisMask: 2 });
    expect(y.shape).toEqual([1, 3, 1]);
    expect(vals(y)).toEqual([2, 6, 10]);
    y = run([1, 1], [1, 2], [1, 1], { offset: true });
    expect(y.shape).toEqual([1, 2]);
    expect(vals(y)).toEqual([5, 6]);
    y = run([-1], [0], [-1], { beginMask: 0, endMask: 1 });
    expect(y.shape).toEqual([3, 4]);
    expect(vals(y).slice(0, 4)).toEqual([8, 9, 10, 11]);
  });
  it('SPLIT and SPLIT_V', () => {
    const outs = runKernel(k('tfl.SPLIT'), [i32([], [1]), x], { outputs: 2 });
    expect(outs.map(vals)).toEqual([[0, 1, 4, 5, 8, 9], [2, 3, 6, 7, 10, 11]]);
    const v = runKernel(k('tfl.SPLIT_V'), [x, i32([2], [1, -1]), i32([], [0])], { outputs: 2 });
    expect(v.map((t) => t.shape)).toEqual([[1, 4], [2, 4]]);
    expect(vals(v[1]!)).toEqual(iota(8).map((i) => i + 4));
  });
});

describe('joining and reordering', () => {
  it('CONCATENATION along an inner axis, with RELU', () => {
    const [y] = runKernel(k('tfl.CONCATENATION'), [f32([2, 1], [-1, 2]), f32([2, 2], [3, 4, 5, -6])], { attrs: { axis: -1, fusedActivationFunction: 'RELU' } });
    expect(y!.shape).toEqual([2, 3]);
    expect(vals(y!)).toEqual([0, 3, 4, 2, 5, 0]);
  });
  it('CONCATENATION requantizes int8 inputs to the output scale', () => {
    const a = tensor('i8', [2], [10, -10], { scale: [0.5], zeroPoint: [0] });
    const b = tensor('i8', [2], [4, 127], { scale: [1], zeroPoint: [2] });
    const [y] = runKernel(k('tfl.CONCATENATION'), [a, b], { attrs: { axis: 0 }, outputs: [{ dtype: 'i8', quant: { scale: [0.5], zeroPoint: [0] } }] });
    // b: (4-2)*1/0.5 = 4, (127-2)/0.5 = 250 → clamped 127
    expect(vals(y!)).toEqual([10, -10, 4, 127]);
  });
  it('CONCATENATION of uint8 inputs with mixed ranges matches TFLite (FourInputsQuantizedMixedRange)', () => {
    // TFLite test helper: scale = (max - min) / 255, zero point = round(-min / scale).
    const qp = (min: number, max: number) => { const scale = (max - min) / 255; return { scale: [scale], zeroPoint: [Math.round(-min / scale)] }; };
    const q = (vals: number[], min: number, max: number) => { const p = qp(min, max); return tensor('u8', [2, 1, 2], vals.map((v) => Math.round(v / p.scale[0]!) + p.zeroPoint[0]!), p); };
    const inputs = [q([1, 3, 4, 7], -10.7, 10.8), q([1.1, 3.1, 4.1, 7.1], 0, 12.8), q([1.2, 3.2, 4.2, 7.2], -11, 11.8), q([1.3, 3.3, 4.3, 7.3], 0, 7.4)];
    const [y] = runKernel(k('tfl.CONCATENATION'), inputs, { attrs: { axis: 2 }, outputs: [{ dtype: 'u8', quant: qp(-12.7, 12.8) }] });
    expect(vals(y!)).toEqual([137, 157, 138, 158, 139, 159, 140, 160, 167, 197, 168, 198, 169, 199, 170, 200]);
  });
  it('PACK / UNPACK round trip on axis 1', () => {
    const [p] = runKernel(k('tfl.PACK'), [f32([2], [1, 2]), f32([2], [3, 4]), f32([2], [5, 6])], { attrs: { axis: 1, valuesCount: 3 } });
    expect(p!.shape).toEqual([2, 3]);
    expect(vals(p!)).toEqual([1, 3, 5, 2, 4, 6]);
    const u = runKernel(k('tfl.UNPACK'), [p!], { attrs: { axis: 1, num: 3 }, outputs: 3 });
    expect(u.map(vals)).toEqual([[1, 2], [3, 4], [5, 6]]);
  });
  it('TRANSPOSE, TILE, BROADCAST_TO, REVERSE_V2', () => {
    const x = f32([2, 3], iota(6));
    expect(vals(runKernel(k('tfl.TRANSPOSE'), [x, i32([2], [1, 0])])[0]!)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(vals(runKernel(k('tfl.TILE'), [f32([2], [1, 2]), i32([1], [3])])[0]!)).toEqual([1, 2, 1, 2, 1, 2]);
    const [b] = runKernel(k('tfl.BROADCAST_TO'), [f32([3, 1], [1, 2, 3]), i32([3], [2, 3, 2])]);
    expect(b!.shape).toEqual([2, 3, 2]);
    expect(vals(b!)).toEqual([1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3]);
    expect(vals(runKernel(k('tfl.REVERSE_V2'), [x, i32([1], [1])])[0]!)).toEqual([2, 1, 0, 5, 4, 3]);
  });
  it('PAD uses the zero point for quantized tensors, PADV2 the constant, MIRROR_PAD reflects', () => {
    const q = tensor('i8', [2], [5, 6], { scale: [1], zeroPoint: [-3] });
    expect(vals(runKernel(k('tfl.PAD'), [q, i32([1, 2], [1, 2])])[0]!)).toEqual([-3, 5, 6, -3, -3]);
    expect(vals(runKernel(k('tfl.PADV2'), [f32([2], [5, 6]), i32([1, 2], [1, 0]), f32([], [9])])[0]!)).toEqual([9, 5, 6]);
    const x = f32([3], [1, 2, 3]);
    expect(vals(runKernel(k('tfl.MIRROR_PAD'), [x, i32([1, 2], [2, 2])], { attrs: { mode: 'REFLECT' } })[0]!)).toEqual([3, 2, 1, 2, 3, 2, 1]);
    expect(vals(runKernel(k('tfl.MIRROR_PAD'), [x, i32([1, 2], [2, 1])], { attrs: { mode: 'SYMMETRIC' } })[0]!)).toEqual([2, 1, 1, 2, 3, 3]);
  });
});

describe('gather and scatter', () => {
  it('GATHER on axis 1 with batch dims', () => {
    const params = f32([2, 3], iota(6));
    expect(vals(runKernel(k('tfl.GATHER'), [params, i32([2], [2, 0])], { attrs: { axis: 1 } })[0]!)).toEqual([2, 0, 5, 3]);
    const [b] = runKernel(k('tfl.GATHER'), [params, i32([2, 1], [2, 0])], { attrs: { axis: 1, batchDims: 1 } });
    expect(b!.shape).toEqual([2, 1]);
    expect(vals(b!)).toEqual([2, 3]);
    expect(() => runKernel(k('tfl.GATHER'), [params, i32([1], [3])], { attrs: { axis: 1 } })).toThrow(/out of range/);
  });
  it('GATHER on strings', () => {
    const [s] = runKernel(k('tfl.GATHER'), [tensor('string', [3], ['a', 'b', 'c']), i32([2], [2, 2])], { attrs: { axis: 0 } });
    expect(s!.data).toEqual(['c', 'c']);
  });
  it('GATHER_ND and SCATTER_ND (duplicates add up)', () => {
    const p = f32([2, 2], [1, 2, 3, 4]);
    expect(vals(runKernel(k('tfl.GATHER_ND'), [p, i32([2, 2], [1, 0, 0, 1])])[0]!)).toEqual([3, 2]);
    expect(vals(runKernel(k('tfl.GATHER_ND'), [p, i32([1, 1], [1])])[0]!)).toEqual([3, 4]);
    const [s] = runKernel(k('tfl.SCATTER_ND'), [i32([3, 1], [2, 0, 2]), f32([3], [5, 6, 7]), i32([1], [4])], { outputs: [{ dtype: 'f32' }] });
    expect(vals(s!)).toEqual([6, 0, 12, 0]);
  });
  it('EMBEDDING_LOOKUP, ONE_HOT, SEGMENT_SUM, DYNAMIC_UPDATE_SLICE', () => {
    expect(vals(runKernel(k('tfl.EMBEDDING_LOOKUP'), [i32([2], [2, 0]), f32([3, 2], iota(6))], { outputs: [{ dtype: 'f32' }] })[0]!)).toEqual([4, 5, 0, 1]);
    const [h] = runKernel(k('tfl.ONE_HOT'), [i32([2], [1, 3]), i32([], [3]), f32([], [5]), f32([], [0])], { attrs: { axis: -1 }, outputs: [{ dtype: 'f32' }] });
    expect(h!.shape).toEqual([2, 3]);
    expect(vals(h!)).toEqual([0, 5, 0, 0, 0, 0]);
    expect(vals(runKernel(k('tfl.SEGMENT_SUM'), [f32([3, 2], iota(6)), i32([3], [0, 0, 1])])[0]!)).toEqual([2, 4, 4, 5]);
    const [d] = runKernel(k('tfl.DYNAMIC_UPDATE_SLICE'), [f32([2, 3], iota(6)), f32([1, 2], [9, 9]), i32([2], [1, 2])]);
    expect(vals(d!)).toEqual([0, 1, 2, 3, 9, 9]); // start clamped to 1 so the update fits
  });
});

describe('space/depth/batch', () => {
  it('SPACE_TO_DEPTH and DEPTH_TO_SPACE invert each other', () => {
    const x = f32([1, 2, 2, 1], [1, 2, 3, 4]);
    const [s] = runKernel(k('tfl.SPACE_TO_DEPTH'), [x], { attrs: { blockSize: 2 } });
    expect(s!.shape).toEqual([1, 1, 1, 4]);
    expect(vals(s!)).toEqual([1, 2, 3, 4]);
    const [d] = runKernel(k('tfl.DEPTH_TO_SPACE'), [s!], { attrs: { blockSize: 2 } });
    expect(d!.shape).toEqual([1, 2, 2, 1]);
    expect(vals(d!)).toEqual([1, 2, 3, 4]);
  });
  it('SPACE_TO_BATCH_ND pads and BATCH_TO_SPACE_ND crops back', () => {
    const x = f32([1, 2, 3, 1], iota(6).map((i) => i + 1));
    const [s] = runKernel(k('tfl.SPACE_TO_BATCH_ND'), [x, i32([2], [2, 2]), i32([2, 2], [0, 0, 0, 1])]);
    expect(s!.shape).toEqual([4, 1, 2, 1]);
    expect(vals(s!)).toEqual([1, 3, 2, 0, 4, 6, 5, 0]);
    const [b] = runKernel(k('tfl.BATCH_TO_SPACE_ND'), [s!, i32([2], [2, 2]), i32([2, 2], [0, 0, 0, 1])]);
    expect(b!.shape).toEqual([1, 2, 3, 1]);
    expect(vals(b!)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('generators and casts', () => {
  it('FILL, RANGE, WHERE, ZEROS_LIKE, ONES_LIKE', () => {
    expect(vals(runKernel(k('tfl.FILL'), [i32([2], [2, 2]), f32([], [7])])[0]!)).toEqual([7, 7, 7, 7]);
    expect(vals(runKernel(k('tfl.RANGE'), [i32([], [3]), i32([], [10]), i32([], [3])])[0]!)).toEqual([3, 6, 9]);
    expect(vals(runKernel(k('tfl.RANGE'), [f32([], [1]), f32([], [0]), f32([], [-0.25])])[0]!)).toEqual([1, 0.75, 0.5, 0.25]);
    const [w] = runKernel(k('tfl.WHERE'), [tensor('bool', [2, 2], [1, 0, 0, 1])], { outputs: [{ dtype: 'i64' }] });
    expect(w!.shape).toEqual([2, 2]);
    expect(Array.from(w!.data as BigInt64Array, Number)).toEqual([0, 0, 1, 1]);
    expect(vals(runKernel(k('tfl.ONES_LIKE'), [i32([2], [5, 5])])[0]!)).toEqual([1, 1]);
    expect(vals(runKernel(k('tfl.ZEROS_LIKE'), [f32([2], [5, 5])])[0]!)).toEqual([0, 0]);
  });
  it('CAST truncates floats toward zero and maps to bool / int64 / f16', () => {
    const x = f32([4], [-1.7, 0, 2.9, 300]);
    expect(vals(runKernel(k('tfl.CAST'), [x], { outputs: [{ dtype: 'i32' }] })[0]!)).toEqual([-1, 0, 2, 300]);
    expect(vals(runKernel(k('tfl.CAST'), [x], { outputs: [{ dtype: 'bool' }] })[0]!)).toEqual([1, 0, 1, 1]);
    expect(runKernel(k('tfl.CAST'), [x], { outputs: [{ dtype: 'i64' }] })[0]!.data).toEqual(new BigInt64Array([-1n, 0n, 2n, 300n]));
    const [h] = runKernel(k('tfl.CAST'), [f32([2], [1, -2])], { outputs: [{ dtype: 'f16' }] });
    expect(Array.from(h!.data as Uint16Array)).toEqual([0x3c00, 0xc000]);
  });
});

describe('resize', () => {
  it('RESIZE_BILINEAR int8 matches TFLite ResizeBilinearInteger (2x2 → 4x6)', () => {
    const x = tensor('i8', [1, 2, 2, 1], [127, -128, 64, 0], { scale: [1], zeroPoint: [0] });
    const [y] = runKernel(k('tfl.RESIZE_BILINEAR'), [x, i32([2], [4, 6])]);
    expect(vals(y!)).toEqual([127, 42, -43, -128, -128, -128, 96, 42, -11, -64, -64, -64, 64, 43, 21, 0, 0, 0, 64, 43, 21, 0, 0, 0]);
  });
  it('RESIZE_BILINEAR float, align_corners and half_pixel_centers', () => {
    const x = f32([1, 2, 2, 1], [1, 2, 3, 4]);
    const [a] = runKernel(k('tfl.RESIZE_BILINEAR'), [x, i32([2], [3, 3])], { attrs: { alignCorners: true } });
    expect(vals(a!)).toEqual([1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4]);
    const [h] = runKernel(k('tfl.RESIZE_BILINEAR'), [x, i32([2], [4, 4])], { attrs: { halfPixelCenters: true } });
    expect(vals(h!).slice(0, 4)).toEqual([1, 1.25, 1.75, 2]);
  });
  it('RESIZE_NEAREST_NEIGHBOR with and without half pixel centers', () => {
    const x = f32([1, 1, 3, 1], [1, 2, 3]);
    expect(vals(runKernel(k('tfl.RESIZE_NEAREST_NEIGHBOR'), [x, i32([2], [1, 2])])[0]!)).toEqual([1, 2]);
    expect(vals(runKernel(k('tfl.RESIZE_NEAREST_NEIGHBOR'), [x, i32([2], [1, 2])], { attrs: { halfPixelCenters: true } })[0]!)).toEqual([1, 3]);
    expect(vals(runKernel(k('tfl.RESIZE_NEAREST_NEIGHBOR'), [x, i32([2], [1, 5])], { attrs: { alignCorners: true } })[0]!)).toEqual([1, 2, 2, 3, 3]);
  });
});

describe('non-max suppression', () => {
  // Boxes from TFLite's NMS test: two clusters plus a far box.
  const boxes = f32([6, 4], [0, 0, 1, 1, 0, 0.1, 1, 1.1, 0, -0.1, 1, 0.9, 0, 10, 1, 11, 0, 10.1, 1, 11.1, 0, 100, 1, 101]);
  const scores = f32([6], [0.9, 0.75, 0.6, 0.95, 0.5, 0.3]);
  it('V4 keeps the best box per cluster and pads the indices', () => {
    const [idx, n] = runKernel(k('tfl.NON_MAX_SUPPRESSION_V4'), [boxes, scores, i32([], [6]), f32([], [0.5]), f32([], [0])], { outputs: [{ dtype: 'i32' }, { dtype: 'i32' }] });
    expect(vals(idx!)).toEqual([3, 0, 5, 0, 0, 0]);
    expect(vals(n!)).toEqual([3]);
  });
  it('V5 applies the score threshold and returns scores', () => {
    const [idx, sc, n] = runKernel(k('tfl.NON_MAX_SUPPRESSION_V5'), [boxes, scores, i32([], [3]), f32([], [0.5]), f32([], [0.4]), f32([], [0])], { outputs: [{ dtype: 'i32' }, { dtype: 'f32' }, { dtype: 'i32' }] });
    expect(vals(idx!)).toEqual([3, 0, 0]);
    expect(vals(sc!).map((v) => Math.round(v * 100) / 100)).toEqual([0.95, 0.9, 0]);
    expect(vals(n!)).toEqual([2]);
  });
});

describe('segments, sequences, diagonals, sparse', () => {
  it('UNSORTED_SEGMENT_* with unsorted and negative ids and empty buckets', () => {
    const data = f32([4], [1, 2, 3, 4]);
    const ids = i32([4], [2, 0, 2, -1]);
    const n = i32([], [3]);
    expect(vals(runKernel(k('tfl.UNSORTED_SEGMENT_SUM'), [data, ids, n])[0]!)).toEqual([2, 0, 4]);
    expect(vals(runKernel(k('tfl.UNSORTED_SEGMENT_PROD'), [data, ids, n])[0]!)).toEqual([2, 1, 3]);
    expect(vals(runKernel(k('tfl.UNSORTED_SEGMENT_MAX'), [data, ids, n])[0]!)).toEqual([2, -Infinity, 3]);
    expect(vals(runKernel(k('tfl.UNSORTED_SEGMENT_MIN'), [data, ids, n])[0]!)).toEqual([2, Infinity, 1]);
  });
  it('REVERSE_SEQUENCE per batch length', () => {
    const [y] = runKernel(k('tfl.REVERSE_SEQUENCE'), [f32([2, 3], iota(6)), i32([2], [2, 3])], { attrs: { seqDim: 1, batchDim: 0 } });
    expect(vals(y!)).toEqual([1, 0, 2, 5, 4, 3]);
  });
  it('MATRIX_DIAG and MATRIX_SET_DIAG', () => {
    expect(vals(runKernel(k('tfl.MATRIX_DIAG'), [f32([2], [1, 2])])[0]!)).toEqual([1, 0, 0, 2]);
    expect(vals(runKernel(k('tfl.MATRIX_SET_DIAG'), [f32([2, 3], iota(6)), f32([2], [9, 8])])[0]!)).toEqual([9, 1, 2, 3, 8, 5]);
  });
  it('SPARSE_TO_DENSE, BROADCAST_ARGS, UNIQUE', () => {
    const [d] = runKernel(k('tfl.SPARSE_TO_DENSE'), [i32([2, 2], [0, 1, 1, 0]), i32([2], [2, 2]), f32([2], [5, 6]), f32([], [-1])], { outputs: [{ dtype: 'f32' }] });
    expect(vals(d!)).toEqual([-1, 5, 6, -1]);
    expect(vals(runKernel(k('tfl.BROADCAST_ARGS'), [i32([2], [3, 1]), i32([3], [2, 1, 4])])[0]!)).toEqual([2, 3, 4]);
    const [u, idx] = runKernel(k('tfl.UNIQUE'), [i32([5], [4, 2, 4, 7, 2])], { outputs: [{ dtype: 'i32' }, { dtype: 'i32' }] });
    expect(vals(u!)).toEqual([4, 2, 7]);
    expect(vals(idx!)).toEqual([0, 1, 0, 2, 1]);
  });
});
