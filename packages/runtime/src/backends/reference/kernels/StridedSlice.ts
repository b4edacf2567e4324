// tfl.STRIDED_SLICE with TF semantics: begin/end/ellipsis/new-axis/shrink-axis masks and `offset`
// (end is relative to begin).
import type { KernelConfig } from '../../../kernel';
import { fail, ints, MOVABLE_DTYPES, supportsDtypes } from '../core-util';
import { copyStrided } from './Slice';

const bit = (mask: number, i: number) => ((mask >> i) & 1) === 1;

export const stridedSlice: KernelConfig = {
  op: 'tfl.STRIDED_SLICE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const begin = ints(ctx.inputs[1], 'begin');
    const end = ints(ctx.inputs[2], 'end');
    const strides = ctx.inputs[3] ? ints(ctx.inputs[3], 'strides') : new Array<number>(begin.length).fill(1);
    const a = ctx.attrs;
    const beginMask = Number(a['beginMask'] ?? 0), endMask = Number(a['endMask'] ?? 0);
    const ellipsisMask = Number(a['ellipsisMask'] ?? 0), newAxisMask = Number(a['newAxisMask'] ?? 0);
    const shrinkMask = Number(a['shrinkAxisMask'] ?? 0);
    const offset = Boolean(a['offset']);
    const rank = input.shape.length;
    const n = begin.length;
    // Sparse spec → dense spec over the input dims.
    let consumed = 0;
    for (let i = 0; i < n; i++) if (!bit(ellipsisMask, i) && !(bit(newAxisMask, i))) consumed++;
    const hasEllipsis = ellipsisMask !== 0;
    const dBegin: number[] = [], dEnd: number[] = [], dStride: number[] = [];
    const outShape: number[] = [];
    let dim = 0;
    const full = (d: number) => {
      dBegin.push(0); dEnd.push(input.shape[d]!); dStride.push(1); outShape.push(input.shape[d]!);
    };
    for (let i = 0; i < n; i++) {
      if (bit(ellipsisMask, i)) {
        const span = rank - consumed;
        for (let k = 0; k < span; k++) full(dim++);
        continue;
      }
      if (bit(newAxisMask, i)) { outShape.push(1); continue; }
      if (dim >= rank) fail(ctx.node, `slice spec of ${n} entries exceeds input rank ${rank}`);
      const size = input.shape[dim]!;
      const s = strides[i]!;
      if (s === 0) fail(ctx.node, `stride ${i} is 0`);
      let b = begin[i]!;
      if (bit(shrinkMask, i)) {
        if (b < 0) b += size;
        if (b < 0 || b >= size) fail(ctx.node, `index ${begin[i]} out of range for dim ${dim} of size ${size}`);
        dBegin.push(b); dEnd.push(b + 1); dStride.push(1);
        dim++;
        continue;
      }
      const clampB = (x: number) => (s > 0 ? Math.min(Math.max(x, 0), size) : Math.min(Math.max(x, -1), size - 1));
      if (bit(beginMask, i)) b = s > 0 ? 0 : size - 1;
      else b = clampB(b < 0 ? b + size : b);
      let e: number;
      if (bit(endMask, i)) e = s > 0 ? size : -1;
      else if (offset) e = clampB(b + end[i]!);
      else e = clampB(end[i]! < 0 ? end[i]! + size : end[i]!);
      const count = s > 0 ? Math.max(0, Math.ceil((e - b) / s)) : Math.max(0, Math.ceil((b - e) / -s));
      dBegin.push(b); dEnd.push(e); dStride.push(s); outShape.push(count);
      dim++;
    }
    if (!hasEllipsis) while (dim < rank) full(dim++);
    // Block shape over the input dims (shrunk dims have extent 1).
    const block: number[] = [];
    for (let d = 0; d < rank; d++) {
      const s = dStride[d]!;
      block.push(s > 0 ? Math.max(0, Math.ceil((dEnd[d]! - dBegin[d]!) / s)) : Math.max(0, Math.ceil((dBegin[d]! - dEnd[d]!) / -s)));
    }
    // The output holds the block's elements in order; new/shrunk axes only change its shape.
    copyStrided(ctx.output(0, outShape), input, dBegin, dStride, block);
  },
};
