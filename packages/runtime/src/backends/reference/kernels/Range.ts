// tfl.RANGE: start, start + delta, … up to (excluding) limit.
import type { KernelConfig } from '../../../kernel';
import { RuntimeError } from '../../../errors';
import { numberAt, setNumber } from '../../../dtypes';
import { supportsDtypes } from '../core-util';

export const range: KernelConfig = {
  op: 'tfl.RANGE',
  backend: 'reference',
  supports: supportsDtypes(['f32', 'i32', 'i64']),
  run(ctx) {
    const [s, l, d] = ctx.inputs.map((t) => numberAt(t!.data, 0));
    const start = s!, limit = l!, delta = d!;
    if (delta === 0 || (delta > 0 && start > limit) || (delta < 0 && start < limit)) {
      throw new RuntimeError('BAD_INPUT', `RANGE '${ctx.node.name}': start ${start}, limit ${limit}, delta ${delta} do not make a range`, [ctx.node.name]);
    }
    const n = ctx.inputs[0]!.dtype === 'f32' ? Math.ceil(Math.abs((limit - start) / delta)) : Math.ceil(Math.abs(limit - start) / Math.abs(delta));
    const out = ctx.output(0, [n], ctx.inputs[0]!.dtype);
    for (let i = 0; i < n; i++) setNumber(out.data as Float32Array, i, start + i * delta);
  },
};
