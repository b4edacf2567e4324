// Random inputs for a model (explicit `calibration: 'random'`; smoke tests only).
import type { Model } from '@liteml/graph-ir';
import { randomTensor } from '@liteml/runtime';
import type { CalibrationSample } from '../types';
import { staticShape } from '../util/graph';

/**
 * `count` samples drawn with the runtime's seeded generator (floats uniform in [-1, 1], integers
 * over their range, [0, 3] for int32/int64); sample s, input i uses seed `seed + 7919·s + i`.
 */
export function randomSamples(model: Model, count = 4, seed = 1234): CalibrationSample[] {
  const inputs = model.graphs[0]!.inputs;
  return Array.from({ length: count }, (_, s) =>
    inputs.map((v, i) => {
      const t = randomTensor({ name: v.name, dtype: v.dtype, shape: staticShape(v) }, seed + 7919 * s + i);
      return { data: t.data, shape: t.shape };
    }),
  );
}
