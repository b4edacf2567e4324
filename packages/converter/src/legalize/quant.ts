// Fake quantization (quantization-aware-training graphs). Per-tensor ranges map to FAKE_QUANT;
// per-channel ranges (usually on constant weights) are computed with element-wise ops on
// per-channel constants, which constant folding turns into the fake-quantized weights.
import type { Value } from '@liteml/graph-ir';
import { rule, type LegalizeBuilder, type LegalizeRule, type TfNode } from './rule';

/** TF's nudged range: the quantization grid (scale, nudged min/max) for one [min, max] pair. */
export function nudge(min: number, max: number, bits: number, narrow: boolean): { scale: number; lo: number; hi: number } {
  const qmin = narrow ? 1 : 0;
  const qmax = 2 ** bits - 1;
  const scale = (max - min) / (qmax - qmin);
  const zpFromMin = qmin - min / scale;
  const zp = zpFromMin < qmin ? qmin : zpFromMin > qmax ? qmax : Math.round(zpFromMin);
  return { scale, lo: (qmin - zp) * scale, hi: (qmax - zp) * scale };
}

function perChannel(n: TfNode, b: LegalizeBuilder): Value {
  const x = n.input(0);
  const mins = b.constValues(n.input(1), 'min');
  const maxs = b.constValues(n.input(2), 'max');
  if (mins.length !== maxs.length) b.fail('min and max have different sizes');
  const bits = n.attr('num_bits', 8);
  const narrow = n.attr('narrow_range', false);
  const grids = mins.map((lo, i) => nudge(lo, maxs[i]!, bits, narrow));
  const c = mins.length;
  const vec = (f: (g: (typeof grids)[number]) => number, what: string) => b.constant('f32', [c], Float32Array.from(grids, f), what);
  const lo = vec((g) => g.lo, 'nudged_min');
  const clamped = b.op('tfl.MINIMUM', [b.op('tfl.MAXIMUM', [x, lo]), vec((g) => g.hi, 'nudged_max')]);
  // round half away from zero on the non-negative grid index: floor(v + 0.5)
  const steps = b.op('tfl.FLOOR', [b.op('tfl.ADD', [b.op('tfl.DIV', [b.op('tfl.SUB', [clamped, lo]), vec((g) => g.scale, 'scale')]), b.scalar('f32', 0.5)])]);
  return b.op('tfl.ADD', [b.op('tfl.MUL', [steps, vec((g) => g.scale, 'scale')]), lo]);
}

export const quantRules: LegalizeRule[] = [
  rule('FakeQuantWithMinMaxArgs', (n, b) => b.op('tfl.FAKE_QUANT', [n.input(0)], {
    min: n.attr('min', -6), max: n.attr('max', 6), numBits: n.attr('num_bits', 8), narrowRange: n.attr('narrow_range', false),
  })),
  rule('FakeQuantWithMinMaxVars', (n, b) => {
    const [lo] = b.constValues(n.input(1), 'min');
    const [hi] = b.constValues(n.input(2), 'max');
    return b.op('tfl.FAKE_QUANT', [n.input(0)], { min: lo!, max: hi!, numBits: n.attr('num_bits', 8), narrowRange: n.attr('narrow_range', false) });
  }),
  rule('FakeQuantWithMinMaxVarsPerChannel', perChannel),
];
