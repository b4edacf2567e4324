// tfl.GATHER on the wasm backend: pure data movement, so it copies whole slices with typed-array
// set() (no wasm memory round trip); same slices and checks as the reference kernel. Typed-array
// dtypes only; packed (int4), complex, bool and string params run on reference.
import type { KernelConfig } from '../../../kernel';
import { ints, normAxis } from '../../reference/core-util';
import { WASM_BACKEND, fail, input } from '../kernel-utils';

const DTYPES = ['f32', 'f64', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64'];
type Data = Float32Array & { subarray(a: number, b: number): Data; set(s: Data, at: number): void };

const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

export const gather: KernelConfig = {
  op: 'tfl.GATHER',
  backend: WASM_BACKEND,
  supports(node) {
    const a = node.inputs[0]?.dtype, o = node.outputs[0]?.dtype;
    return a !== undefined && DTYPES.includes(a) && o === a ? true : `tfl.GATHER: the wasm backend moves ${DTYPES.join(', ')} params, not ${a}`;
  },
  run(ctx) {
    const params = input(ctx, 0, 'params'), indicesT = input(ctx, 1, 'indices');
    const idx = ints(indicesT, 'indices');
    const axis = normAxis(Number(ctx.attrs['axis'] ?? 0), params.shape.length);
    let batchDims = Number(ctx.attrs['batchDims'] ?? 0);
    if (batchDims < 0) batchDims += indicesT.shape.length;
    if (batchDims > axis) fail(ctx.node, `batchDims ${batchDims} must not exceed axis ${axis}`);
    for (let d = 0; d < batchDims; d++) if (params.shape[d] !== indicesT.shape[d]) fail(ctx.node, `batch dim ${d} differs between params and indices`);
    const out = ctx.output(0, [...params.shape.slice(0, axis), ...indicesT.shape.slice(batchDims), ...params.shape.slice(axis + 1)]);
    const src = params.data as unknown as Data, od = out.data as unknown as Data;
    const batches = prod(params.shape.slice(0, batchDims)), outer = prod(params.shape.slice(batchDims, axis));
    const dim = params.shape[axis]!, inner = prod(params.shape.slice(axis + 1));
    const perBatch = prod(indicesT.shape.slice(batchDims));
    let o = 0;
    for (let b = 0; b < batches; b++) {
      for (let x = 0; x < outer; x++) {
        for (let k = 0; k < perBatch; k++) {
          const j = idx[b * perBatch + k]!;
          if (j < 0 || j >= dim) fail(ctx.node, `index ${j} is out of range [0, ${dim})`);
          const s = ((b * outer + x) * dim + j) * inner;
          od.set(src.subarray(s, s + inner), o);
          o += inner;
        }
      }
    }
  },
};
