// Runs the float model over the calibration set and records the range of every float activation.
import type { Model, Value } from '@liteml/graph-ir';
import { Interpreter, RuntimeError } from '@liteml/runtime';
import { QuantizationError } from '../errors';
import type { CalibrationSample, ObserverKind, QuantizeProgress } from '../types';
import { isFloatActivation } from '../util/graph';
import { ChannelMean } from './bias-correction';
import { RangeObserver } from './observers';

export interface CalibrationResult {
  /** Observers by value id (ids match every copy imported from the same bytes). */
  ranges: Map<number, RangeObserver>;
  /** Per-channel (last axis) means of the tensors named in `meansOf`, by value id. */
  means: Map<number, Float64Array>;
  samples: number;
}

/**
 * Gives each float activation of the main graph a unique name in `model` (a private copy), so
 * getTensor finds exactly that value even where the file repeats names.
 */
function uniqueNames(model: Model): Value[] {
  const g = model.graphs[0]!;
  const seen = new Set<string>();
  const values: Value[] = [];
  const visit = (v: Value | undefined) => {
    if (!isFloatActivation(v) || values.includes(v)) return;
    if (seen.has(v.name) || v.name === '') v.name = `${v.name}#liteml${v.id}`;
    seen.add(v.name);
    values.push(v);
  };
  g.inputs.forEach(visit);
  for (const n of g.nodes) n.outputs.forEach(visit);
  return values;
}

/** Runs `fn`, turning the runtime's refusals into a QuantizationError that says why calibration needs it. */
function runtimeCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    throw new QuantizationError('BAD_MODEL',
      `calibration runs the float model on @liteml/runtime, which failed: ${e.message}` +
      (e.code === 'UNSUPPORTED_OPS' ? ' (register custom ops with registerCustomOp, or use mode dynamic/float16, which need no calibration)' : ''),
      e.names, { cause: e });
  }
}

export function calibrate(model: Model, samples: Iterable<CalibrationSample>, observer: ObserverKind, percentile: number | undefined,
  onProgress?: (p: QuantizeProgress) => void, meansOf: ReadonlySet<number> = new Set()): CalibrationResult {
  const values = uniqueNames(model);
  const it = runtimeCall(() => Interpreter.createSync(model, { preserveAllTensors: true }));
  const ranges = new Map<number, RangeObserver>(values.map((v) => [v.id, new RangeObserver(observer, percentile)]));
  const means = new Map<number, ChannelMean>(values.filter((v) => meansOf.has(v.id)).map((v) => [v.id, new ChannelMean()]));
  let count = 0;
  for (const sample of samples) {
    try {
      it.run(sample);
    } catch (e) {
      if (e instanceof RuntimeError && e.code === 'BAD_INPUT') {
        throw new QuantizationError('BAD_CALIBRATION_DATA', `calibration sample ${count}: ${e.message}`, e.names, { cause: e });
      }
      runtimeCall(() => { throw e; });
    }
    for (const v of values) {
      const t = it.getTensor(v.name);
      ranges.get(v.id)!.observe(t.data as Float32Array);
      means.get(v.id)?.observe(t.data as Float32Array, t.shape[t.shape.length - 1] ?? 1);
    }
    count++;
    onProgress?.({ stage: 'calibrate', done: count, ...(Array.isArray(samples) ? { total: samples.length } : {}) });
  }
  if (count === 0) throw new QuantizationError('NO_CALIBRATION_DATA', 'the calibration set is empty; pass at least one representative input (ideally 100+)');
  const channelMeans = new Map<number, Float64Array>();
  for (const [id, m] of means) { const v = m.means(); if (v) channelMeans.set(id, v); }
  return { ranges, means: channelMeans, samples: count };
}
