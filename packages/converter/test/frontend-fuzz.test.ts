// Mutated real GraphDefs (dropped attributes, rewired inputs, swapped ops, removed nodes) import
// or fail with a ConversionError: never a TypeError or another crash.
import { parseGraphDefText, type GraphDef, type NodeDef } from '@liteml/schema';
import { expect, it } from 'vitest';
import { ConversionError, importGraphDef } from '../src/index';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { readGraphDef, V1_LOOP_PBTXT } from './frontend-helpers';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(gd: GraphDef, rnd: () => number): GraphDef {
  const nodes: NodeDef[] = gd.node.map((n) => ({ ...n, input: [...n.input], attr: { ...n.attr } }));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const n = pick(nodes);
  switch (Math.floor(rnd() * 6)) {
    case 0: {
      const keys = Object.keys(n.attr);
      if (keys.length) delete n.attr[pick(keys)];
      break;
    }
    case 1:
      if (n.input.length) n.input[Math.floor(rnd() * n.input.length)] = `${pick(nodes).name}${rnd() < 0.3 ? ':1' : ''}`;
      break;
    case 2:
      n.op = pick(nodes).op;
      break;
    case 3:
      nodes.splice(nodes.indexOf(n), 1);
      break;
    case 4:
      n.input.push(pick(nodes).name);
      break;
    default: {
      const t = n.attr['value']?.tensor;
      if (t) n.attr['value'] = { tensor: { ...t, dtype: pick(['DT_INT32', 'DT_STRING', 'DT_HALF', 'DT_RESOURCE', 'DT_INT64']) } };
      else if (n.attr['T']) n.attr['T'] = { type: 'DT_STRING' };
    }
  }
  return { ...gd, node: nodes };
}

describeModels('importGraphDef on mutated GraphDefs', () => {
  const sources = manifestEntries().filter((e) => (e.format === 'graphdef-pbtxt' || e.format === 'graphdef-pb') && (e.n_ops ?? 0) <= 60);
  it('imports or throws ConversionError for 600 mutations', () => {
    const rnd = mulberry32(1234);
    let failures = 0;
    for (let i = 0; i < 600; i++) {
      const e = sources[i % (sources.length + 1)];
      let gd = e ? readGraphDef(modelPath(e.path)) : parseGraphDefText(V1_LOOP_PBTXT);
      const steps = 1 + Math.floor(rnd() * 3);
      for (let s = 0; s < steps; s++) gd = mutate(gd, rnd);
      try {
        importGraphDef(gd);
      } catch (err) {
        if (!(err instanceof ConversionError)) {
          throw new Error(`mutation ${i} of ${e?.path ?? 'the TF1 loop'}: ${(err as Error).stack}`);
        }
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
  });
});
