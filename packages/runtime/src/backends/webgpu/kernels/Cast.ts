// tfl.CAST on WebGPU between f32 and i32 (float → int truncates toward zero, as C++ does).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { sizeOf } from './util';

const WG = 64;
const PAIRS = new Set(['f32>i32', 'i32>f32', 'f32>f32', 'i32>i32']);

export const cast: GpuKernel = {
  op: 'tfl.CAST',
  supports: (node) => {
    const from = node.inputs[0]?.dtype, to = node.outputs[0]?.dtype;
    return PAIRS.has(`${from}>${to}`) ? true : `cast ${from} → ${to} (WebGPU casts between f32 and i32)`;
  },
  run(ctx) {
    const x = ctx.input(0);
    const to = ctx.node.outputs[0]!.dtype;
    const out = ctx.output(0, x.shape, to);
    const n = sizeOf(x.shape);
    if (n === 0) return;
    const from = x.dtype === 'f32' ? 'T' : 'i32', dst = to === 'f32' ? 'T' : 'i32';
    const expr = from === 'T' && dst === 'i32' ? 'i32(clamp(f32(X[idx]), -2147483648.0, 2147483520.0))' : `${dst}(X[idx])`;
    const program: ProgramInfo = {
      key: `cast:${from}>${dst}`,
      inputs: [{ name: 'X', type: from }],
      outputs: [{ name: 'Y', type: dst }],
      uniforms: [['n', 'u32']],
      body: flatMain(WG, `  Y[idx] = ${expr};`),
    };
    ctx.dispatch(program, [x], [out], { n }, grid(n, WG));
  },
};
