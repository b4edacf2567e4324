// Calibration samples → feeds for a (possibly integer-input) model.
import type { Graph, QuantParams } from '@liteml/graph-ir';
import type { TensorLike } from '@liteml/runtime';
import type { CalibrationSample } from '../types';
import { quantizeArray } from './numeric';

function dataOf(t: TensorLike): { data: ArrayLike<number>; shape?: readonly number[] } | undefined {
  if (ArrayBuffer.isView(t)) return { data: t as unknown as ArrayLike<number> };
  if (Array.isArray(t)) return { data: t as number[] };
  if (t && typeof t === 'object' && 'data' in t) {
    const shape = (t as { shape?: readonly number[] }).shape;
    return { data: t.data as ArrayLike<number>, ...(shape ? { shape } : {}) };
  }
  return undefined;
}

function isFloatArray(d: ArrayLike<number>): boolean {
  return d instanceof Float32Array || d instanceof Float64Array || (Array.isArray(d) && d.some((x) => typeof x === 'number' && !Number.isInteger(x)));
}

/**
 * A sample for the model whose main graph is `graph`: float data meant for an int8/uint8/int16
 * input is quantized with that input's parameters; everything else passes through.
 */
export function adaptSample(sample: CalibrationSample, graph: Graph): CalibrationSample {
  const convert = (t: TensorLike, index: number): TensorLike => {
    const v = graph.inputs[index];
    const d = dataOf(t);
    if (!v || !d || !v.quant || !(v.dtype === 'i8' || v.dtype === 'u8' || v.dtype === 'i16') || !isFloatArray(d.data)) return t;
    const q: QuantParams = v.quant;
    const data = quantizeArray(d.data, q.scale[0]!, q.zeroPoint[0]!, v.dtype);
    return d.shape ? { data, shape: d.shape } : data;
  };
  if (Array.isArray(sample)) return (sample as readonly TensorLike[]).map(convert);
  const rec = sample as Record<string, TensorLike>;
  const out: Record<string, TensorLike> = {};
  const names = graph.inputs.map((v) => v.name);
  for (const [k, t] of Object.entries(rec)) {
    const idx = names.indexOf(k);
    out[k] = idx >= 0 ? convert(t, idx) : t;
  }
  return out;
}
