// 2-D pooling (average, max, L2) over NHWC f32, one invocation per output element.
import { activationWgsl, flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { activationOf, activationOk, all, allF32, convOutSize, convPadding, intAttr, stepAttr, strAttr } from './util';

const WG = 64;
type Kind = 'avg' | 'max' | 'l2';

export function poolKernel(op: string, kind: Kind): GpuKernel {
  const init = kind === 'max' ? '-3.402823e38' : '0.0';
  const step = kind === 'max' ? 'acc = max(acc, x);' : kind === 'avg' ? 'acc = acc + x;' : 'acc = acc + x * x;';
  const fin = kind === 'max' ? 'acc' : kind === 'avg' ? 'acc / f32(max(cnt, 1u))' : 'sqrt(acc / f32(max(cnt, 1u)))';
  return {
    op,
    supports: (node) => all(() => allF32(node), () => activationOk(node.attrs)),
    run(ctx) {
      const [N, H, W, C] = ctx.inputs[0]!.shape as [number, number, number, number];
      const KH = intAttr(ctx.attrs, 'filterHeight', 1), KW = intAttr(ctx.attrs, 'filterWidth', 1);
      const sh = stepAttr(ctx.attrs, 'strideH'), sw = stepAttr(ctx.attrs, 'strideW');
      const padding = strAttr(ctx.attrs, 'padding', 'SAME');
      const OH = convOutSize(padding, H, KH, sh, 1), OW = convOutSize(padding, W, KW, sw, 1);
      const pt = padding === 'SAME' ? convPadding(sh, 1, H, KH, OH) : 0;
      const pl = padding === 'SAME' ? convPadding(sw, 1, W, KW, OW) : 0;
      const out = ctx.output(0, [N, OH, OW, C]);
      const n = N * OH * OW * C;
      if (n === 0) return;
      const act = activationOf(ctx.attrs);
      const program: ProgramInfo = {
        key: `pool:${kind}:${act}`,
        inputs: [{ name: 'X', type: 'T' }],
        outputs: [{ name: 'Y', type: 'T' }],
        uniforms: [['n', 'u32'], ['H', 'u32'], ['W', 'u32'], ['C', 'u32'], ['OH', 'u32'], ['OW', 'u32'],
          ['KH', 'u32'], ['KW', 'u32'], ['sh', 'u32'], ['sw', 'u32'], ['pt', 'i32'], ['pl', 'i32']],
        body: flatMain(WG, `
  let c = idx % u.C;
  let pix = idx / u.C;
  let ox = pix % u.OW;
  let oy = (pix / u.OW) % u.OH;
  let b = pix / (u.OW * u.OH);
  var acc = ${init};
  var cnt = 0u;
  for (var ky = 0u; ky < u.KH; ky = ky + 1u) {
    let iy = i32(oy * u.sh + ky) - u.pt;
    if (iy < 0 || iy >= i32(u.H)) { continue; }
    for (var kx = 0u; kx < u.KW; kx = kx + 1u) {
      let ix = i32(ox * u.sw + kx) - u.pl;
      if (ix < 0 || ix >= i32(u.W)) { continue; }
      let x = f32(X[((b * u.H + u32(iy)) * u.W + u32(ix)) * u.C + c]);
      ${step}
      cnt = cnt + 1u;
    }
  }
  let v = ${fin};
  Y[idx] = T(${activationWgsl(act)});`),
      };
      ctx.dispatch(program, [ctx.input(0)], [out], { n, H, W, C, OH, OW, KH, KW, sh, sw, pt, pl }, grid(n, WG));
    },
  };
}
