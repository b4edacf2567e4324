// tfl.CONV_2D on WebGPU (f32, NHWC, filter [OC, KH, KW, IC], optional bias, fused activation).
// 1×1 stride-1 convolutions are the tiled matmul over pixels; wide k×k ones the same tiled matmul
// reading im2col rows of the input on the fly (implicit GEMM, weights as they are); narrow ones
// (few output channels or a short reduction, e.g. a 3-channel stem) a direct kernel in which each
// invocation computes 4 output channels of one pixel from weights repacked once to
// [KH, KW, IC, OC rounded up to 4].
import { activationWgsl, flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { matmul } from './matmul';
import { activationOf, activationOk, all, allF32, convOutSize, convPadding, stepAttr, strAttr } from './util';

const WG = 64;
/** k×k convolutions at least this wide run as implicit GEMM (the tiled matmul reading im2col rows). */
const GEMM_MIN_OC = 32, GEMM_MIN_K = 64;

export const conv2d: GpuKernel = {
  op: 'tfl.CONV_2D',
  supports: (node) => all(
    () => allF32(node, [0, 1, 2]),
    () => activationOk(node.attrs),
    () => (node.inputs[1]?.data !== undefined ? true : 'the filter must be a constant'),
    () => (node.inputs[0]?.shape?.length === 4 || node.inputs[0]?.shape === undefined ? true : 'input must be 4-D'),
  ),
  run(ctx) {
    const [N, H, W, IC] = ctx.inputs[0]!.shape as [number, number, number, number];
    const [OC, KH, KW, FC] = ctx.inputs[1]!.shape as [number, number, number, number];
    if (IC % FC !== 0) throw new Error(`input has ${IC} channels, the filter ${FC}`);
    if (IC !== FC) throw new Error('grouped convolution is not supported on WebGPU');
    const sh = stepAttr(ctx.attrs, 'strideH'), sw = stepAttr(ctx.attrs, 'strideW');
    const dh = stepAttr(ctx.attrs, 'dilationHFactor'), dw = stepAttr(ctx.attrs, 'dilationWFactor');
    const padding = strAttr(ctx.attrs, 'padding', 'SAME');
    const OH = convOutSize(padding, H, KH, sh, dh), OW = convOutSize(padding, W, KW, sw, dw);
    const pt = padding === 'SAME' ? convPadding(sh, dh, H, KH, OH) : 0;
    const pl = padding === 'SAME' ? convPadding(sw, dw, W, KW, OW) : 0;
    const out = ctx.output(0, [N, OH, OW, OC]);
    const act = activationOf(ctx.attrs);
    const bias = ctx.inputs[2] ? ctx.input(2) : undefined;
    if (N * OH * OW * OC === 0) return;
    if (KH === 1 && KW === 1 && sh === 1 && sw === 1) {
      matmul(ctx, { a: ctx.input(0), b: ctx.input(1), bias, out, M: N * H * W, N: OC, K: IC,
        am: IC, ak: 1, bk: 1, bn: IC, batch: [], aBatch: [], bBatch: [], activation: act });
      return;
    }
    if (OC >= GEMM_MIN_OC && KH * KW * IC >= GEMM_MIN_K) {
      matmul(ctx, { a: ctx.input(0), b: ctx.input(1), bias, out, M: N * OH * OW, N: OC, K: KH * KW * IC,
        am: 0, ak: 0, bk: 1, bn: KH * KW * IC, batch: [], aBatch: [], bBatch: [], activation: act,
        im2col: { H, W, IC, OH, OW, KW, sh, sw, dh, dw, pt, pl } });
      return;
    }
    const OC4 = Math.ceil(OC / 4);
    const packed = ctx.derived('filter', 'f32', [KH, KW, IC, OC4 * 4], () => {
      const f = ctx.constant(1)!.data as Float32Array;
      const p = new Float32Array(KH * KW * IC * OC4 * 4);
      for (let o = 0; o < OC; o++) for (let y = 0; y < KH; y++) for (let x = 0; x < KW; x++) for (let c = 0; c < IC; c++) {
        p[((y * KW + x) * IC + c) * OC4 * 4 + o] = f[((o * KH + y) * KW + x) * IC + c]!;
      }
      return p;
    });
    const program: ProgramInfo = {
      key: `conv2d:direct4:${bias ? 'bias' : ''}:${act}`,
      inputs: [{ name: 'X', type: 'T' }, { name: 'F', type: 'T' }, ...(bias ? [{ name: 'Bias', type: 'T' as const }] : [])],
      outputs: [{ name: 'Y', type: 'T' }],
      uniforms: [['n', 'u32'], ['H', 'u32'], ['W', 'u32'], ['IC', 'u32'], ['OH', 'u32'], ['OW', 'u32'], ['OC', 'u32'], ['OC4', 'u32'],
        ['KH', 'u32'], ['KW', 'u32'], ['sh', 'u32'], ['sw', 'u32'], ['dh', 'u32'], ['dw', 'u32'], ['pt', 'i32'], ['pl', 'i32']],
      body: flatMain(WG, `
  let oc4 = idx % u.OC4;
  let pix = idx / u.OC4;
  let ox = pix % u.OW;
  let oy = (pix / u.OW) % u.OH;
  let b = pix / (u.OW * u.OH);
  var acc = vec4<f32>(0.0);
  let fstride = u.OC4 * 4u;
  for (var ky = 0u; ky < u.KH; ky = ky + 1u) {
    let iy = i32(oy * u.sh + ky * u.dh) - u.pt;
    if (iy < 0 || iy >= i32(u.H)) { continue; }
    for (var kx = 0u; kx < u.KW; kx = kx + 1u) {
      let ix = i32(ox * u.sw + kx * u.dw) - u.pl;
      if (ix < 0 || ix >= i32(u.W)) { continue; }
      let xbase = ((b * u.H + u32(iy)) * u.W + u32(ix)) * u.IC;
      var fbase = (ky * u.KW + kx) * u.IC * fstride + oc4 * 4u;
      for (var c = 0u; c < u.IC; c = c + 1u) {
        let xv = f32(X[xbase + c]);
        acc = acc + xv * vec4<f32>(f32(F[fbase]), f32(F[fbase + 1u]), f32(F[fbase + 2u]), f32(F[fbase + 3u]));
        fbase = fbase + fstride;
      }
    }
  }
  let obase = pix * u.OC;
  for (var j = 0u; j < 4u; j = j + 1u) {
    let oc = oc4 * 4u + j;
    if (oc < u.OC) {
      var v = acc[j];
      ${bias ? 'v = v + f32(Bias[oc]);' : ''}
      Y[obase + oc] = T(${activationWgsl(act)});
    }
  }`),
    };
    const n = N * OH * OW * OC4;
    ctx.dispatch(program, [ctx.input(0), packed, ...(bias ? [bias] : [])], [out],
      { n, H, W, IC, OH, OW, OC, OC4, KH, KW, sh, sw, dh, dw, pt, pl }, grid(n, WG));
  },
};
