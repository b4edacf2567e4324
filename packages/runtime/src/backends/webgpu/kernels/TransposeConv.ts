// tfl.TRANSPOSE_CONV on WebGPU (f32; constant output shape; weights [OC, KH, KW, IC], optional
// bias): gathered per output element (no scatter, so no write conflicts), with TFLite's padding
// (as if the output were the input of a forward convolution).
import { activationWgsl, flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { activationOf, activationOk, all, allF32, constNumbers, convOutSize, convPadding, isConst, stepAttr, strAttr } from './util';

const WG = 64;

export const transposeConv: GpuKernel = {
  op: 'tfl.TRANSPOSE_CONV',
  supports: (node) => all(() => allF32(node, [1, 2, 3]), () => activationOk(node.attrs),
    () => (isConst(node, 0) ? true : 'the output shape must be a constant')),
  run(ctx) {
    const os = constNumbers(ctx.constant(0))!;
    const [N, H, W, IC] = ctx.inputs[2]!.shape as [number, number, number, number];
    const [OC, KH, KW, FC] = ctx.inputs[1]!.shape as [number, number, number, number];
    const [, OH, OW] = os as [number, number, number, number];
    if (FC !== IC || os[0] !== N || os[3] !== OC) throw new Error(`output shape [${os}] does not fit input [${N},${H},${W},${IC}] and weights [${OC},${KH},${KW},${FC}]`);
    const out = ctx.output(0, os);
    const n = N * OH * OW * OC;
    if (n === 0) return;
    const padding = strAttr(ctx.attrs, 'padding', 'SAME');
    const sh = stepAttr(ctx.attrs, 'strideH'), sw = stepAttr(ctx.attrs, 'strideW');
    const pt = convPadding(sh, 1, OH, KH, convOutSize(padding, OH, KH, sh, 1));
    const pl = convPadding(sw, 1, OW, KW, convOutSize(padding, OW, KW, sw, 1));
    const act = activationOf(ctx.attrs);
    const bias = ctx.inputs[3] ? ctx.input(3) : undefined;
    const program: ProgramInfo = {
      key: `transposeconv:${bias ? 'bias' : ''}:${act}`,
      inputs: [{ name: 'X', type: 'T' }, { name: 'F', type: 'T' }, ...(bias ? [{ name: 'Bias', type: 'T' as const }] : [])],
      outputs: [{ name: 'Y', type: 'T' }],
      uniforms: [['n', 'u32'], ['H', 'u32'], ['W', 'u32'], ['IC', 'u32'], ['OH', 'u32'], ['OW', 'u32'], ['OC', 'u32'],
        ['KH', 'u32'], ['KW', 'u32'], ['sh', 'i32'], ['sw', 'i32'], ['pt', 'i32'], ['pl', 'i32']],
      body: flatMain(WG, `
  let oc = idx % u.OC;
  let pix = idx / u.OC;
  let ox = i32(pix % u.OW);
  let oy = i32((pix / u.OW) % u.OH);
  let b = pix / (u.OW * u.OH);
  var acc = 0.0;
  for (var ky = 0; ky < i32(u.KH); ky = ky + 1) {
    let ty = oy + u.pt - ky;
    if (ty < 0 || ty % u.sh != 0) { continue; }
    let iy = ty / u.sh;
    if (iy >= i32(u.H)) { continue; }
    for (var kx = 0; kx < i32(u.KW); kx = kx + 1) {
      let tx = ox + u.pl - kx;
      if (tx < 0 || tx % u.sw != 0) { continue; }
      let ix = tx / u.sw;
      if (ix >= i32(u.W)) { continue; }
      let xb = ((b * u.H + u32(iy)) * u.W + u32(ix)) * u.IC;
      let fb = ((oc * u.KH + u32(ky)) * u.KW + u32(kx)) * u.IC;
      for (var c = 0u; c < u.IC; c = c + 1u) { acc = acc + f32(X[xb + c]) * f32(F[fb + c]); }
    }
  }
  var v = acc;
  ${bias ? 'v = v + f32(Bias[oc]);' : ''}
  Y[idx] = T(${activationWgsl(act)});`),
    };
    ctx.dispatch(program, [ctx.input(2), ctx.input(1), ...(bias ? [bias] : [])], [out],
      { n, H, W, IC, OH, OW, OC, KH, KW, sh, sw, pt, pl }, grid(n, WG));
  },
};
