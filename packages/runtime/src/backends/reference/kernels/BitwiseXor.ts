// tfl.BITWISE_XOR: a ^ b on integer tensors with broadcasting.
import { binaryMap, kernel, supportsDtypes } from './elementwise-utils';

export const bitwiseXor = kernel('tfl.BITWISE_XOR', {
  supports: supportsDtypes(['i8', 'u8', 'i16', 'u16', 'i32', 'u32'], true),
  run(ctx) {
    binaryMap(ctx, (a, b) => a ^ b);
  },
});
