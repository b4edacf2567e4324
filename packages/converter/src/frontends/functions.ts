// Library functions that stay functions (bodies of If/While/… and, without inlining, of calls)
// become graphs of the Model: inputs are the function's arguments, outputs its results, node names
// those of the FunctionDef. A node's function attribute `{ name, attr }` gets `graph`, the index
// of that graph in `Model.graphs`.
import { shapesEqual } from '@liteml/graph-ir';
import type { AttrValue as IrAttr, Graph, Model, Node, Shape, Value } from '@liteml/graph-ir';
import type { FunctionDef, NodeDef, OpDef } from '@liteml/schema';
import { ConversionError } from '../errors';
import { buildGraph, runShapeInference } from './graphdef';
import { inlineFunctions } from './inline';
import { flatOutputIndex } from './op-outputs';

/** A function attribute after conversion. */
export interface FuncAttr {
  name: string;
  attr: Record<string, IrAttr>;
  /** Index of the function's graph in `Model.graphs`. */
  graph?: number;
}

function isFuncAttr(v: unknown): v is FuncAttr {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v)
    && typeof (v as FuncAttr).name === 'string' && typeof (v as FuncAttr).attr === 'object';
}

/**
 * Adds a graph for every library function the graphs' nodes name in an attribute (recursively),
 * appending to `graphs` and setting each attribute's `graph`.
 */
export function attachFunctionGraphs(graphs: Graph[], library: ReadonlyMap<string, FunctionDef>, opDefs: ReadonlyMap<string, OpDef>, inline: boolean): void {
  const index = new Map<string, number>();
  for (let gi = 0; gi < graphs.length; gi++) {
    for (const node of graphs[gi]!.nodes) {
      for (const [k, v] of Object.entries(node.attrs)) {
        const funcs = Array.isArray(v) ? (v as unknown[]).filter(isFuncAttr) : isFuncAttr(v) ? [v] : [];
        for (const f of funcs) {
          const fd = library.get(f.name);
          if (!fd) {
            if (k === 'f' || k === 'then_branch' || k === 'else_branch' || k === 'cond' || k === 'body' || k === 'branches') {
              throw new ConversionError('UNKNOWN_FUNCTION', `node '${node.name}' (${node.op}) names function '${f.name}' in '${k}', which the function library does not define`, [node.name]);
            }
            continue;
          }
          let idx = index.get(f.name);
          if (idx === undefined) {
            idx = graphs.length;
            index.set(f.name, idx);
            graphs.push(functionGraph(fd, library, opDefs, inline));
          }
          f.graph = idx;
        }
      }
    }
  }
}

/** The graph of one FunctionDef (its calls inlined when `inline`). */
export function functionGraph(fd: FunctionDef, library: ReadonlyMap<string, FunctionDef>, opDefs: ReadonlyMap<string, OpDef>, inline: boolean): Graph {
  const sig = fd.signature!;
  const body = new Map(fd.nodeDef.map((n) => [n.name, n]));
  const fail = (why: string): never => {
    throw new ConversionError('UNSUPPORTED_FUNCTION', `function '${sig.name}': ${why}`);
  };
  const args: NodeDef[] = sig.inputArg.map((a, i) => {
    if (a.numberAttr || a.typeListAttr) fail(`argument '${a.name}' is a list of tensors`);
    if (body.has(a.name)) fail(`argument '${a.name}' has the name of a node`);
    const type = a.type !== 'DT_INVALID' && a.type !== undefined ? a.type : fd.attr[a.typeAttr]?.type;
    const argAttrs = fd.argAttr[String(i)]?.attr ?? {};
    return {
      name: a.name, op: '_Arg', input: [], device: '',
      attr: { T: { type: type ?? 'DT_INVALID' }, index: { i }, ...(argAttrs['_output_shapes'] ? { _output_shapes: argAttrs['_output_shapes'] } : {}) },
    };
  });
  const ref = (r: string): string => {
    if (r.startsWith('^')) return r;
    const parts = r.split(':');
    if (parts.length === 1) return r;
    if (parts.length === 2) return r;
    const [name, arg, idx] = parts as [string, string, string];
    const inner = body.get(name);
    if (!inner) return fail(`'${r}' refers to an unknown node`);
    const callee = library.get(inner.op);
    const flat = callee?.signature
      ? callee.signature.outputArg.findIndex((o) => o.name === arg) + Number(idx)
      : flatOutputIndex(inner.op, inner.attr, arg, Number(idx), opDefs);
    if (flat === undefined || flat < 0) return fail(`cannot tell which output of '${name}' (${inner.op}) '${arg}:${idx}' is`);
    return `${name}:${flat}`;
  };
  let nodes: NodeDef[] = [...args, ...fd.nodeDef.map((n) => ({ ...n, input: n.input.map(ref) }))];
  let alias = new Map<string, string>();
  if (inline) ({ nodes, alias } = inlineFunctions(nodes, library, opDefs));
  const outputs = sig.outputArg.map((o) => {
    const r = fd.ret[o.name];
    return r === undefined ? fail(`result '${o.name}' has no value`) : ref(r);
  });
  return buildGraph(nodes, { outputs, name: sig.name, prune: false, inputs: sig.inputArg.map((a) => a.name) }, { alias, opDefs });
}

