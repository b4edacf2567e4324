// Op schemas against real models and the real TFLite runtime:
//  - every builtin op in the shared models has a schema with inference;
//  - on every node of every loadable .tflite model, inference from the recorded input types gives
//    the recorded output types (shape_signature aware);
//  - propagating the golden inputs' runtime shapes through the main graph gives the dtypes and
//    shapes TFLite's runtime produced (golden.json; dims that depend on input data stay unknown);
//  - models TFLite's kernels reject at prepare time for shape reasons are rejected by inference.
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath, type ManifestEntry } from '../../../testing/shared-models';
import { importTflite, type Model, type Node, type Value } from '../src/index';
import { constantValues } from '../src/infer';
import { getOpSchema, withDefaultAttrs, type ValueType } from '../src/ops/index';
import type { Dim, Shape } from '../src/shape';

const known = (d: Dim) => typeof d === 'number' && d >= 0;
/** A disagreement between an inferred and a recorded shape (unknown/symbolic on either side agrees). */
function disagrees(inferred: Shape | undefined, recorded: Shape | undefined): boolean {
  if (!inferred || !recorded) return false;
  if (inferred.length !== recorded.length) return true;
  return inferred.some((d, i) => known(d) && known(recorded[i]!) && d !== recorded[i]);
}
const fmt = (t: ValueType) => `${t.dtype}[${t.shape?.join(',') ?? '*'}]`;
const recorded = (v: Value): ValueType => ({ dtype: v.dtype, shape: v.shapeSignature ?? v.shape });

function load(e: ManifestEntry): Model | undefined {
  try {
    return importTflite(readFileSync(modelPath(e.path)));
  } catch {
    return undefined; // unreadable/invalid files are the adapter's tests, not these
  }
}

/** Output types of `n` given its input types, the way inferShapes computes them. */
function inferTypes(model: Model, n: Node, typeOf: (v: Value) => ValueType): ValueType[] {
  const schema = getOpSchema(n.op)!;
  if (schema.outputsFromSubgraph) {
    const g = model.graphs[n.attrs[schema.outputsFromSubgraph] as number];
    if (g && g.outputs.length === n.outputs.length) return g.outputs.map(recorded);
  }
  return schema.infer!({
    inputs: n.inputs.map((v) => (v ? typeOf(v) : undefined)),
    attrs: withDefaultAttrs(schema, n.attrs),
    constInput: (i) => (n.inputs[i] ? constantValues(n.inputs[i]!) : undefined),
    numOutputs: n.outputs.length,
    outputs: n.outputs.map(recorded),
  });
}

const tfliteEntries = () => manifestEntries().filter((e) => e.format === 'tflite' && !e.expect);

/**
 * Files whose recorded tensor types contradict TFLite's own Prepare: ADD sets its output type to its
 * input type at runtime (u8 + u8 → u8, recorded f32), as their goldens show; checked by the golden test.
 */
const RETYPED_BY_RUNTIME = new Set(['litert/tflite/testdata/add_quantized.bin', 'litert/tflite/testdata/add_quantized_int8.bin']);

/** TFLite kernel Prepare failures about shapes (golden_skipped), which inference must reproduce. */
const SHAPE_REJECTION = /kernels\/\w+\.cc:\d+ .*(dims|Dimension|shape)/;
/** Files TFLite refuses to load at all (e.g. schema version 2), whose contents are not meaningful. */
const NOT_LOADED = /schema version \d+ not equal/;

