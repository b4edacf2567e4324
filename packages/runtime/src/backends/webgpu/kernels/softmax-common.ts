// Softmax / log-softmax over the last axis: one 64-thread workgroup per row, max and sum reduced
// in workgroup memory.
import type { ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, allF32, floatAttr, sizeOf } from './util';

const WG = 64;

export function softmaxKernel(op: string, log: boolean): GpuKernel {
  const program: ProgramInfo = {
    key: `softmax:${log ? 'log' : 'exp'}`,
    inputs: [{ name: 'X', type: 'T' }],
    outputs: [{ name: 'Y', type: 'T' }],
    uniforms: [['rows', 'u32'], ['cols', 'u32'], ['beta', 'f32']],
    body: `
var<workgroup> red: array<f32, ${WG}>;
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32, @builtin(num_workgroups) nwg: vec3u) {
  let row = wid.y * nwg.x + wid.x;
  if (row >= u.rows) { return; }
  let base = row * u.cols;
  var m = -3.402823e38;
  for (var i = li; i < u.cols; i = i + ${WG}u) { m = max(m, f32(X[base + i])); }
  red[li] = m;
  workgroupBarrier();
  for (var s = ${WG / 2}u; s > 0u; s = s >> 1u) {
    if (li < s) { red[li] = max(red[li], red[li + s]); }
    workgroupBarrier();
  }
  m = red[0];
  workgroupBarrier();
  var sum = 0.0;
  for (var i = li; i < u.cols; i = i + ${WG}u) { sum = sum + exp((f32(X[base + i]) - m) * u.beta); }
  red[li] = sum;
  workgroupBarrier();
  for (var s = ${WG / 2}u; s > 0u; s = s >> 1u) {
    if (li < s) { red[li] = red[li] + red[li + s]; }
    workgroupBarrier();
  }
  let total = red[0];
  for (var i = li; i < u.cols; i = i + ${WG}u) {
    let z = (f32(X[base + i]) - m) * u.beta;
    Y[base + i] = T(${log ? 'z - log(total)' : 'exp(z) / total'});
  }
}`,
  };
  return {
    op,
    supports: (node) => all(() => allF32(node)),
    run(ctx) {
      const shape = ctx.inputs[0]!.shape;
      const out = ctx.output(0, shape);
      const cols = shape.length ? shape[shape.length - 1]! : 1;
      const rows = cols === 0 ? 0 : sizeOf(shape) / cols;
      if (rows === 0) return;
      const x = Math.min(rows, 65535);
      ctx.dispatch(program, [ctx.input(0)], [out], { rows, cols, beta: log ? 1 : floatAttr(ctx.attrs, 'beta', 1) }, [x, Math.ceil(rows / x), 1]);
    },
  };
}
