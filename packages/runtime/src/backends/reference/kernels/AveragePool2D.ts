// tfl.AVERAGE_POOL_2D over NHWC input: the mean of the in-bounds window values (padding is not
// counted). float32; int8 / uint8 / int16 with equal input and output quantization, where the
// integer sum is divided rounding half away from zero, as TFLite's reference kernels do.
import type { KernelConfig } from '../../../kernel';
import { checkPoolNode, runPool } from './pool-utils';

export const averagePool2d: KernelConfig = {
  op: 'tfl.AVERAGE_POOL_2D',
  backend: 'reference',
  supports: (node) => checkPoolNode(node, ['f32', 'i8', 'u8', 'i16']),
  run(ctx) {
    const isFloat = ctx.inputs[0]?.dtype === 'f32';
    runPool(ctx, (x, ch, _c, idx, count) => {
      let acc = 0;
      for (let i = 0; i < count; i++) acc += x[idx[i]! + ch] as number;
      if (count === 0) return 0;
      if (isFloat) return Math.fround(acc) / count;
      const half = Math.trunc(count / 2);
      return acc > 0 ? Math.trunc((acc + half) / count) : Math.trunc((acc - half) / count);
    });
  },
};
