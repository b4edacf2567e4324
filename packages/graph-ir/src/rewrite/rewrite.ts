// The pattern rewriter: rules are `[pattern, fn]` pairs (plus an optional name); `fn` returns the
// values replacing the matched node's outputs, or undefined to decline. Runs to a fixed point.
import { GraphBuilder } from '../builder';
import { IRError } from '../errors';
import type { Graph, Model, Node, Value } from '../ir';
import { replaceAllUses } from '../walk';
import { matchNode, type Captures, type MatchEnv, type Pattern } from './pattern';

/** What a rule's function can use to build its replacement (new nodes go before the matched node). */
export interface RewriteContext {
  graph: Graph;
  model: Model | undefined;
  /** Adds a node (see GraphBuilder.op) just before the matched node; returns its outputs. */
  op: GraphBuilder['op'];
  /** A new constant (see GraphBuilder.constant). */
  constant: GraphBuilder['constant'];
}

export type RewriteFn = (m: Captures, ctx: RewriteContext) => Value | readonly Value[] | undefined;
/** `[pattern, fn]` or `[pattern, fn, name]` (the name shows up in results and errors). */
export type Rule = readonly [Pattern, RewriteFn] | readonly [Pattern, RewriteFn, string];

export interface RewriteOptions {
  /** Most sweeps over the graph before giving up with IRError(REWRITE_LIMIT). Default 100. */
  maxIterations?: number;
  /** The model the graph belongs to: signatures are kept pointing at replaced values. */
  model?: Model;
}

export interface RewriteResult {
  changed: boolean;
  /** Sweeps run (the last one found nothing to do). */
  iterations: number;
  /** Rule name (or `rule<i>`) → times applied. */
  applied: Record<string, number>;
}

/** Applies `rules` to `graph` until none matches any more. Mutates the graph. */
export function rewrite(graph: Graph, rules: readonly Rule[], options: RewriteOptions = {}): RewriteResult {
  const max = options.maxIterations ?? 100;
  const builder = GraphBuilder.on(graph);
  const applied: Record<string, number> = {};
  const ruleName = (r: Rule, i: number) => r[2] ?? `rule${i}`;
  let producers = new Map<Value, Node>();
  let uses = new Map<Value, number>();
  let outputs = new Set<Value>();
  const refresh = () => {
    producers = new Map();
    uses = new Map();
    for (const n of graph.nodes) {
      for (const o of n.outputs) producers.set(o, n);
      for (const v of n.inputs) if (v) uses.set(v, (uses.get(v) ?? 0) + 1);
    }
    outputs = new Set(graph.outputs);
  };
  const env: MatchEnv = {
    producer: (v) => producers.get(v),
    uses: (v) => uses.get(v) ?? 0,
    isGraphOutput: (v) => outputs.has(v),
  };
  let changed = false;
  for (let iter = 1; iter <= max; iter++) {
    let sweepChanged = false;
    const lastFired: string[] = [];
    refresh();
    const removed = new Set<Node>();
    for (const node of [...graph.nodes]) {
      if (removed.has(node)) continue;
      for (let ri = 0; ri < rules.length; ri++) {
        const [pattern, fn] = rules[ri]!;
        const caps = matchNode(pattern, node, env);
        if (!caps) continue;
        const before = graph.nodes.length;
        const ctx: RewriteContext = {
          graph,
          model: options.model,
          op: (...args) => builder.op(...args),
          constant: (...args) => builder.constant(...args),
        };
        const result = fn(caps, ctx);
        const added = graph.nodes.splice(before);
        if (result === undefined) continue;
        const repl = Array.isArray(result) ? (result as readonly Value[]) : [result as Value];
        if (repl.length !== node.outputs.length) {
          throw new IRError('INVALID_GRAPH', `rewrite rule '${ruleName(rules[ri]!, ri)}' replaced node '${node.name}' (${node.outputs.length} outputs) with ${repl.length} values`, { nodes: [node.name] });
        }
        if (repl.every((v, i) => v === node.outputs[i]) && added.length === 0) continue;
        graph.nodes.splice(graph.nodes.indexOf(node), 0, ...added);
        node.outputs.forEach((o, i) => replaceValue(graph, o, repl[i]!, options.model));
        refresh();
        if (node.outputs.every((o) => (uses.get(o) ?? 0) === 0 && !outputs.has(o))) {
          graph.nodes.splice(graph.nodes.indexOf(node), 1);
          removed.add(node);
        }
        const name = ruleName(rules[ri]!, ri);
        applied[name] = (applied[name] ?? 0) + 1;
        lastFired.push(name);
        sweepChanged = changed = true;
        break;
      }
    }
    if (!sweepChanged) return { changed, iterations: iter, applied };
    if (iter === max) {
      throw new IRError(
        'REWRITE_LIMIT',
        `graph '${graph.name}': rewrite did not reach a fixed point in ${max} sweeps; rules still firing: ${[...new Set(lastFired)].join(', ')} (two rules undoing each other?)`,
      );
    }
  }
  return { changed, iterations: max, applied };
}

/** replaceAllUses, also for the signatures of `model` that name `from`. */
export function replaceValue(graph: Graph, from: Value, to: Value, model?: Model): void {
  replaceAllUses(graph, from, to);
  if (!model) return;
  const gi = model.graphs.indexOf(graph);
  for (const s of model.signatures) {
    if (s.graphIndex !== gi) continue;
    for (const e of [...s.inputs, ...s.outputs]) if (e.value === from) e.value = to;
  }
}
