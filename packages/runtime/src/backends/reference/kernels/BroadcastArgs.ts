// tfl.BROADCAST_ARGS: the broadcast shape of two shape vectors.
import type { KernelConfig } from '../../../kernel';
import { setNumber } from '../../../dtypes';
import { fail, ints } from '../core-util';

export const broadcastArgs: KernelConfig = {
  op: 'tfl.BROADCAST_ARGS',
  backend: 'reference',
  run(ctx) {
    const a = ints(ctx.inputs[0], 's0');
    const b = ints(ctx.inputs[1], 's1');
    const n = Math.max(a.length, b.length);
    const out = ctx.output(0, [n], ctx.inputs[0]!.dtype);
    for (let i = 0; i < n; i++) {
      const x = a[a.length - n + i] ?? 1, y = b[b.length - n + i] ?? 1;
      if (x !== y && x !== 1 && y !== 1) fail(ctx.node, `shapes [${a.join(', ')}] and [${b.join(', ')}] do not broadcast`);
      setNumber(out.data as Int32Array, i, x === 1 ? y : x);
    }
  },
};
