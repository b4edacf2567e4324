// tfl.MAXIMUM: element-wise max with broadcasting, on raw values (quantized inputs share the
// output's parameters in TFLite models). Like TFLite, `a > b ? a : b` (a NaN in b wins).
import { binaryMap, binaryMapBig, kernel, supportsDtypes } from './elementwise-utils';

export const maximum = kernel('tfl.MAXIMUM', {
  supports: supportsDtypes(['f32', 'u8', 'i8', 'i16', 'i32', 'i64'], true),
  run(ctx) {
    if (ctx.inputs[0]!.dtype === 'i64') binaryMapBig(ctx, (a, b) => (a > b ? a : b));
    else binaryMap(ctx, (a, b) => (a > b ? a : b));
  },
});
