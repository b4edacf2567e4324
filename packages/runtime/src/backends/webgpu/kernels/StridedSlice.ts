// tfl.STRIDED_SLICE on WebGPU (f32/i32, constant begin/end/strides, every mask and `offset`):
// the slice spec is resolved on the CPU into a dense begin/step per input dim, then copied.
import type { GpuKernel } from '../kernel';
import { affineCopy } from './affine';
import { all, boolAttr, constNumbers, intAttr, isConst, rankOk, stridesOf } from './util';
import { movable } from './movable';

const bit = (mask: number, i: number) => ((mask >> i) & 1) === 1;

export const stridedSlice: GpuKernel = {
  op: 'tfl.STRIDED_SLICE',
  supports: (node) => all(() => movable(node), () => rankOk(node),
    () => ([1, 2, 3].every((i) => !node.inputs[i] || isConst(node, i)) ? true : 'begin/end/strides must be constants')),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const rank = shape.length;
    const begin = constNumbers(ctx.constant(1))!, end = constNumbers(ctx.constant(2))!;
    const strides = constNumbers(ctx.constant(3)) ?? begin.map(() => 1);
    const bm = intAttr(ctx.attrs, 'beginMask', 0), em = intAttr(ctx.attrs, 'endMask', 0);
    const elm = intAttr(ctx.attrs, 'ellipsisMask', 0), nam = intAttr(ctx.attrs, 'newAxisMask', 0), sam = intAttr(ctx.attrs, 'shrinkAxisMask', 0);
    const offset = boolAttr(ctx.attrs, 'offset', false);
    let consumed = 0;
    for (let i = 0; i < begin.length; i++) if (!bit(elm, i) && !bit(nam, i)) consumed++;
    const db: number[] = [], ds: number[] = [], block: number[] = [], outShape: number[] = [];
    let d = 0;
    const full = () => { db.push(0); ds.push(1); block.push(shape[d]!); outShape.push(shape[d]!); d++; };
    for (let i = 0; i < begin.length; i++) {
      if (bit(elm, i)) { for (let k = rank - consumed; k > 0; k--) full(); continue; }
      if (bit(nam, i)) { outShape.push(1); continue; }
      if (d >= rank) throw new Error(`slice spec of ${begin.length} entries exceeds input rank ${rank}`);
      const size = shape[d]!, s = strides[i]!;
      if (s === 0) throw new Error(`stride ${i} is 0`);
      let b = begin[i]!;
      if (bit(sam, i)) {
        if (b < 0) b += size;
        if (b < 0 || b >= size) throw new Error(`index ${begin[i]} out of range for dim ${d} of size ${size}`);
        db.push(b); ds.push(1); block.push(1); d++;
        continue;
      }
      const clamp = (x: number) => (s > 0 ? Math.min(Math.max(x, 0), size) : Math.min(Math.max(x, -1), size - 1));
      b = bit(bm, i) ? (s > 0 ? 0 : size - 1) : clamp(b < 0 ? b + size : b);
      const e = bit(em, i) ? (s > 0 ? size : -1) : offset ? clamp(b + end[i]!) : clamp(end[i]! < 0 ? end[i]! + size : end[i]!);
      const count = s > 0 ? Math.max(0, Math.ceil((e - b) / s)) : Math.max(0, Math.ceil((b - e) / -s));
      db.push(b); ds.push(s); block.push(count); outShape.push(count); d++;
    }
    if (!elm) while (d < rank) full();
    const out = ctx.output(0, outShape);
    affineCopy(ctx, ctx.input(0), out, { begin: db, step: ds, stride: stridesOf(shape), size: [...shape] }, block);
  },
};
