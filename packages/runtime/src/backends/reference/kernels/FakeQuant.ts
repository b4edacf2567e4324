// tfl.FAKE_QUANT: quantize-dequantize of a float tensor with the [min, max] range nudged so that
// zero is representable (TensorFlow's FakeQuantWithMinMaxArgs, as TFLite computes it in float32):
// clamp to the nudged range, round((x − min)/scale) half away from zero, back to float.
import { roundHalfAway } from '../fixed-point';
import { kernel, supportsDtypes, unaryMap } from './elementwise-utils';

export const fakeQuant = kernel('tfl.FAKE_QUANT', {
  supports: supportsDtypes(['f32']),
  run(ctx) {
    const F = Math.fround;
    const min = F(Number(ctx.attrs['min'] ?? 0)), max = F(Number(ctx.attrs['max'] ?? 0));
    const numBits = Number(ctx.attrs['numBits'] ?? 8);
    const quantMin = ctx.attrs['narrowRange'] === true ? 1 : 0, quantMax = 2 ** numBits - 1;
    const scale = F(F(max - min) / (quantMax - quantMin));
    const zeroFromMin = F(quantMin - F(min / scale));
    const zp = zeroFromMin < quantMin ? quantMin : zeroFromMin > quantMax ? quantMax : roundHalfAway(zeroFromMin);
    const nMin = F((quantMin - zp) * scale), nMax = F((quantMax - zp) * scale);
    const inv = F(1 / scale);
    unaryMap(ctx, (x) => {
      const c = x < nMin ? nMin : x > nMax ? nMax : x;
      return F(F(roundHalfAway(F(F(c - nMin) * inv)) * scale) + nMin);
    });
  },
});
