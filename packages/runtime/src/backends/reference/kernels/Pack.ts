// tfl.PACK: stacks N same-shape inputs along a new `axis`.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, isQuantizedInt, MOVABLE_DTYPES, quantDiffers, requantizer, sizeOf, supportsDtypes } from '../core-util';

export const pack: KernelConfig = {
  op: 'tfl.PACK',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const inputs = ctx.inputs.filter((t) => t !== undefined);
    const first = inputs[0]!;
    const rank = first.shape.length + 1;
    let axis = Number(ctx.attrs['axis'] ?? 0);
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank) fail(ctx.node, `axis ${ctx.attrs['axis']} out of range for output rank ${rank}`);
    for (const t of inputs) if (t.shape.join() !== first.shape.join()) fail(ctx.node, `inputs have different shapes [${first.shape.join(', ')}] and [${t.shape.join(', ')}]`);
    const shape = [...first.shape];
    shape.splice(axis, 0, inputs.length);
    const out = ctx.output(0, shape);
    const od = dataOf(out);
    const outer = sizeOf(first.shape.slice(0, axis));
    const inner = sizeOf(first.shape.slice(axis));
    inputs.forEach((t, k) => {
      const src = dataOf(t);
      const rq = isQuantizedInt(t) && isQuantizedInt(out) && quantDiffers(t, out) ? requantizer(t, out) : undefined;
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const v = src[o * inner + j];
          od[(o * inputs.length + k) * inner + j] = rq ? rq(v as number) : v;
        }
      }
    });
  },
};
