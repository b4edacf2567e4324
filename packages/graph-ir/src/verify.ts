// verify(model | graph): every structural and typing problem at once.
import { dtypeByteSize } from './dtype';
import { IRError, isIRErrorLike, type IRProblem } from './errors';
import { inferNode } from './infer';
import { Graph, Model, type Node, type Value } from './ir';
import { getOpSchema } from './ops';
import { formatShape, isStaticShape, shapeSize, shapesCompatible, staticShapeOf } from './shape';
import { graphValues, subgraphRefs, toposort } from './walk';

export interface VerifyOptions {
  /** Compare stored output types with shape inference (default true). */
  inference?: boolean;
  /** Throw an IRError listing every problem (default true); otherwise just return them. */
  throwOnError?: boolean;
}

/**
 * Checks a model or graph: unique value ids, single producers, no dangling values, no cycles,
 * topological node order, constant sizes, quantization params, input arity and enum attrs
 * against the op schemas, stored shapes against shape inference, subgraph references and
 * signatures. Returns the problems (empty when valid); throws IRError listing them all unless
 * `throwOnError: false`.
 */
export function verify(target: Model | Graph, options: VerifyOptions = {}): IRProblem[] {
  const problems: IRProblem[] = [];
  const model = target instanceof Model ? target : undefined;
  const graphs = model ? model.graphs : [target as Graph];
  if (model && model.graphs.length === 0) problems.push({ code: 'INVALID_GRAPH', message: 'model has no graphs' });
  graphs.forEach((g, gi) => verifyGraph(g, gi, model, options, problems));
  if (model) verifySignatures(model, problems);
  if (problems.length > 0 && options.throwOnError !== false) {
    throw IRError.fromProblems(problems, model ? 'model' : `graph '${(target as Graph).name}'`);
  }
  return problems;
}

function verifyGraph(g: Graph, gi: number, model: Model | undefined, options: VerifyOptions, problems: IRProblem[]): void {
  const where = `graph '${g.name || gi}'`;
  const add = (code: string, message: string, nodes: string[] = [], values: string[] = []) =>
    problems.push({ code, message: `${where}: ${message}`, nodes, values });

  // value ids
  const byId = new Map<number, Value>();
  for (const v of graphValues(g)) {
    const other = byId.get(v.id);
    if (other && other !== v) add('DUPLICATE_VALUE', `values '${other.name}' and '${v.name}' share id ${v.id}`, [], [other.name, v.name]);
    else byId.set(v.id, v);
    verifyValue(v, add);
  }

  // producers, order, dangling values
  const producer = new Map<Value, Node>();
  const inputs = new Set(g.inputs);
  for (const n of g.nodes) {
    for (const o of n.outputs) {
      const p = producer.get(o);
      if (p) add('DUPLICATE_VALUE', `value '${o.name}' is produced by both '${p.name}' and '${n.name}'`, [p.name, n.name], [o.name]);
      else producer.set(o, n);
      if (inputs.has(o)) add('INVALID_GRAPH', `graph input '${o.name}' is also produced by node '${n.name}'`, [n.name], [o.name]);
      if (o.data) add('INVALID_GRAPH', `constant '${o.name}' is produced by node '${n.name}'`, [n.name], [o.name]);
    }
  }
  let cyclic = false;
  try {
    toposort(g);
  } catch (e) {
    if (!isIRErrorLike(e)) throw e;
    cyclic = true;
    add('CYCLE', e.message, (e as IRError).nodes ?? []);
  }
  const defined = new Set<Value>(g.inputs);
  const available = (v: Value) => defined.has(v) || v.data !== undefined || v.isVariable === true;
  const dangling = (v: Value) => !producer.has(v) && !available(v);
  for (const n of g.nodes) {
    n.inputs.forEach((v, i) => {
      if (!v) return;
      if (dangling(v)) {
        add('DANGLING_VALUE', `input ${i} '${v.name}' of node '${n.name}' is not a graph input, constant, variable or node output`, [n.name], [v.name]);
      } else if (!cyclic && producer.has(v) && !defined.has(v)) {
        add('NOT_TOPOLOGICAL', `node '${n.name}' reads '${v.name}' before its producer '${producer.get(v)!.name}' runs`, [n.name, producer.get(v)!.name], [v.name]);
      }
    });
    for (const o of n.outputs) defined.add(o);
    verifyNode(n, model, options, add);
  }
  for (const v of g.outputs) {
    if (dangling(v)) add('DANGLING_VALUE', `graph output '${v.name}' is not produced by any node`, [], [v.name]);
  }
}

type Add = (code: string, message: string, nodes?: string[], values?: string[]) => void;

