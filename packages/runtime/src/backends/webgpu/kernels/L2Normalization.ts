// tfl.L2_NORMALIZATION on WebGPU (f32, last axis): x / max(sqrt(Σx²), 1e-6), one workgroup per row.
import type { ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { activationOk, all, allF32, sizeOf } from './util';

const WG = 64;

const program: ProgramInfo = {
  key: 'l2norm',
  inputs: [{ name: 'X', type: 'T' }],
  outputs: [{ name: 'Y', type: 'T' }],
  uniforms: [['rows', 'u32'], ['cols', 'u32']],
  body: `
var<workgroup> red: array<f32, ${WG}>;
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32, @builtin(num_workgroups) nwg: vec3u) {
  let row = wid.y * nwg.x + wid.x;
  if (row >= u.rows) { return; }
  let base = row * u.cols;
  var s = 0.0;
  for (var i = li; i < u.cols; i = i + ${WG}u) { let x = f32(X[base + i]); s = s + x * x; }
  red[li] = s;
  workgroupBarrier();
  for (var k = ${WG / 2}u; k > 0u; k = k >> 1u) {
    if (li < k) { red[li] = red[li] + red[li + k]; }
    workgroupBarrier();
  }
  let norm = max(sqrt(red[0]), 1e-6);
  for (var i = li; i < u.cols; i = i + ${WG}u) { Y[base + i] = T(f32(X[base + i]) / norm); }
}`,
};

export const l2Normalization: GpuKernel = {
  op: 'tfl.L2_NORMALIZATION',
  supports: (node) => all(() => allF32(node), () => activationOk(node.attrs)),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const out = ctx.output(0, shape);
    const cols = shape.length ? shape[shape.length - 1]! : 1;
    const rows = cols === 0 ? 0 : sizeOf(shape) / cols;
    if (rows === 0) return;
    const x = Math.min(rows, 65535);
    ctx.dispatch(program, [ctx.input(0)], [out], { rows, cols }, [x, Math.ceil(rows / x), 1]);
  },
};
