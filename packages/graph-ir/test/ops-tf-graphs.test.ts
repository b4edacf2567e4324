// tf inference over the real frozen GraphDefs in the shared models: NodeDefs are turned into
// op inputs/attributes the way the converter does (TF attribute names, DType strings), and every
// node's outputs are inferred from its producers' in topological order.
import { readFileSync } from 'node:fs';
import { decodeGraphDef, decodeTensor, parseGraphDefText, tfDataTypeToElementType, type AttrValue as TfAttr, type NodeDef } from '@liteml/schema';
import { expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import type { AttrValue } from '../src/ir';
import { getOpSchema, withDefaultAttrs, type ValueType } from '../src/ops/index';

const text = new TextDecoder();
const shapeOf = (s: { unknownRank?: boolean; dim?: { size: number | bigint }[] } | undefined) =>
  !s || s.unknownRank ? undefined : (s.dim ?? []).map((d) => Number(d.size));

/** A NodeDef attribute as the IR holds it. */
function attrOf(v: TfAttr): AttrValue {
  if (v.list) {
    const l = v.list;
    if (l.type?.length) return l.type.map((x) => tfDataTypeToElementType(x));
    if (l.i?.length) return l.i.map(Number);
    if (l.f?.length) return l.f;
    if (l.s?.length) return l.s.map((x) => text.decode(x));
    if (l.shape?.length) return l.shape.map((s) => shapeOf(s) ?? null) as AttrValue;
    if (l.b?.length) return l.b;
    return [];
  }
  if (v.type !== undefined) return tfDataTypeToElementType(v.type);
  if (v.shape) return shapeOf(v.shape) ?? null;
  if (v.s !== undefined) return text.decode(v.s);
  if (v.i !== undefined) return Number(v.i);
  if (v.f !== undefined) return v.f;
  if (v.b !== undefined) return v.b;
  if (v.func) return v.func.name;
  return null;
}

function propagate(nodes: NodeDef[]) {
  const types = new Map<string, ValueType>();
  const consts = new Map<string, number[]>();
  const uses = new Map<string, number>();
  for (const n of nodes) {
    for (const i of n.input) {
      if (i.startsWith('^')) continue;
      const [src, idx] = i.split(':');
      uses.set(src!, Math.max(uses.get(src!) ?? 1, Number(idx ?? 0) + 1));
    }
  }
  const key = (i: string) => (i.includes(':') ? i : `${i}:0`);
  const pending = [...nodes];
  const problems: string[] = [];
  let inferred = 0;
  while (pending.length) {
    const ready = pending.findIndex((n) => n.input.every((i) => i.startsWith('^') || types.has(key(i)) || !nodes.some((m) => m.name === key(i).split(':')[0])));
    if (ready < 0) break; // a cycle (TF1 loops): not in these graphs
    const n = pending.splice(ready, 1)[0]!;
    const schema = getOpSchema(`tf.${n.op}`);
    if (!schema?.infer) { problems.push(`${n.name}: no schema for tf.${n.op}`); continue; }
    const attrs: Record<string, AttrValue> = {};
    for (const [k, v] of Object.entries(n.attr)) if (!k.startsWith('_')) attrs[k] = attrOf(v);
    const ins = n.input.filter((i) => !i.startsWith('^')).map(key);
    let out: ValueType[];
    if (n.op === 'Const') {
      const t = decodeTensor(n.attr['value']!.tensor!, n.name);
      out = [{ dtype: tfDataTypeToElementType(n.attr['dtype']!.type!), shape: t.shape }];
      if (!(t.data instanceof Array) && t.data.length <= 64) consts.set(`${n.name}:0`, Array.from(t.data as ArrayLike<number | bigint>, Number));
    } else {
      try {
        out = schema.infer({
          inputs: ins.map((i) => types.get(i)),
          attrs: withDefaultAttrs(schema, attrs),
          constInput: (i) => consts.get(ins[i]!),
          numOutputs: uses.get(n.name) ?? 1,
        });
      } catch (e) {
        problems.push(`${n.name} (${n.op}): ${(e as Error).message}`);
        continue;
      }
    }
    inferred++;
    out.forEach((t, i) => types.set(`${n.name}:${i}`, t));
  }
  return { types, problems, inferred };
}

const graphs = () => manifestEntries().filter((e) => (e.format === 'graphdef-pb' || e.format === 'graphdef-pbtxt') && !/custom_opdef/.test(e.path));

describeModels('tf schemas on the shared GraphDefs', () => {
  it('infers every node of every frozen GraphDef without an error', () => {
    const problems: string[] = [];
    let nodes = 0;
    let unranked = 0;
    for (const e of graphs()) {
      const g = e.path.endsWith('.pb') ? decodeGraphDef(readFileSync(modelPath(e.path))) : parseGraphDefText(readFileSync(modelPath(e.path), 'utf8'));
      const r = propagate(g.node);
      nodes += r.inferred;
      problems.push(...r.problems.map((p) => `${e.path}: ${p}`));
      for (const [k, t] of r.types) if (!t.shape && !/If|Call|_Retval/.test(k)) unranked++;
    }
    console.log(`[ops-tf-graphs] ${graphs().length} graphs, ${nodes} nodes inferred, ${unranked} unranked outputs, ${problems.length} problems`);
    expect(nodes).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it('derives dense layer shapes from the constant weights (fc-layers, ae0)', () => {
    for (const path of ['graphdef/tf2onnx/fc-layers/frozen.pb', 'graphdef/tf2onnx/ae0/frozen.pb']) {
      const g = decodeGraphDef(readFileSync(modelPath(path)));
      const { types } = propagate(g.node);
      const matmuls = g.node.filter((n) => n.op === 'MatMul' || n.op === 'BiasAdd');
      expect(matmuls.length).toBeGreaterThan(1);
      for (const n of matmuls) {
        const s = types.get(`${n.name}:0`)!.shape!;
        expect(s, `${path} ${n.name}`).toHaveLength(2);
        expect(typeof s[1] === 'number' && s[1] > 0, `${path} ${n.name} ${JSON.stringify(s)}`).toBe(true);
      }
    }
  });
});