describeModels('tfl schemas on the shared models', () => {
  it('has a schema with infer for every builtin op in the manifest', () => {
    const ops = new Set<string>();
    for (const e of manifestEntries()) {
      if (e.format !== 'tflite') continue;
      for (const op of Object.keys(e.ops ?? {})) if (!op.startsWith('CUSTOM')) ops.add(op);
    }
    expect(ops.size).toBeGreaterThan(50);
    expect([...ops].filter((op) => typeof getOpSchema(`tfl.${op}`)?.infer !== 'function')).toEqual([]);
  });

  it('infers the recorded dtype and shape of every node output', () => {
    const problems: string[] = [];
    let nodes = 0;
    let models = 0;
    let staticOut = 0;
    let staticInferred = 0;
    for (const e of tfliteEntries()) {
      const skipped = String(e['golden_skipped'] ?? '');
      if (RETYPED_BY_RUNTIME.has(e.path) || SHAPE_REJECTION.test(skipped) || NOT_LOADED.test(skipped)) continue;
      const model = load(e);
      if (!model) continue;
      models++;
      for (const g of model.graphs) {
        for (const n of g.nodes) {
          if (n.op === 'tfl.CUSTOM') continue;
          nodes++;
          let out: ValueType[];
          try {
            out = inferTypes(model, n, recorded);
          } catch (err) {
            problems.push(`${e.path} '${n.name}': ${(err as Error).message}`);
            continue;
          }
          if (out.length !== n.outputs.length) problems.push(`${e.path} ${n.op} '${n.name}': ${out.length} outputs, model has ${n.outputs.length}`);
          n.outputs.forEach((v, i) => {
            const t = out[i];
            const r = recorded(v);
            if (r.shape?.every(known)) {
              staticOut++;
              if (t?.shape?.every(known)) staticInferred++;
            }
            if (t && (t.dtype !== r.dtype || disagrees(t.shape, r.shape))) {
              problems.push(`${e.path} ${n.op} '${n.name}' output ${i}: inferred ${fmt(t)}, recorded ${fmt(r)}`);
            }
          });
        }
      }
    }
    console.log(`[ops-models] per-node: ${models} models, ${nodes} nodes, ${staticInferred}/${staticOut} static outputs inferred fully, ${problems.length} disagreements`);
    expect(models).toBeGreaterThan(300);
    expect(staticInferred / staticOut).toBeGreaterThan(0.97);
    expect(problems.slice(0, 30)).toEqual([]);
  });

  it('reproduces the runtime output dtypes and shapes of every golden', () => {
    const dtypes: Record<string, string> = { float32: 'f32', float64: 'f64', int8: 'i8', uint8: 'u8', int16: 'i16', int32: 'i32', int64: 'i64', bool: 'bool', uint32: 'u32' };
    const problems: string[] = [];
    let checked = 0;
    let outputs = 0;
    let exact = 0;
    for (const e of tfliteEntries()) {
      for (const dir of e.golden ?? []) {
        const file = modelPath(`${dir}/golden.json`);
        if (!existsSync(file)) continue;
        const golden = JSON.parse(readFileSync(file, 'utf8')) as { inputs: { dtype: string; shape: number[] }[]; outputs: { name: string; dtype: string; shape: number[] }[] };
        const model = load(e);
        if (!model) continue;
        const g = model.graphs[0]!;
        const types = new Map<Value, ValueType>();
        g.inputs.forEach((v, i) => types.set(v, { dtype: v.dtype, shape: golden.inputs[i]?.shape ?? v.shape }));
        const typeOf = (v: Value) => types.get(v) ?? { dtype: v.dtype, shape: v.shape };
        try {
          for (const n of g.nodes) {
            const out = n.op === 'tfl.CUSTOM' ? n.outputs.map((v) => ({ dtype: v.dtype, shape: v.shape })) : inferTypes(model, n, typeOf);
            n.outputs.forEach((v, i) => types.set(v, out[i]!));
          }
        } catch (err) {
          problems.push(`${dir}: ${(err as Error).message}`);
          continue;
        }
        checked++;
        golden.outputs.forEach((o, i) => {
          const t = typeOf(g.outputs[i]!);
          outputs++;
          if (JSON.stringify(t.shape) === JSON.stringify(o.shape)) exact++;
          if (t.dtype !== dtypes[o.dtype] || disagrees(t.shape, o.shape)) {
            problems.push(`${dir} output '${o.name}': inferred ${fmt(t)}, runtime ${dtypes[o.dtype]}[${o.shape.join(',')}]`);
          }
        });
      }
    }
    console.log(`[ops-models] goldens: ${checked} runs propagated, ${exact}/${outputs} output shapes exact, ${problems.length} disagreements`);
    expect(checked).toBeGreaterThan(300);
    // Not exact (unknown, never wrong): shapes computed from input data (a runtime `k`, output_shape
    // or tile multiples fed as graph inputs, paddings derived from a dynamic input's SHAPE), custom
    // op outputs, and tensors the file leaves unranked. Everything else must be exact.
    expect(exact / outputs).toBeGreaterThan(0.94);
    expect(problems.slice(0, 30)).toEqual([]);
  });

  it('rejects the models TFLite rejects at prepare time for shape reasons', () => {
    const accepted: string[] = [];
    let rejecting = 0;
    for (const e of tfliteEntries()) {
      if (!SHAPE_REJECTION.test(String(e['golden_skipped'] ?? ''))) continue;
      const model = load(e);
      if (!model) continue;
      rejecting++;
      const g = model.graphs[0]!;
      const failed = g.nodes.some((n) => {
        if (!getOpSchema(n.op)?.infer || n.op === 'tfl.CUSTOM') return false;
        try {
          inferTypes(model, n, (v) => ({ dtype: v.dtype, shape: v.shape }));
          return false;
        } catch {
          return true;
        }
      });
      if (!failed) accepted.push(e.path);
    }
    expect(rejecting).toBeGreaterThan(3);
    expect(accepted).toEqual([]);
  });
});
