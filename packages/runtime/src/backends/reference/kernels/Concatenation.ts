// tfl.CONCATENATION: joins inputs along `axis`. Quantized inputs whose scale/zero point differ
// from the output's are requantized (as TFLite does); float outputs apply the fused activation.
import type { KernelConfig } from '../../../kernel';
import { activationRange, dataOf, fail, isQuantizedInt, MOVABLE_DTYPES, normAxis, quantDiffers, requantizer, sizeOf, supportsDtypes } from '../core-util';

export const concatenation: KernelConfig = {
  op: 'tfl.CONCATENATION',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const inputs = ctx.inputs.filter((t) => t !== undefined);
    const first = inputs[0]!;
    const rank = first.shape.length;
    const axis = normAxis(Number(ctx.attrs['axis'] ?? 0), Math.max(rank, 1));
    const shape = [...first.shape];
    shape[axis] = 0;
    for (const t of inputs) {
      if (t.shape.length !== rank || t.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
        fail(ctx.node, `input shapes [${first.shape.join(', ')}] and [${t.shape.join(', ')}] differ outside axis ${axis}`);
      }
      shape[axis] += t.shape[axis]!;
    }
    const out = ctx.output(0, shape);
    const od = dataOf(out);
    const outer = sizeOf(shape.slice(0, axis));
    const inner = sizeOf(shape.slice(axis + 1));
    const [lo, hi] = out.dtype === 'f32' || out.dtype === 'f64' ? activationRange(ctx.attrs['fusedActivationFunction']) : [-Infinity, Infinity];
    const clamp = lo !== -Infinity || hi !== Infinity;
    let base = 0;
    for (const t of inputs) {
      const chunk = t.shape[axis]! * inner;
      const src = dataOf(t);
      const rq = isQuantizedInt(t) && isQuantizedInt(out) && quantDiffers(t, out) ? requantizer(t, out) : undefined;
      // Plain copies (one element per array slot, no requantization or clamp): whole slices at once.
      const slices = !rq && !clamp && ArrayBuffer.isView(od) && ArrayBuffer.isView(src) && od.length === sizeOf(shape) && src.length === sizeOf(t.shape);
      for (let o = 0; o < outer; o++) {
        const so = o * chunk;
        const dst = o * shape[axis]! * inner + base;
        if (slices) {
          (od as Float32Array).set((src as Float32Array).subarray(so, so + chunk), dst);
          continue;
        }
        for (let j = 0; j < chunk; j++) {
          let v = src[so + j];
          if (rq) v = rq(v as number);
          else if (clamp) v = Math.min(hi, Math.max(lo, v as number));
          od[dst + j] = v;
        }
      }
      base += chunk;
    }
  },
};
