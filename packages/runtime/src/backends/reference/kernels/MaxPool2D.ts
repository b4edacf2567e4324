// tfl.MAX_POOL_2D over NHWC input: the largest in-bounds window value, then the fused
// activation clamp. float32; int8 / uint8 / int16 with equal input and output quantization.
import type { KernelConfig } from '../../../kernel';
import { checkPoolNode, runPool } from './pool-utils';

export const maxPool2d: KernelConfig = {
  op: 'tfl.MAX_POOL_2D',
  backend: 'reference',
  supports: (node) => checkPoolNode(node, ['f32', 'i8', 'u8', 'i16']),
  run(ctx) {
    runPool(ctx, (x, ch, _c, idx, count) => {
      let m = -Infinity;
      for (let i = 0; i < count; i++) {
        const v = x[idx[i]! + ch] as number;
        if (v > m) m = v;
      }
      return m;
    });
  },
};
