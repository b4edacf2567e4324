// The TFLite target: which nodes a .tflite can hold, and why the others cannot. Every illegal node
// of the model is reported at once (one ConversionError UNSUPPORTED_OPS listing all of them).
import { getOpSchema, type DType, type Model, type Node } from '@liteml/graph-ir';
import { ConversionError } from './errors';

export interface IllegalNode {
  op: string;
  node: string;
  graph: string;
  reason: string;
}

/** Dtypes no TFLite builtin kernel computes with (CAST excepted). */
const UNSUPPORTED_DTYPES = new Set<DType>(['f64', 'complex128', 'u64']);
/** Ops whose kernels compute in float32 only (this converter does not quantize; see @liteml/quantize). */
const FLOAT_ONLY = new Set([
  'tfl.CONV_2D', 'tfl.DEPTHWISE_CONV_2D', 'tfl.TRANSPOSE_CONV', 'tfl.FULLY_CONNECTED', 'tfl.AVERAGE_POOL_2D',
  'tfl.MAX_POOL_2D', 'tfl.SOFTMAX', 'tfl.LOG_SOFTMAX', 'tfl.LOGISTIC', 'tfl.TANH', 'tfl.ELU', 'tfl.RSQRT',
  'tfl.LOCAL_RESPONSE_NORMALIZATION', 'tfl.RESIZE_BILINEAR', 'tfl.EXP', 'tfl.LOG', 'tfl.SQRT', 'tfl.SIN', 'tfl.COS',
]);

/** Ops whose TFLite kernels handle string tensors. */
const STRING_OK = new Set([
  'tfl.GATHER', 'tfl.GATHER_ND', 'tfl.SLICE', 'tfl.STRIDED_SLICE', 'tfl.TILE', 'tfl.SQUEEZE', 'tfl.RESHAPE', 'tfl.EXPAND_DIMS',
  'tfl.FILL', 'tfl.EQUAL', 'tfl.NOT_EQUAL', 'tfl.CONCATENATION', 'tfl.PACK', 'tfl.SHAPE', 'tfl.RANK', 'tfl.WHILE', 'tfl.IF',
  'tfl.HASHTABLE_FIND', 'tfl.HASHTABLE_IMPORT', 'tfl.SELECT', 'tfl.SELECT_V2', 'tfl.TRANSPOSE',
]);
/** Largest input rank TFLite's kernels accept, where it is below the general limit. */
const MAX_RANK: Record<string, number> = {
  'tfl.STRIDED_SLICE': 5, 'tfl.SLICE': 5, 'tfl.TRANSPOSE': 6, 'tfl.PAD': 5, 'tfl.PADV2': 5, 'tfl.MIRROR_PAD': 5,
  'tfl.SELECT': 5, 'tfl.BATCH_MATMUL': 5,
};

/** Why a node is not legal for TFLite, or undefined when it is. */
export function whyIllegal(node: Node, legalizeReason?: string): string | undefined {
  if (node.op.startsWith('tf.')) return legalizeReason ?? `no TFLite equivalent for ${node.op.slice(3)}`;
  if (!node.op.startsWith('tfl.')) return `op ${node.op} is not in the tfl dialect`;
  if (node.op === 'tfl.CUSTOM') return undefined;
  if (!getOpSchema(node.op)) return `${node.op} is not a TFLite builtin`;
  const values = [...node.inputs, ...node.outputs].filter((v) => v !== undefined);
  if (node.op !== 'tfl.CAST') {
    const bad = values.find((v) => UNSUPPORTED_DTYPES.has(v.dtype));
    if (bad) return `${bad.dtype} tensor '${bad.name}' is not supported by TFLite's ${node.op.slice(4)} kernel; cast the model to float32/int32`;
  }
  if (!STRING_OK.has(node.op)) {
    const str = values.find((v) => v.dtype === 'string');
    if (str) return `string tensor '${str.name}' is not supported by TFLite's ${node.op.slice(4)} kernel`;
  }
  const maxRank = MAX_RANK[node.op];
  const rank = node.inputs[0]?.shape?.length;
  if (maxRank !== undefined && rank !== undefined && rank > maxRank) {
    return `${node.op.slice(4)} supports inputs up to rank ${maxRank}, '${node.inputs[0]!.name}' has rank ${rank}`;
  }
  if (FLOAT_ONLY.has(node.op)) {
    const x = node.inputs[node.op === 'tfl.TRANSPOSE_CONV' ? 2 : 0];
    if (x && x.dtype !== 'f32') return `${node.op.slice(4)} on ${x.dtype} inputs needs quantization parameters (float32 only here)`;
  }
  return undefined;
}

/** Every illegal node of the model (all graphs). */
export function findIllegalNodes(model: Model, reasons: ReadonlyMap<Node, string> = new Map()): IllegalNode[] {
  const out: IllegalNode[] = [];
  for (const g of model.graphs) {
    for (const n of g.nodes) {
      const reason = whyIllegal(n, reasons.get(n));
      if (reason) out.push({ op: n.op.replace(/^tfl?\./, ''), node: n.name, graph: g.name, reason });
    }
  }
  return out;
}

/**
 * Turns tf.* nodes into custom ops (`tfl.CUSTOM`, customCode = the TF op name, like TFLite's
 * `allow_custom_ops`); the runtime that loads the model must provide them. Returns their op names.
 */
export function emitCustomOps(model: Model): string[] {
  const ops = new Set<string>();
  for (const g of model.graphs) {
    for (const n of g.nodes) {
      if (!n.op.startsWith('tf.')) continue;
      const op = n.op.slice(3);
      ops.add(op);
      n.op = 'tfl.CUSTOM';
      n.attrs = { customCode: op, customOptions: new Uint8Array(0) };
    }
  }
  return [...ops].sort();
}

/** Throws one ConversionError(UNSUPPORTED_OPS) listing every illegal node, grouped by op. */
export function checkTarget(model: Model, reasons: ReadonlyMap<Node, string> = new Map()): void {
  const illegal = findIllegalNodes(model, reasons);
  if (illegal.length === 0) return;
  const byOp = new Map<string, IllegalNode[]>();
  for (const i of illegal) byOp.set(i.op, [...(byOp.get(i.op) ?? []), i]);
  const lines = [...byOp].map(([op, list]) => {
    const names = list.slice(0, 5).map((i) => `'${i.node}'`).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
    const reasons = [...new Set(list.map((i) => i.reason))].join('; ');
    return `  ${op} (${list.length}: ${names}): ${reasons}`;
  });
  const hint = byOp.size > 0 && illegal.some((i) => !/dtype|tensor|float32|quantiz/.test(i.reason))
    ? 'Hint: --allow-custom-ops (options.allowCustomOps) emits TF ops without a TFLite builtin as custom ops, Flex-style, for a runtime that provides them.'
    : 'Hint: these nodes use types TFLite kernels do not support; change the model (e.g. cast to float32).';
  throw new ConversionError(
    'UNSUPPORTED_OPS',
    `${illegal.length} node${illegal.length === 1 ? '' : 's'} cannot be converted to TFLite:\n${lines.join('\n')}\n${hint}`,
    illegal.map((i) => i.node),
  );
}
