// Helpers of the frontend tests: op histograms of imported models, constant values.
import { readFileSync } from 'node:fs';
import { graphValues, typedArrayOf, type Graph, type Model, type Value } from '@liteml/graph-ir';
import { decodeGraphDef, parseGraphDefText, type GraphDef } from '@liteml/schema';

export function readGraphDef(path: string): GraphDef {
  return path.endsWith('.pbtxt') ? parseGraphDefText(readFileSync(path, 'utf8')) : decodeGraphDef(new Uint8Array(readFileSync(path)));
}

/**
 * The TF op histogram an unpruned import stands for: the nodes of all its graphs (`tf.X` → `X`),
 * the main graph's inputs (by the op of the NodeDef they came from) and the constants (`Const`). `sourceOps` maps TF node
 * names to their op (for the inputs).
 */
export function importedHistogram(m: Model, sourceOps: Map<string, string>): Record<string, number> {
  const h: Record<string, number> = {};
  const add = (op: string) => (h[op] = (h[op] ?? 0) + 1);
  m.graphs.forEach((g: Graph, gi) => {
    for (const n of g.nodes) add(n.op.replace(/^tf\./, ''));
    if (gi === 0) for (const v of g.inputs) add(sourceOps.get(v.name) ?? '?');
    for (const v of graphValues(g)) if (v.data) add('Const');
  });
  return h;
}

/** Const NodeDefs nothing reads: an import keeps no Value for them. */
export function unreadConstants(gd: GraphDef): string[] {
  const read = new Set<string>();
  for (const n of gd.node) for (const i of n.input) read.add(i.replace(/^\^/, '').replace(/:\d+$/, ''));
  return gd.node.filter((n) => n.op === 'Const' && !read.has(n.name)).map((n) => n.name);
}

export function constantByName(m: Model, name: string): Value | undefined {
  return graphValues(m.graphs[0]!).find((v) => v.data && v.name === name);
}

export function values(v: Value): number[] {
  return Array.from(typedArrayOf(v) as ArrayLike<number>, Number);
}

type Arr = number[] | bigint[];
const ELEMENTWISE: Record<string, (a: number, b: number) => number> = {
  Mul: (a, b) => a * b, Add: (a, b) => a + b, AddV2: (a, b) => a + b, Sub: (a, b) => a - b,
  Less: (a, b) => (a < b ? 1 : 0),
};

/**
 * Runs a tiny tf.* graph (Identity, Cast, Mul/Add/AddV2/Sub/Less with equal shapes or a scalar side) on
 * flat inputs: enough to check that signatures, inlined functions and frozen variables compute
 * what upstream says they compute.
 */
export function evalTinyGraph(g: Graph, inputs: Arr[]): Arr[] {
  const env = new Map<Value, Arr>();
  g.inputs.forEach((v, i) => env.set(v, inputs[i]!));
  const get = (v: Value): Arr => {
    const x = env.get(v) ?? (v.data ? (Array.from(typedArrayOf(v) as ArrayLike<number | bigint>) as Arr) : undefined);
    if (!x) throw new Error(`no value for ${v.name}`);
    return x;
  };
  for (const n of g.nodes) {
    const op = n.op.replace(/^tf\./, '');
    const ins = n.inputs.map((v) => get(v!));
    const big = n.outputs[0]!.dtype === 'i64' || n.outputs[0]!.dtype === 'u64';
    let out: Arr;
    if (op === 'Identity' || op === 'Snapshot' || op === 'StopGradient') out = ins[0]!;
    else if (op === 'Cast') out = big ? (ins[0] as number[]).map((x) => BigInt(x)) : (ins[0] as (number | bigint)[]).map(Number);
    else if (ELEMENTWISE[op]) {
      const [a, b] = ins as [Arr, Arr];
      const len = Math.max(a.length, b.length);
      const f = ELEMENTWISE[op]!;
      const at = (x: Arr, i: number) => Number(x.length === 1 ? x[0]! : x[i]!);
      const r = Array.from({ length: len }, (_, i) => f(at(a, i), at(b, i)));
      out = big ? r.map((x) => BigInt(x)) : r;
    } else throw new Error(`evalTinyGraph: op ${n.op} (${n.name}) is not supported`);
    env.set(n.outputs[0]!, out);
  }
  return g.outputs.map(get);
}

// A TF1 while loop as tf.while_loop builds it in graph mode:
// i = 0; acc = x; while i < 3: i += 1; acc *= 2
const f32 = 'attr { key: "T" value { type: DT_FLOAT } }';
const op = (name: string, type: string, inputs: string[], extra = f32) =>
  `node { name: "${name}" op: "${type}" ${inputs.map((i) => `input: "${i}"`).join(' ')} ${extra} }`;
const i32 = 'attr { key: "T" value { type: DT_INT32 } }';
const frame = (constant: boolean) => `attr { key: "frame_name" value { s: "while/while_context" } } attr { key: "is_constant" value { b: ${constant} } } attr { key: "parallel_iterations" value { i: 10 } }`;
const cst = (name: string, type: string, field: string, control?: string) =>
  `node { name: "${name}" op: "Const" ${control ? `input: "^${control}"` : ''} attr { key: "dtype" value { type: ${type} } } attr { key: "value" value { tensor { dtype: ${type} tensor_shape {} ${field} } } } }`;
// i = 0; acc = x; while i < 3: i += 1; acc *= 2   (tf.while_loop in TF1 graph mode)
export const V1_LOOP_PBTXT = [
  'node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "shape" value { shape { dim { size: 2 } } } } }',
  cst('zero', 'DT_INT32', 'int_val: 0'), cst('three', 'DT_INT32', 'int_val: 3'),
  op('while/Enter', 'Enter', ['zero'], `${i32} ${frame(false)}`),
  op('while/Enter_1', 'Enter', ['x'], `${f32} ${frame(false)}`),
  op('while/Enter_2', 'Enter', ['three'], `${i32} ${frame(true)}`),
  op('while/Merge', 'Merge', ['while/Enter', 'while/NextIteration'], `${i32} attr { key: "N" value { i: 2 } }`),
  op('while/Merge_1', 'Merge', ['while/Enter_1', 'while/NextIteration_1'], `${f32} attr { key: "N" value { i: 2 } }`),
  op('while/Less', 'Less', ['while/Merge', 'while/Enter_2'], i32),
  op('while/LoopCond', 'LoopCond', ['while/Less'], ''),
  op('while/Switch', 'Switch', ['while/Merge', 'while/LoopCond'], i32),
  op('while/Switch_1', 'Switch', ['while/Merge_1', 'while/LoopCond'], f32),
  op('while/Identity', 'Identity', ['while/Switch:1'], i32),
  op('while/Identity_1', 'Identity', ['while/Switch_1:1'], f32),
  cst('while/add/y', 'DT_INT32', 'int_val: 1', 'while/Identity'),
  op('while/add', 'AddV2', ['while/Identity', 'while/add/y'], i32),
  cst('while/mul/y', 'DT_FLOAT', 'float_val: 2', 'while/Identity'),
  op('while/mul', 'Mul', ['while/Identity_1', 'while/mul/y']),
  op('while/NextIteration', 'NextIteration', ['while/add'], i32),
  op('while/NextIteration_1', 'NextIteration', ['while/mul']),
  op('while/Exit', 'Exit', ['while/Switch'], i32),
  op('while/Exit_1', 'Exit', ['while/Switch_1']),
  op('out', 'Identity', ['while/Exit_1']),
].join('\n');
