// SPACE_TO_DEPTH / DEPTH_TO_SPACE over NHWC (TFLite's DCR channel order), one invocation per output element.
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, elem, intAttr } from './util';
import { movable } from './movable';

const WG = 64;

export function spaceDepthKernel(op: string, toDepth: boolean): GpuKernel {
  return {
    op,
    supports: (node) => all(() => movable(node), () => (node.inputs[0]?.shape === undefined || node.inputs[0].shape.length === 4 ? true : 'input must be 4-D')),
    run(ctx) {
      const [N, H, W, C] = ctx.inputs[0]!.shape as [number, number, number, number];
      const bs = intAttr(ctx.attrs, 'blockSize', 1);
      if (bs < 1) throw new Error(`block size ${bs}`);
      if (toDepth && (H % bs || W % bs)) throw new Error(`[${H}, ${W}] is not divisible by block ${bs}`);
      if (!toDepth && C % (bs * bs)) throw new Error(`depth ${C} is not divisible by ${bs * bs}`);
      const outShape = toDepth ? [N, H / bs, W / bs, C * bs * bs] : [N, H * bs, W * bs, C / (bs * bs)];
      const [, OH, OW, OC] = outShape as [number, number, number, number];
      const out = ctx.output(0, outShape);
      const n = N * OH * OW * OC;
      if (n === 0) return;
      const t = elem(out.dtype);
      const body = toDepth ? `
  let c = idx % u.OC; let x = (idx / u.OC) % u.OW; let y = (idx / (u.OC * u.OW)) % u.OH; let b = idx / (u.OC * u.OW * u.OH);
  let ic = c % u.C; let blk = c / u.C; let dy = blk / u.bs; let dx = blk % u.bs;
  Y[idx] = X[((b * u.H + y * u.bs + dy) * u.W + x * u.bs + dx) * u.C + ic];` : `
  let c = idx % u.OC; let x = (idx / u.OC) % u.OW; let y = (idx / (u.OC * u.OW)) % u.OH; let b = idx / (u.OC * u.OW * u.OH);
  let ic = ((y % u.bs) * u.bs + x % u.bs) * u.OC + c;
  Y[idx] = X[((b * u.H + y / u.bs) * u.W + x / u.bs) * u.C + ic];`;
      const program: ProgramInfo = {
        key: `${toDepth ? 's2d' : 'd2s'}:${t}`,
        inputs: [{ name: 'X', type: t }],
        outputs: [{ name: 'Y', type: t }],
        uniforms: [['n', 'u32'], ['H', 'u32'], ['W', 'u32'], ['C', 'u32'], ['OH', 'u32'], ['OW', 'u32'], ['OC', 'u32'], ['bs', 'u32']],
        body: flatMain(WG, body),
      };
      ctx.dispatch(program, [ctx.input(0)], [out], { n, H, W, C, OH, OW, OC, bs }, grid(n, WG));
    },
  };
}