/** The caller's values that a function attribute's graph takes as arguments. */
function callArgs(node: Node, key: string): (Value | undefined)[] | undefined {
  const op = node.op.replace(/^tf\./, '');
  if ((op === 'If' || op === 'StatelessIf') && (key === 'then_branch' || key === 'else_branch')) return node.inputs.slice(1);
  if ((op === 'While' || op === 'StatelessWhile') && (key === 'cond' || key === 'body')) return node.inputs;
  if ((op === 'PartitionedCall' || op === 'StatefulPartitionedCall') && key === 'f') return node.inputs;
  return undefined;
}

function funcRefs(node: Node): { key: string; graph: number }[] {
  const out: { key: string; graph: number }[] = [];
  for (const [key, v] of Object.entries(node.attrs)) {
    if (isFuncAttr(v) && v.graph !== undefined) out.push({ key, graph: v.graph });
  }
  return out;
}

/**
 * Shapes across function boundaries: a function graph's unranked arguments take the shapes every
 * caller passes (when they agree), then callers' unranked outputs take the function's result
 * shapes (If: where both branches agree; While: where the body keeps its loop variables' shapes).
 */
export function propagateFunctionShapes(graphs: Graph[], model: Model): void {
  const args = new Map<number, (Value | undefined)[][]>();
  for (const g of graphs) {
    for (const n of g.nodes) {
      for (const { key, graph } of funcRefs(n)) {
        const a = callArgs(n, key);
        if (a) args.set(graph, [...(args.get(graph) ?? []), a]);
      }
    }
  }
  for (let gi = 1; gi < graphs.length; gi++) {
    const g = graphs[gi]!;
    const lists = args.get(gi) ?? [];
    if (lists.length === 0 || lists.some((l) => l.length !== g.inputs.length)) continue;
    g.inputs.forEach((v, i) => {
      const shapes = lists.map((l) => l[i]?.shape);
      const first = shapes[0];
      if (v.shape === undefined && first !== undefined && shapes.every((s) => s !== undefined && shapesEqual(s, first))) v.shape = [...first];
    });
    runShapeInference(g, model);
  }
  for (let gi = graphs.length - 1; gi >= 0; gi--) {
    const g = graphs[gi]!;
    let changed = false;
    for (const n of g.nodes) {
      const refs = funcRefs(n);
      const op = n.op.replace(/^tf\./, '');
      const byKey = (k: string) => graphs[refs.find((r) => r.key === k)?.graph ?? -1];
      let results: (Shape | undefined)[] | undefined;
      if (op === 'If' || op === 'StatelessIf') {
        const t = byKey('then_branch');
        const e = byKey('else_branch');
        if (t && e && t.outputs.length === e.outputs.length) {
          results = t.outputs.map((o, i) => {
            const s = e.outputs[i]!.shape;
            return o.shape && s && shapesEqual(o.shape, s) ? o.shape : undefined;
          });
        }
      } else if (op === 'While' || op === 'StatelessWhile') {
        const b = byKey('body');
        if (b && b.outputs.length === n.inputs.length) {
          results = b.outputs.map((o, i) => {
            const s = n.inputs[i]?.shape;
            return o.shape && s && shapesEqual(o.shape, s) ? o.shape : undefined;
          });
        }
      } else if (op === 'PartitionedCall' || op === 'StatefulPartitionedCall') {
        results = byKey('f')?.outputs.map((o) => o.shape);
      }
      results?.forEach((s, i) => {
        const o = n.outputs[i];
        if (o && o.shape === undefined && s !== undefined) {
          o.shape = [...s];
          changed = true;
        }
      });
    }
    if (changed) runShapeInference(g, model);
  }
}
