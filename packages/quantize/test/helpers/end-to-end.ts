// Whole-model comparison: our Interpreter in requantization mode 'xnnpack' versus real TFLite (which
// always runs its XNNPACK delegate) on the same inputs. `outputs` compares the model's INTEGER
// outputs: an output made by DEQUANTIZE of an integer tensor (int16x8 models keep float I/O) is
// replaced by that integer tensor, so nothing is rounded away. When they differ, `firstDiverging`
// re-runs both with every intermediate made a graph output and names the first node (in execution
// order) whose output differs: where the two arithmetics part.
import { type Value, exportTflite, importTflite } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { loadRealTflite } from './tflite';

export interface OutputDiff { name: string; dtype: string; maxDiff: number; mismatches: number; size: number }
export interface EndToEnd { outputs: OutputDiff[]; firstDiverging?: { name: string; op: string; maxDiff: number; mismatches: number } }

const INT = new Set(['i8', 'u8', 'i16', 'i32']);

const shapeOf = (v: Value) => (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));

function diff(a: ArrayLike<number>, b: ArrayLike<number>): { maxDiff: number; mismatches: number } {
  let maxDiff = 0, mismatches = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(Number(a[i]) - Number(b[i]));
    if (d !== 0) mismatches++;
    if (d > maxDiff || Number.isNaN(d)) maxDiff = d;
  }
  return { maxDiff, mismatches };
}

async function runBoth(bytes: Uint8Array, inputs: ArrayLike<number>[], shapes: number[][]) {
  const real = (await loadRealTflite(bytes)).run(inputs);
  const ours = Object.values(
    Interpreter.createSync(bytes, { requantization: 'xnnpack' }).run(inputs.map((d, i) => ({ data: d as never, shape: shapes[i]! }))),
  ).map((t) => t.data as ArrayLike<number>);
  return { real, ours };
}

export async function compareEndToEnd(bytes: Uint8Array, inputs: ArrayLike<number>[]): Promise<EndToEnd> {
  const model = importTflite(bytes);
  const g = model.graphs[0]!;
  const shapes = g.inputs.map(shapeOf);
  const original = [...g.outputs];
  g.outputs = original.map((v) => {
    const n = g.nodes.find((m) => m.outputs.includes(v));
    const x = n?.op === 'tfl.DEQUANTIZE' ? n.inputs[0] : undefined;
    return x && INT.has(x.dtype) && x.data === undefined ? x : v;
  });
  model.signatures = [];
  const swapped = g.outputs.some((v, j) => v !== original[j]);
  const { real, ours } = await runBoth(swapped ? exportTflite(model) : bytes, inputs, shapes);
  const outputs = g.outputs.map((v, j) => ({ name: v.name, dtype: v.dtype, size: real[j]!.length, ...diff(ours[j]!, real[j]!) }));
  if (outputs.every((o) => o.mismatches === 0)) return { outputs };
  // Locate the first diverging node on a copy whose intermediates are all graph outputs.
  const exposed: Value[] = [];
  const producer = new Map<Value, { name: string; op: string }>();
  for (const n of g.nodes) for (const o of n.outputs) if (o.data === undefined && !exposed.includes(o)) { exposed.push(o); producer.set(o, n); }
  g.outputs = exposed;
  model.signatures = [];
  const all = await runBoth(exportTflite(model), inputs, shapes);
  for (let j = 0; j < exposed.length; j++) {
    const d = diff(all.ours[j]!, all.real[j]!);
    if (d.mismatches > 0) return { outputs, firstDiverging: { ...producer.get(exposed[j]!)!, ...d } };
  }
  return { outputs };
}