function verifyValue(v: Value, add: Add): void {
  if (v.shape) {
    v.shape.forEach((d, i) => {
      if (typeof d === 'number' && (!Number.isInteger(d) || d < -1)) add('TYPE_MISMATCH', `value '${v.name}' has an invalid dim ${d} at ${i}`, [], [v.name]);
    });
  }
  if (v.data && isStaticShape(v.shape) && v.dtype !== 'string' && dtypeByteSize(v.dtype) > 0) {
    const want = Math.ceil(shapeSize(v.shape) * dtypeByteSize(v.dtype));
    if (v.data.byteLength !== want && !v.sparsity) {
      add('TYPE_MISMATCH', `constant '${v.name}' (${v.dtype}${formatShape(v.shape)}) has ${v.data.byteLength} bytes, expected ${want}`, [], [v.name]);
    }
  }
  const q = v.quant;
  if (q) {
    if (q.scale.length !== q.zeroPoint.length && q.zeroPoint.length !== 0) {
      add('TYPE_MISMATCH', `value '${v.name}': ${q.scale.length} quantization scales but ${q.zeroPoint.length} zero points`, [], [v.name]);
    }
    if (q.scale.length > 1 && v.shape) {
      const axis = q.axis ?? 0;
      const d = v.shape[axis];
      // (TFLite ignores an out-of-range axis on a per-tensor shape, and real files have them.)
      if (axis >= 0 && axis < v.shape.length && typeof d === 'number' && d >= 0 && d !== q.scale.length) {
        add('TYPE_MISMATCH', `value '${v.name}': ${q.scale.length} per-axis scales but dim ${axis} is ${d}`, [], [v.name]);
      }
    }
  }
}

function verifyNode(n: Node, model: Model | undefined, options: VerifyOptions, add: Add): void {
  const schema = getOpSchema(n.op);
  if (schema) {
    const specs = schema.inputs;
    const variadic = specs.some((s) => s.endsWith('*'));
    const required = specs.filter((s) => !s.endsWith('?') && !s.endsWith('*')).length;
    const firstOptional = specs.findIndex((s) => s.endsWith('?') || s.endsWith('*'));
    if (n.inputs.length < required) add('INVALID_GRAPH', `node '${n.name}' (${n.op}) has ${n.inputs.length} inputs, needs at least ${required}`, [n.name]);
    if (!variadic && n.inputs.length > specs.length) add('INVALID_GRAPH', `node '${n.name}' (${n.op}) has ${n.inputs.length} inputs, takes at most ${specs.length}`, [n.name]);
    n.inputs.forEach((v, i) => {
      const spec = specs[Math.min(i, specs.length - 1)];
      if (!v && spec && !spec.endsWith('?') && !(firstOptional >= 0 && i >= firstOptional && variadic)) {
        add('INVALID_GRAPH', `node '${n.name}' (${n.op}) omits required input ${i} '${spec}'`, [n.name]);
      }
    });
    for (const [k, spec] of Object.entries(schema.attrs)) {
      const a = n.attrs[k];
      if (spec.kind === 'enum' && typeof a === 'string' && !spec.values.includes(a)) {
        add('INVALID_ATTR', `node '${n.name}' (${n.op}): attribute ${k} = '${a}' is not one of ${spec.values.join(', ')}`, [n.name]);
      }
    }
  }
  if (model) {
    for (const ref of subgraphRefs(n)) {
      if (!Number.isInteger(ref) || ref < 0 || ref >= model.graphs.length) {
        add('BAD_SUBGRAPH_REF', `node '${n.name}' (${n.op}) refers to graph ${ref}, the model has ${model.graphs.length}`, [n.name]);
      }
    }
  }
  if (options.inference === false) return;
  let types;
  try {
    types = inferNode(n, { model, typeOf: (v) => ({ dtype: v.dtype, shape: staticShapeOf(v) }) });
  } catch (e) {
    if (!isIRErrorLike(e)) throw e;
    add(e.code, e.message, [n.name]);
    return;
  }
  if (!types) return;
  if (types.length !== n.outputs.length) {
    add('SHAPE_MISMATCH', `node '${n.name}' (${n.op}) has ${n.outputs.length} outputs, shape inference gives ${types.length}`, [n.name]);
    return;
  }
  n.outputs.forEach((o, i) => {
    const t = types[i]!;
    if (t.dtype !== o.dtype) {
      add('TYPE_MISMATCH', `node '${n.name}' (${n.op}) output ${i} '${o.name}' is ${o.dtype}, inference says ${t.dtype}`, [n.name], [o.name]);
    } else if (!shapesCompatible(t.shape, staticShapeOf(o))) {
      add('SHAPE_MISMATCH', `node '${n.name}' (${n.op}) output ${i} '${o.name}' has shape ${formatShape(o.shape)}, inference says ${formatShape(t.shape)}`, [n.name], [o.name]);
    }
  });
}

function verifySignatures(model: Model, problems: IRProblem[]): void {
  for (const s of model.signatures) {
    const g = model.graphs[s.graphIndex];
    if (!g) {
      problems.push({ code: 'BAD_SUBGRAPH_REF', message: `signature '${s.key}' refers to graph ${s.graphIndex}, the model has ${model.graphs.length}` });
      continue;
    }
    const values = new Set(graphValues(g));
    for (const { name, value } of [...s.inputs, ...s.outputs]) {
      if (!values.has(value)) {
        problems.push({ code: 'DANGLING_VALUE', message: `signature '${s.key}' entry '${name}' refers to '${value.name}', which is not in graph '${g.name}'`, values: [value.name] });
      }
    }
  }
}
