// RESIZE_BILINEAR / RESIZE_NEAREST_NEIGHBOR over NHWC (constant size), with TFLite's index rules
// (alignCorners, halfPixelCenters).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, allF32, boolAttr, constNumbers, elem, isConst } from './util';
import { movable } from './movable';

const WG = 64;

export function resizeKernel(op: string, bilinear: boolean): GpuKernel {
  return {
    op,
    supports: (node) => all(() => (bilinear ? allF32(node) : movable(node)),
      () => (isConst(node, 1) ? true : 'the size must be a constant'),
      () => (node.inputs[0]?.shape === undefined || node.inputs[0].shape.length === 4 ? true : 'input must be 4-D')),
    run(ctx) {
      const [N, H, W, C] = ctx.inputs[0]!.shape as [number, number, number, number];
      const [OH, OW] = constNumbers(ctx.constant(1)) as [number, number];
      const align = boolAttr(ctx.attrs, 'alignCorners', false), half = boolAttr(ctx.attrs, 'halfPixelCenters', false);
      const hs = Math.fround(align && OH > 1 ? (H - 1) / (OH - 1) : H / OH);
      const ws = Math.fround(align && OW > 1 ? (W - 1) / (OW - 1) : W / OW);
      const out = ctx.output(0, [N, OH, OW, C]);
      const n = N * OH * OW * C;
      if (n === 0) return;
      const t = elem(out.dtype);
      const head = `
  let c = idx % u.C;
  let x = (idx / u.C) % u.OW;
  let y = (idx / (u.C * u.OW)) % u.OH;
  let b = idx / (u.C * u.OW * u.OH);
  let base = b * u.H;`;
      const body = bilinear ? `${head}
  let sy = select(f32(y) * u.hs, (f32(y) + 0.5) * u.hs - 0.5, u.half != 0u);
  let sx = select(f32(x) * u.ws, (f32(x) + 0.5) * u.ws - 0.5, u.half != 0u);
  let y0 = u32(max(floor(sy), 0.0)); let y1 = u32(min(ceil(sy), f32(u.H - 1u)));
  let x0 = u32(max(floor(sx), 0.0)); let x1 = u32(min(ceil(sx), f32(u.W - 1u)));
  let dy = sy - f32(y0); let dx = sx - f32(x0);
  let v00 = f32(X[((base + y0) * u.W + x0) * u.C + c]); let v10 = f32(X[((base + y1) * u.W + x0) * u.C + c]);
  let v01 = f32(X[((base + y0) * u.W + x1) * u.C + c]); let v11 = f32(X[((base + y1) * u.W + x1) * u.C + c]);
  Y[idx] = T(v00 * (1.0 - dy) * (1.0 - dx) + v10 * dy * (1.0 - dx) + v01 * (1.0 - dy) * dx + v11 * dy * dx);` : `${head}
  let off = select(0.0, 0.5, u.half != 0u);
  let fy = (f32(y) + off) * u.hs; let fx = (f32(x) + off) * u.ws;
  var iy = i32(select(floor(fy), sign(fy) * floor(abs(fy) + 0.5), u.align != 0u));
  var ix = i32(select(floor(fx), sign(fx) * floor(abs(fx) + 0.5), u.align != 0u));
  iy = max(min(iy, i32(u.H) - 1), 0); ix = max(min(ix, i32(u.W) - 1), 0);
  Y[idx] = X[((base + u32(iy)) * u.W + u32(ix)) * u.C + c];`;
      const program: ProgramInfo = {
        key: `resize:${bilinear ? 'bilinear' : `nearest:${t}`}`,
        inputs: [{ name: 'X', type: t }],
        outputs: [{ name: 'Y', type: t }],
        uniforms: [['n', 'u32'], ['H', 'u32'], ['W', 'u32'], ['C', 'u32'], ['OH', 'u32'], ['OW', 'u32'], ['hs', 'f32'], ['ws', 'f32'], ['half', 'u32'], ['align', 'u32']],
        body: flatMain(WG, body),
      };
      ctx.dispatch(program, [ctx.input(0)], [out], { n, H, W, C, OH, OW, hs, ws, half: half ? 1 : 0, align: align ? 1 : 0 }, grid(n, WG));
    },
  };
}
