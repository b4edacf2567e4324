// .tflite → IR. Lossless for everything the IR models (see README): constants stay zero-copy views.
import { readTflite, type TfliteModel } from '@liteml/schema';
import { dtypeFromTflite } from '../dtype';
import { IRError } from '../errors';
import { Graph, Model, Node, Value, type AttrValue, type QuantParams, type Signature } from '../ir';
import { verify } from '../verify';
import { optionsTableFor } from './options';
import { builtinName, optionsTableOf, tableToPlain } from './reflect';

type TfliteSubGraph = TfliteModel['subgraphs'][number];
type TfliteTensor = TfliteSubGraph['tensors'][number];
type TfliteOperator = TfliteSubGraph['operators'][number];

export interface ImportOptions {
  /** Run `verify` (structure only, no shape inference) on the result; default true. */
  verify?: boolean;
}

/**
 * Reads a .tflite model (bytes, or what `readTflite` returned) into IR. Constants are zero-copy
 * views into `bytes`; keep the bytes alive and unmodified while the model is used. Throws
 * IRError (BAD_TENSOR_INDEX, BAD_BUFFER_INDEX, BAD_OPCODE, NOT_TOPOLOGICAL, DANGLING_VALUE …)
 * for structurally invalid models; ModelFormatError from @liteml/schema for unreadable bytes.
 */
export function importTflite(input: Uint8Array | TfliteModel, options: ImportOptions = {}): Model {
  const fb = input instanceof Uint8Array ? readTflite(input) : input;
  const subgraphs = fb.subgraphs ?? [];
  const metadata = (fb.metadata ?? []).map((m, i) => ({ name: str(m.name), data: bufferData(fb, m.buffer, `metadata ${i} '${str(m.name)}'`) }));
  const writesHasRank = subgraphs.some((sg) => (sg.tensors ?? []).some((t) => t.hasRank));
  const perGraph = subgraphs.map((sg, gi) => importGraph(fb, sg, gi, writesHasRank));
  const signatures: Signature[] = (fb.signatureDefs ?? []).map((s) => {
    const gi = s.subgraphIndex;
    const g = perGraph[gi];
    const key = str(s.signatureKey);
    if (!g) throw new IRError('BAD_SUBGRAPH_REF', `signature '${key}' refers to subgraph ${gi}, the model has ${subgraphs.length}`);
    const map = (list: { name: string | Uint8Array | null; tensorIndex: number }[]) =>
      list.map((t) => ({ name: str(t.name), value: g.valueAt(t.tensorIndex, `signature '${key}' entry '${str(t.name)}'`) }));
    return { key, graphIndex: gi, inputs: map(s.inputs ?? []), outputs: map(s.outputs ?? []) };
  });
  const graphs = perGraph.map((g) => g.finish());
  const model = new Model({
    graphs,
    signatures,
    metadata,
    description: fb.description == null ? undefined : str(fb.description),
    version: fb.version,
    metadataBuffers: (fb.metadataBuffer ?? []).map((b) => bufferData(fb, b, 'metadata_buffer')),
  });
  if (options.verify !== false) verify(model, { inference: false });
  return model;
}

function bufferData(fb: TfliteModel, index: number, where: string): Uint8Array {
  const b = fb.buffers[index];
  if (!b) throw new IRError('BAD_BUFFER_INDEX', `${where} refers to buffer ${index}, the model has ${fb.buffers.length}`);
  return b.data;
}

