// tfl.DEPTHWISE_CONV_2D on WebGPU (f32, NHWC, filter [1, KH, KW, IC·multiplier], optional bias,
// fused activation): one invocation per output element.
import { activationWgsl, flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { activationOf, activationOk, all, allF32, convOutSize, convPadding, stepAttr, strAttr } from './util';

const WG = 64;

export const depthwiseConv2d: GpuKernel = {
  op: 'tfl.DEPTHWISE_CONV_2D',
  supports: (node) => all(
    () => allF32(node, [0, 1, 2]),
    () => activationOk(node.attrs),
    () => (node.inputs[0]?.shape?.length === 4 || node.inputs[0]?.shape === undefined ? true : 'input must be 4-D'),
  ),
  run(ctx) {
    const [N, H, W, IC] = ctx.inputs[0]!.shape as [number, number, number, number];
    const [, KH, KW, OC] = ctx.inputs[1]!.shape as [number, number, number, number];
    const M = IC === 0 ? 1 : OC / IC;
    if (!Number.isInteger(M)) throw new Error(`filter has ${OC} channels, not a multiple of the input's ${IC}`);
    const sh = stepAttr(ctx.attrs, 'strideH'), sw = stepAttr(ctx.attrs, 'strideW');
    const dh = stepAttr(ctx.attrs, 'dilationHFactor'), dw = stepAttr(ctx.attrs, 'dilationWFactor');
    const padding = strAttr(ctx.attrs, 'padding', 'SAME');
    const OH = convOutSize(padding, H, KH, sh, dh), OW = convOutSize(padding, W, KW, sw, dw);
    const pt = padding === 'SAME' ? convPadding(sh, dh, H, KH, OH) : 0;
    const pl = padding === 'SAME' ? convPadding(sw, dw, W, KW, OW) : 0;
    const out = ctx.output(0, [N, OH, OW, OC]);
    const n = N * OH * OW * OC;
    if (n === 0) return;
    const act = activationOf(ctx.attrs);
    const bias = ctx.inputs[2] ? ctx.input(2) : undefined;
    const program: ProgramInfo = {
      key: `depthwise:${bias ? 'bias' : ''}:${act}`,
      inputs: [{ name: 'X', type: 'T' }, { name: 'F', type: 'T' }, ...(bias ? [{ name: 'Bias', type: 'T' as const }] : [])],
      outputs: [{ name: 'Y', type: 'T' }],
      uniforms: [['n', 'u32'], ['H', 'u32'], ['W', 'u32'], ['IC', 'u32'], ['OH', 'u32'], ['OW', 'u32'], ['OC', 'u32'], ['M', 'u32'],
        ['KH', 'u32'], ['KW', 'u32'], ['sh', 'u32'], ['sw', 'u32'], ['dh', 'u32'], ['dw', 'u32'], ['pt', 'i32'], ['pl', 'i32']],
      body: flatMain(WG, `
  let oc = idx % u.OC;
  let pix = idx / u.OC;
  let ox = pix % u.OW;
  let oy = (pix / u.OW) % u.OH;
  let b = pix / (u.OW * u.OH);
  let ic = oc / u.M;
  var acc = 0.0;
  for (var ky = 0u; ky < u.KH; ky = ky + 1u) {
    let iy = i32(oy * u.sh + ky * u.dh) - u.pt;
    if (iy < 0 || iy >= i32(u.H)) { continue; }
    for (var kx = 0u; kx < u.KW; kx = kx + 1u) {
      let ix = i32(ox * u.sw + kx * u.dw) - u.pl;
      if (ix < 0 || ix >= i32(u.W)) { continue; }
      acc = acc + f32(X[((b * u.H + u32(iy)) * u.W + u32(ix)) * u.IC + ic]) * f32(F[(ky * u.KW + kx) * u.OC + oc]);
    }
  }
  var v = acc;
  ${bias ? 'v = v + f32(Bias[oc]);' : ''}
  Y[idx] = T(${activationWgsl(act)});`),
    };
    ctx.dispatch(program, [ctx.input(0), ctx.input(1), ...(bias ? [bias] : [])], [out],
      { n, H, W, IC, OH, OW, OC, M, KH, KW, sh, sw, dh, dw, pt, pl }, grid(n, WG));
  },
};
