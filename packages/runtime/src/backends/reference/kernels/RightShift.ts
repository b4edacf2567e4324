// tfl.RIGHT_SHIFT: a >> b with broadcasting; arithmetic for signed, logical for unsigned types;
// the shift is clamped to [0, bits − 1] as TFLite does.
import { binaryMap, kernel, supportsDtypes } from './elementwise-utils';

const BITS: Record<string, number> = { i8: 8, u8: 8, i16: 16, u16: 16, i32: 32, u32: 32 };

export const rightShift = kernel('tfl.RIGHT_SHIFT', {
  supports: supportsDtypes(['i8', 'u8', 'i16', 'u16', 'i32', 'u32'], true),
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    const max = BITS[dtype]! - 1;
    const clampShift = (b: number) => (b < 0 ? 0 : b > max ? max : b);
    if (dtype === 'u32') binaryMap(ctx, (a, b) => a >>> clampShift(b));
    else binaryMap(ctx, (a, b) => a >> clampShift(b));
  },
});
