// SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND for NHWC inputs with a 2-D block (constant block shape and
// paddings/crops), one invocation per output element; batch index = block offset · batch + b, as in TF.
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, constNumbers, elem, isConst } from './util';
import { movable } from './movable';

const WG = 64;

export function spaceBatchKernel(op: string, toBatch: boolean): GpuKernel {
  return {
    op,
    supports: (node) => all(() => movable(node),
      () => (isConst(node, 1) && isConst(node, 2) ? true : 'block shape and paddings/crops must be constants'),
      () => (node.inputs[0]?.shape?.length === 4 && node.inputs[1]?.shape?.[0] === 2 ? true : 'only 4-D inputs with a 2-D block')),
    run(ctx) {
      const [N, H, W, C] = ctx.inputs[0]!.shape as [number, number, number, number];
      const [bh, bw] = constNumbers(ctx.constant(1)) as [number, number];
      const [p0, p1, p2, p3] = constNumbers(ctx.constant(2)) as [number, number, number, number];
      let outShape: number[];
      if (toBatch) {
        const ph = H + p0 + p1, pw = W + p2 + p3;
        if (ph % bh || pw % bw) throw new Error(`padded [${ph}, ${pw}] is not a multiple of the block [${bh}, ${bw}]`);
        outShape = [N * bh * bw, ph / bh, pw / bw, C];
      } else {
        if (N % (bh * bw)) throw new Error(`batch ${N} is not a multiple of ${bh * bw}`);
        outShape = [N / (bh * bw), H * bh - p0 - p1, W * bw - p2 - p3, C];
        if (outShape.some((d) => d < 0)) throw new Error('crops exceed the spatial size');
      }
      const out = ctx.output(0, outShape);
      const [OB, OH, OW] = outShape as [number, number, number, number];
      const n = OB * OH * OW * C;
      if (n === 0) return;
      const t = elem(out.dtype);
      const head = `
  let c = idx % u.C; let x = (idx / u.C) % u.OW; let y = (idx / (u.C * u.OW)) % u.OH; let ob = idx / (u.C * u.OW * u.OH);`;
      const body = toBatch ? `${head}
  let b = ob % u.N; let blk = ob / u.N;
  let iy = i32(y * u.bh + blk / u.bw) - u.pt; let ix = i32(x * u.bw + blk % u.bw) - u.pl;
  if (iy < 0 || iy >= i32(u.H) || ix < 0 || ix >= i32(u.W)) { Y[idx] = ${t}(0); return; }
  Y[idx] = X[((b * u.H + u32(iy)) * u.W + u32(ix)) * u.C + c];` : `${head}
  let yy = y + u32(u.pt); let xx = x + u32(u.pl);
  let ib = ((yy % u.bh) * u.bw + xx % u.bw) * u.OB + ob;
  Y[idx] = X[((ib * u.H + yy / u.bh) * u.W + xx / u.bw) * u.C + c];`;
      const program: ProgramInfo = {
        key: `${toBatch ? 's2b' : 'b2s'}:${t}`,
        inputs: [{ name: 'X', type: t }],
        outputs: [{ name: 'Y', type: t }],
        uniforms: [['n', 'u32'], ['N', 'u32'], ['H', 'u32'], ['W', 'u32'], ['C', 'u32'], ['OB', 'u32'], ['OH', 'u32'], ['OW', 'u32'],
          ['bh', 'u32'], ['bw', 'u32'], ['pt', 'i32'], ['pl', 'i32']],
        body: flatMain(WG, body),
      };
      ctx.dispatch(program, [ctx.input(0)], [out], { n, N, H, W, C, OB, OH, OW, bh, bw, pt: p0, pl: p2 }, grid(n, WG));
    },
  };
}
