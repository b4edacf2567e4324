// model-stats: per-op multiply-accumulates (MACs) and parameter counts of a .tflite model.
// Built only on the public API of @liteml/graph-ir, as a starting point for your own tools.
//
//   npx tsx examples/model-stats.ts model.tflite [--nodes]
//   node --experimental-strip-types examples/model-stats.ts model.tflite      (Node >= 22.6)
import { importTflite, shapeSize, type Model, type Node, type Shape, type Value } from '@liteml/graph-ir';

export interface OpStats {
  op: string;
  count: number;
  macs: number;
  params: number;
}

export interface NodeStats {
  graph: string;
  node: string;
  op: string;
  macs: number;
  params: number;
}

export interface ModelStats {
  ops: OpStats[]; // sorted by MACs, then params
  nodes: NodeStats[];
  totalMacs: number;
  totalParams: number;
}

/** Dims as numbers; unknown or symbolic dims count as 1 (a batch of one). */
const dims = (s: Shape | undefined): number[] => (s ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));
const size = (v: Value | undefined): number => (v?.shape ? shapeSize(dims(v.shape)) : 0);
const dim = (v: Value | undefined, i: number): number => {
  const d = dims(v?.shape);
  return d[i < 0 ? d.length + i : i] ?? 1;
};

/** Multiply-accumulates of one node (0 for ops that do no MACs, like activations or reshapes). */
export function nodeMacs(n: Node): number {
  const [x, w] = n.inputs;
  const out = n.outputs[0];
  switch (n.op) {
    case 'tfl.CONV_2D': // filter [OC, KH, KW, IC]
      return size(out) * dim(w, 1) * dim(w, 2) * dim(w, 3);
    case 'tfl.DEPTHWISE_CONV_2D': // filter [1, KH, KW, OC]
      return size(out) * dim(w, 1) * dim(w, 2);
    case 'tfl.CONV_3D': // filter [KD, KH, KW, IC, OC]
      return size(out) * dim(w, 0) * dim(w, 1) * dim(w, 2) * dim(w, 3);
    case 'tfl.TRANSPOSE_CONV': // inputs: output_shape, filter [OC, KH, KW, IC], input
      return size(n.inputs[2]) * dim(n.inputs[1], 0) * dim(n.inputs[1], 1) * dim(n.inputs[1], 2);
    case 'tfl.FULLY_CONNECTED': // weights [units, depth]
      return size(out) * dim(w, 1);
    case 'tfl.BATCH_MATMUL': // contraction dim of x: last, or second-to-last with adjX
      return size(out) * dim(x, n.attrs.adjX === true ? -2 : -1);
    case 'tfl.UNIDIRECTIONAL_SEQUENCE_LSTM':
    case 'tfl.LSTM': {
      // four gates, each [units, input] x input + [units, units] x state, per step and batch entry
      const units = dim(n.inputs[4] ?? n.inputs[2], 0); // input-to-forget (or -to-input) weights
      const steps = size(x) / Math.max(1, dim(x, -1));
      return steps * 4 * units * (dim(x, -1) + units);
    }
    default:
      return 0;
  }
}

/** MACs and parameters (elements of constant inputs, each constant counted once) per op type and node. */
export function modelStats(model: Model): ModelStats {
  const byOp = new Map<string, OpStats>();
  const nodes: NodeStats[] = [];
  const counted = new Set<Uint8Array>();
  model.graphs.forEach((g, gi) => {
    for (const n of g.nodes) {
      let params = 0;
      for (const v of n.inputs) {
        if (!v?.data || counted.has(v.data)) continue;
        counted.add(v.data);
        params += Math.max(0, size(v));
      }
      const op = n.op === 'tfl.CUSTOM' ? `tfl.CUSTOM:${String(n.attrs.customCode)}` : n.op;
      const macs = nodeMacs(n);
      nodes.push({ graph: g.name || String(gi), node: n.name, op, macs, params });
      const s = byOp.get(op) ?? { op, count: 0, macs: 0, params: 0 };
      s.count++;
      s.macs += macs;
      s.params += params;
      byOp.set(op, s);
    }
  });
  const ops = [...byOp.values()].sort((a, b) => b.macs - a.macs || b.params - a.params || a.op.localeCompare(b.op));
  return {
    ops,
    nodes,
    totalMacs: ops.reduce((t, s) => t + s.macs, 0),
    totalParams: ops.reduce((t, s) => t + s.params, 0),
  };
}

const human = (n: number) =>
  n >= 1e9 ? `${(n / 1e9).toFixed(2)}G` : n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);

/** The report as text: one row per op type (or per node), then totals. */
export function formatStats(stats: ModelStats, perNode = false): string {
  const rows = perNode
    ? stats.nodes.map((s) => [s.node, s.op, '', human(s.macs), human(s.params)])
    : stats.ops.map((s) => [s.op, '', String(s.count), human(s.macs), human(s.params)]);
  const head = perNode ? ['node', 'op', '', 'MACs', 'params'] : ['op', '', 'count', 'MACs', 'params'];
  const all = [head, ...rows, ['total', '', perNode ? '' : String(stats.nodes.length), human(stats.totalMacs), human(stats.totalParams)]];
  const cols = head.map((_, c) => (head[c] === '' ? -1 : Math.max(...all.map((r) => r[c]!.length))));
  return all.map((r) => r.map((cell, c) => (cols[c]! < 0 ? '' : c === 0 || (perNode && c === 1) ? cell.padEnd(cols[c]!) : cell.padStart(cols[c]!))).filter((_, c) => cols[c]! >= 0).join('  ')).join('\n');
}

async function main(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: model-stats <model.tflite> [--nodes]');
    process.exitCode = 2;
    return;
  }
  const { readFileSync } = await import('node:fs');
  const model = importTflite(new Uint8Array(readFileSync(file)));
  console.log(formatStats(modelStats(model), args.includes('--nodes')));
}

if (typeof process !== 'undefined' && process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main(process.argv.slice(2));
}
