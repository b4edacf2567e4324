// tfl.L2_POOL_2D (float32 only, as in TFLite): sqrt(mean of squares) of the in-bounds window.
import type { KernelConfig } from '../../../kernel';
import { checkPoolNode, runPool } from './pool-utils';

export const l2Pool2d: KernelConfig = {
  op: 'tfl.L2_POOL_2D',
  backend: 'reference',
  supports: (node) => checkPoolNode(node, ['f32']),
  run(ctx) {
    runPool(ctx, (x, ch, _c, idx, count) => {
      let acc = 0;
      for (let i = 0; i < count; i++) {
        const v = x[idx[i]! + ch] as number;
        acc += v * v;
      }
      return count === 0 ? 0 : Math.sqrt(acc / count);
    });
  },
};
