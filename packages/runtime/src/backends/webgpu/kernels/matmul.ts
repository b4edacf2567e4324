// Tiled matrix multiply shared by FULLY_CONNECTED, BATCH_MATMUL and 1×1 CONV_2D:
// C[b, m, n] = act(sum_k A[b, m, k] · B[b, k, n] + bias[n]). An 8×8 workgroup computes a 32×32
// output tile (4×4 per invocation, in registers) from 32×32 tiles of A and B staged in workgroup
// memory; element strides (transposes) and broadcast batch strides are
// uniforms, so one program serves every layout.
import { activationWgsl, type ProgramInfo } from '../program';
import type { GpuKernelContext, GpuTensor } from '../kernel';
import { dimUniforms, dimValues, unravel } from './util';

/** Output tile (TS×TS per workgroup), workgroup side WG, and RT×RT outputs per invocation. */
const TS = 32, WG = 8, RT = 4;

export interface MatmulArgs {
  a: GpuTensor; b: GpuTensor; bias?: GpuTensor; out: GpuTensor;
  M: number; N: number; K: number;
  /** Element strides of A along m and k, of B along k and n. */
  am: number; ak: number; bk: number; bn: number;
  /** Output batch dims and the batch strides (elements; 0 = broadcast) of A and B. */
  batch: number[]; aBatch: number[]; bBatch: number[];
  activation: string;
  /**
   * Implicit GEMM for a k×k convolution: A is the NHWC input read as im2col rows (one per output
   * pixel, K = KH·KW·IC columns in filter order), with zero padding; `am`/`ak` are then unused.
   */
  im2col?: Im2col;
}

export interface Im2col { H: number; W: number; IC: number; OH: number; OW: number; KW: number; sh: number; sw: number; dh: number; dw: number; pt: number; pl: number }

const IM2COL_UNIFORMS = [['H', 'u32'], ['W', 'u32'], ['IC', 'u32'], ['OH', 'u32'], ['OW', 'u32'], ['KW', 'u32'],
  ['sh', 'u32'], ['sw', 'u32'], ['dh', 'u32'], ['dw', 'u32'], ['pt', 'i32'], ['pl', 'i32']] as const;

const DIRECT_LOAD = `if (gr < u.M && gk < u.K) { av = f32(A[aBase + gr * u.am + gk * u.ak]); }`;
const IM2COL_LOAD = `if (gr < u.M && gk < u.K) {
        let ic = gk % u.IC; let kxy = gk / u.IC; let kx = kxy % u.KW; let ky = kxy / u.KW;
        let ox = gr % u.OW; let oy = (gr / u.OW) % u.OH; let b = gr / (u.OW * u.OH);
        let iy = i32(oy * u.sh + ky * u.dh) - u.pt; let ix = i32(ox * u.sw + kx * u.dw) - u.pl;
        if (iy >= 0 && iy < i32(u.H) && ix >= 0 && ix < i32(u.W)) { av = f32(A[((b * u.H + u32(iy)) * u.W + u32(ix)) * u.IC + ic]); }
      }`;

export function matmul(ctx: GpuKernelContext, x: MatmulArgs): void {
  const R = x.batch.length;
  const nb = x.batch.reduce((p, d) => p * d, 1);
  if (nb === 0 || x.M === 0 || x.N === 0) return;
  const term = (p: string) => Array.from({ length: R }, (_, i) => `z${i} * u.${p}${i}`).join(' + ') || '0u';
  const hasBias = !!x.bias;
  const program: ProgramInfo = {
    key: `matmul:${TS}x${RT}:${R}:${hasBias ? 'bias' : ''}:${x.activation}:${x.im2col ? 'im2col' : ''}`,
    inputs: [{ name: 'A', type: 'T' }, { name: 'B', type: 'T' }, ...(hasBias ? [{ name: 'Bias', type: 'T' as const }] : [])],
    outputs: [{ name: 'C', type: 'T' }],
    uniforms: [['M', 'u32'], ['N', 'u32'], ['K', 'u32'], ['am', 'u32'], ['ak', 'u32'], ['bk', 'u32'], ['bn', 'u32'],
      ...dimUniforms('bd', R), ...dimUniforms('sa', R), ...dimUniforms('sb', R), ...(x.im2col ? IM2COL_UNIFORMS : [])],
    body: `
var<workgroup> As: array<f32, ${TS * TS}>;
var<workgroup> Bs: array<f32, ${TS * TS}>;
@compute @workgroup_size(${WG}, ${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tid = lid.y * ${WG}u + lid.x;
  let zb = wid.z;
${unravel(R, 'bd', 'zb', 'z')}
  let aBase = ${term('sa')};
  let bBase = ${term('sb')};
  let tileRow = wid.y * ${TS}u;
  let tileCol = wid.x * ${TS}u;
  var acc: array<vec4<f32>, ${RT}>;
  for (var t = 0u; t < u.K; t = t + ${TS}u) {
    for (var i = 0u; i < ${(TS * TS) / (WG * WG)}u; i = i + 1u) {
      let e = tid + i * ${WG * WG}u;
      let r = e / ${TS}u;
      let c = e % ${TS}u;
      let gr = tileRow + r;
      let gk = t + c;
      var av = 0.0;
      ${x.im2col ? IM2COL_LOAD : DIRECT_LOAD}
      As[e] = av;
      let bkk = t + r;
      let gc = tileCol + c;
      var bv = 0.0;
      if (bkk < u.K && gc < u.N) { bv = f32(B[bBase + bkk * u.bk + gc * u.bn]); }
      Bs[e] = bv;
    }
    workgroupBarrier();
    for (var k = 0u; k < ${TS}u; k = k + 1u) {
      let bo = k * ${TS}u + lid.x * ${RT}u;
      let bvec = vec4<f32>(Bs[bo], Bs[bo + 1u], Bs[bo + 2u], Bs[bo + 3u]);
      for (var i = 0u; i < ${RT}u; i = i + 1u) {
        acc[i] = acc[i] + As[(lid.y * ${RT}u + i) * ${TS}u + k] * bvec;
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < ${RT}u; i = i + 1u) {
    let row = tileRow + lid.y * ${RT}u + i;
    if (row >= u.M) { break; }
    for (var j = 0u; j < ${RT}u; j = j + 1u) {
      let col = tileCol + lid.x * ${RT}u + j;
      if (col < u.N) {
        var v = acc[i][j];
        ${hasBias ? 'v = v + f32(Bias[col]);' : ''}
        C[(zb * u.M + row) * u.N + col] = T(${activationWgsl(x.activation)});
      }
    }
  }
}`,
  };
  const uniforms: Record<string, number> = { M: x.M, N: x.N, K: x.K, am: x.am, ak: x.ak, bk: x.bk, bn: x.bn };
  dimValues('bd', x.batch, uniforms);
  dimValues('sa', x.aBatch, uniforms);
  dimValues('sb', x.bBatch, uniforms);
  if (x.im2col) Object.assign(uniforms, x.im2col);
  const ins = [x.a, x.b, ...(x.bias ? [x.bias] : [])];
  if (nb > 65535) throw new Error(`batch matmul with ${nb} batches exceeds the WebGPU dispatch limit`);
  ctx.dispatch(program, ins, [x.out], uniforms, [Math.ceil(x.N / TS), Math.ceil(x.M / TS), nb]);
}