function importGraph(fb: TfliteModel, sg: TfliteSubGraph, gi: number, writesHasRank: boolean) {
  const tensors = sg.tensors ?? [];
  const gname = str(sg.name);
  const where = `subgraph ${gi}${gname ? ` '${gname}'` : ''}`;
  const nameOf = (i: number) => (tensors[i] ? str(tensors[i]!.name) : `#${i}`);
  const values = new Map<number, Value>();
  const check = (i: number, what: string, nodes: string[] = []) => {
    if (!Number.isInteger(i) || i < 0 || i >= tensors.length) {
      throw new IRError('BAD_TENSOR_INDEX', `${where}: ${what} refers to tensor ${i}, the subgraph has ${tensors.length}`, { nodes });
    }
  };
  // Ids are the tensor indices of the referenced tensors, compacted, in index order.
  const used = new Set<number>();
  const mark = (i: number, what: string, nodes: string[] = []) => {
    check(i, what, nodes);
    used.add(i);
  };
  (sg.inputs ?? []).forEach((i) => mark(i, 'an input'));
  (sg.outputs ?? []).forEach((i) => mark(i, 'an output'));
  const opName = (op: TfliteOperator, k: number) => (op.outputs?.[0] !== undefined && tensors[op.outputs[0]] ? nameOf(op.outputs[0]) : `op${k}`);
  (sg.operators ?? []).forEach((op, k) => {
    const n = opName(op, k);
    for (const i of op.inputs ?? []) if (i !== -1) mark(i, `input of operator ${k} '${n}'`, [n]);
    for (const i of op.outputs ?? []) mark(i, `output of operator ${k} '${n}'`, [n]);
    for (const i of op.intermediates ?? []) mark(i, `intermediate of operator ${k} '${n}'`, [n]);
  });
  // Tensors written by an operator or fed from outside: never constants, even with a buffer.
  const defined = new Set<number>([...(sg.inputs ?? []), ...(sg.operators ?? []).flatMap((op) => Array.from(op.outputs ?? []))]);
  const inputSet = new Set<number>(sg.inputs ?? []);
  const extra = new Set<number>();
  const ids = new Map<number, number>();
  const assignIds = () => {
    ids.clear();
    [...used, ...extra].sort((a, b) => a - b).forEach((t, id) => ids.set(t, id));
  };
  assignIds();

  const valueAt = (i: number, what: string): Value => {
    check(i, what);
    let v = values.get(i);
    if (!v) {
      if (!ids.has(i)) {
        extra.add(i);
        assignIds();
        for (const [t, val] of values) val.id = ids.get(t)!;
      }
      v = importTensor(fb, tensors[i]!, i, ids.get(i)!, where, defined.has(i), inputSet.has(i), writesHasRank);
      values.set(i, v);
    }
    return v;
  };

  const nodes = (sg.operators ?? []).map((op, k) => importOperator(fb, op, k, where, valueAt, opName(op, k)));
  const graph = new Graph(gname, (sg.inputs ?? []).map((i) => valueAt(i, 'an input')), (sg.outputs ?? []).map((i) => valueAt(i, 'an output')), nodes);
  // Blockwise quantization names its scales (and zero points) by tensor index; tensors no operator
  // reads are imported for it last (after signatures), with ids after every other value's.
  const finish = () => {
    let nextId = Math.max(-1, ...[...values.values()].map((v) => v.id)) + 1;
    const sideValue = (i: number): Value | undefined => {
      if (!Number.isInteger(i) || i < 0 || i >= tensors.length) return undefined;
      let v = values.get(i);
      if (!v) {
        v = importTensor(fb, tensors[i]!, i, nextId++, where, defined.has(i), inputSet.has(i), writesHasRank);
        values.set(i, v);
      }
      return v;
    };
    for (const v of [...values.values()]) attachBlockwiseValues(v, sideValue);
    return graph;
  };
  return { valueAt, finish };
}

function importTensor(
  fb: TfliteModel,
  t: TfliteTensor,
  index: number,
  id: number,
  where: string,
  defined: boolean,
  isInput: boolean,
  writesHasRank: boolean,
): Value {
  const name = str(t.name);
  const b = t.buffer ?? 0;
  if (b !== 0 && !fb.buffers[b]) {
    throw new IRError('BAD_BUFFER_INDEX', `${where}: tensor ${index} '${name}' refers to buffer ${b}, the model has ${fb.buffers.length}`, { values: [name] });
  }
  // A non-empty buffer makes a constant; so does an empty one for a zero-element tensor that
  // nothing writes (TFLite's zero-size constants).
  const bytes = b !== 0 ? fb.buffers[b]!.data : undefined;
  const zeroSize = !defined && (t.shape ?? []).some((d) => d === 0);
  const data = bytes && (bytes.byteLength > 0 || zeroSize) ? bytes : undefined;
  const sig = t.shapeSignature ?? [];
  // `shape: []` without has_rank: in files whose converter writes has_rank (MLIR) an unranked
  // tensor; in older files a scalar, except op outputs, whose shape TFLite computes at run time.
  const unranked = !data && !t.hasRank && (t.shape ?? []).length === 0 && sig.length === 0 && (writesHasRank || (defined && !isInput));
  return new Value({
    id,
    name,
    dtype: dtypeFromTflite(t.type, name),
    shape: unranked ? undefined : Array.from(t.shape ?? []),
    shapeSignature: sig.length > 0 ? Array.from(sig) : undefined,
    quant: importQuant(t.quantization),
    data,
    isVariable: t.isVariable,
    sparsity: t.sparsity ? tableToPlain('SparsityParameters', t.sparsity) : undefined,
  });
}

