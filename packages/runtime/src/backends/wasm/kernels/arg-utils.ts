// ARG_MAX / ARG_MIN on wasm (assembly/arg.ts): the index of the first extreme value along the
// axis given by input 1, for float32, int8, uint8, int16 and int32 inputs, i32 or i64 output;
// identical to the reference backend. Other dtypes run on reference.
import type { KernelConfig } from '../../../kernel';
import { numberAt } from '../../../dtypes';
import { WASM_BACKEND, beginCall, fail, input } from '../kernel-utils';

const DTYPES: Record<string, number> = { f32: 0, i8: 1, u8: 2, i16: 3, i32: 4 };

export function argKernel(op: string, isMax: boolean): KernelConfig {
  return {
    op,
    backend: WASM_BACKEND,
    supports(node) {
      const a = node.inputs[0]?.dtype, o = node.outputs[0]?.dtype;
      if (a === undefined || DTYPES[a] === undefined) return `${op}: the wasm backend takes f32, i8, u8, i16 or i32 input, not ${a}`;
      return o === 'i32' || o === 'i64' ? true : `${op}: output ${o} is not i32 or i64`;
    },
    run(ctx) {
      const x = input(ctx, 0, 'input');
      const rank = x.shape.length;
      const given = numberAt(input(ctx, 1, 'axis').data, 0);
      const axis = given < 0 ? given + rank : given;
      if (axis < 0 || axis >= rank) fail(ctx.node, `axis ${given} is out of range for rank ${rank}`);
      const out = ctx.output(0, x.shape.filter((_, d) => d !== axis));
      const n = x.shape[axis]!;
      const inner = x.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      const outer = n && inner ? x.data.length / (n * inner) : 0;
      if (outer === 0) return;
      const h = beginCall();
      const xp = h.putBytes(x.data as ArrayBufferView);
      const op = h.scratch((out.data as ArrayBufferView).byteLength);
      h.inst.exports.arg_extreme(xp, DTYPES[x.dtype]!, outer, n, inner, isMax ? 1 : 0, op, out.dtype === 'i64' ? 1 : 0);
      h.getBytes(op, out.data as ArrayBufferView);
    },
  };
}
