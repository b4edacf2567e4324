// Shared by SELECT and SELECT_V2: out = cond ? x : y over broadcast shapes (any value dtype).
import type { KernelContext } from '../../../kernel';
import { broadcastShapes, forEachRow } from './broadcast';

type Data = { [i: number]: unknown; length: number };

/** Writes cond ? x : y into output 0, broadcasting `condShape` (a view of cond's data) with x and y. */
export function selectBroadcast(ctx: KernelContext, condShape: readonly number[]): void {
  const c = ctx.inputs[0]!, x = ctx.inputs[1]!, y = ctx.inputs[2]!;
  const shape = broadcastShapes([condShape, x.shape, y.shape], ctx.node);
  const out = ctx.output(0, shape);
  const cd = c.data as Uint8Array, xd = x.data as unknown as Data, yd = y.data as unknown as Data, z = out.data as unknown as Data;
  forEachRow(shape, [condShape, x.shape, y.shape], (o, len, off, st) => {
    let ic = off[0]!, ix = off[1]!, iy = off[2]!;
    const sc = st[0]!, sx = st[1]!, sy = st[2]!;
    for (let k = 0; k < len; k++, ic += sc, ix += sx, iy += sy) z[o + k] = cd[ic] ? xd[ix] : yd[iy];
  });
}