function importQuant(q: TfliteTensor['quantization']): QuantParams | undefined {
  if (!q) return undefined;
  const scale = Array.from(q.scale ?? [], Number);
  const zeroPoint = Array.from(q.zeroPoint ?? [], Number);
  const min = Array.from(q.min ?? [], Number);
  const max = Array.from(q.max ?? [], Number);
  const hasDetails = q.detailsType !== 0 && q.details != null;
  if (!scale.length && !zeroPoint.length && !min.length && !max.length && !hasDetails && !q.quantizedDimension) return undefined;
  const out: QuantParams = { scale, zeroPoint };
  if (scale.length > 1 || q.quantizedDimension) out.axis = q.quantizedDimension;
  if (min.length) out.min = min;
  if (max.length) out.max = max;
  if (hasDetails) {
    out.details = tableToPlain('QuantizationParameters', q).details;
  }
  return out;
}

/**
 * For `BlockwiseQuantization` details, resolves the `scales`/`zeroPoints` tensor indices into the
 * Values `scalesValue`/`zeroPointsValue` on `details.value`. They are non-enumerable: the details
 * stay the plain table of the file (printing and parsing see indices only), while kernels reach
 * the tensors and exportTflite rewrites the indices to wherever it puts them.
 */
function attachBlockwiseValues(v: Value, valueOf: (index: number) => Value | undefined): void {
  const d = v.quant?.details as { type?: string; value?: Record<string, unknown> } | undefined;
  if (d?.type !== 'BlockwiseQuantization' || !d.value) return;
  for (const [key, field] of [['scales', 'scalesValue'], ['zeroPoints', 'zeroPointsValue']] as const) {
    const index = d.value[key];
    const target = typeof index === 'number' && index >= 0 ? valueOf(index) : undefined;
    if (target) Object.defineProperty(d.value, field, { value: target, enumerable: false, configurable: true, writable: true });
  }
}

function importOperator(
  fb: TfliteModel,
  op: TfliteOperator,
  k: number,
  where: string,
  valueAt: (i: number, what: string) => Value,
  name: string,
): Node {
  const code = fb.operatorCodes[op.opcodeIndex];
  if (!code) {
    throw new IRError('BAD_OPCODE', `${where}: operator ${k} '${name}' uses opcode ${op.opcodeIndex}, the model has ${fb.operatorCodes.length}`, { nodes: [name] });
  }
  const builtin = builtinName(Math.max(code.builtinCode, code.deprecatedBuiltinCode));
  const opName = `tfl.${builtin}`;
  const attrs: Record<string, AttrValue> = {};
  if (builtin === 'CUSTOM') attrs.customCode = str(code.customCode);
  const t1 = optionsTableOf('BuiltinOptions', op.builtinOptionsType);
  const t2 = optionsTableOf('BuiltinOptions2', op.builtinOptions2Type);
  if (t1) Object.assign(attrs, tableToPlain(t1, op.builtinOptions));
  if (t2) Object.assign(attrs, tableToPlain(t2, op.builtinOptions2));
  if (!t1 && !t2) {
    const expected = optionsTableFor(opName);
    if (expected) Object.assign(attrs, tableToPlain(expected, null));
  }
  const custom = op.customOptions;
  if (builtin === 'CUSTOM' || (custom && custom.length > 0)) attrs.customOptions = custom ?? new Uint8Array(0);
  const node = new Node({
    op: opName,
    name,
    inputs: (op.inputs ?? []).map((i, j) => (i === -1 ? undefined : valueAt(i, `input ${j} of operator ${k} '${name}'`))),
    outputs: (op.outputs ?? []).map((i, j) => valueAt(i, `output ${j} of operator ${k} '${name}'`)),
    attrs,
    version: code.version,
    intermediates: (op.intermediates ?? []).map((i, j) => valueAt(i, `intermediate ${j} of operator ${k} '${name}'`)),
  });
  const mutating = op.mutatingVariableInputs ?? [];
  if (mutating.length > 0) node.attrs.mutatingVariableInputs = Array.from(mutating, Boolean);
  return node;
}

const utf8 = new TextDecoder();
/** flatc's object API types strings as `string | Uint8Array`; IR names are always strings. */
function str(s: string | Uint8Array | null | undefined): string {
  return typeof s === 'string' ? s : s ? utf8.decode(s) : '';
}
