// IR → .tflite (through @liteml/schema's writeTflite).
import { writeTflite, type TfliteModel } from '@liteml/schema';
import { dtypeToTflite } from '../dtype';
import { IRError } from '../errors';
import { Value, type Graph, type Model, type Node } from '../ir';
import { formatShape } from '../shape';
import { graphValues } from '../walk';
import { NON_OPTION_ATTRS, optionsTableFor } from './options';
import { builtinCode, newTable, optionsUnionOf, plainToTable } from './reflect';

type Obj = Record<string, unknown>;

/** Serializes a model to .tflite bytes. Throws IRError for what TFLite cannot hold. */
export function exportTflite(model: Model): Uint8Array {
  return writeTflite(toTfliteModel(model));
}

/** The model as the plain object graph `writeTflite` takes (buffers deduplicated by identity). */
export function toTfliteModel(model: Model): TfliteModel {
  const buffers: Uint8Array[] = [new Uint8Array(0)];
  const bufferIndex = new Map<Uint8Array, number>();
  const bufferOf = (data: Uint8Array): number => {
    let i = bufferIndex.get(data);
    if (i === undefined) {
      i = buffers.length;
      buffers.push(data);
      bufferIndex.set(data, i);
    }
    return i;
  };
  const opcodes: Obj[] = [];
  const opcodeIndex = new Map<string, number>();
  const opcodeOf = (node: Node): number => {
    const builtin = node.op.startsWith('tfl.') ? node.op.slice(4) : undefined;
    const code = builtin === undefined ? undefined : builtinCode(builtin);
    if (code === undefined) {
      throw new IRError('UNKNOWN_OP', `node '${node.name}': '${node.op}' is not a TFLite builtin operator (legalize it to tfl.* first)`, { nodes: [node.name] });
    }
    const custom = code === builtinCode('CUSTOM') ? String(node.attrs.customCode ?? '') : null;
    const version = node.version ?? 1;
    const key = `${code}|${version}|${custom ?? ''}`;
    let i = opcodeIndex.get(key);
    if (i === undefined) {
      i = opcodes.length;
      const oc = newTable('OperatorCode');
      oc.builtinCode = code;
      oc.deprecatedBuiltinCode = Math.min(code, 127);
      oc.customCode = custom;
      oc.version = version;
      opcodes.push(oc);
      opcodeIndex.set(key, i);
    }
    return i;
  };

  const tensorMaps: Map<Value, number>[] = [];
  const subgraphs = model.graphs.map((g, gi) => {
    const extra = model.signatures.filter((s) => s.graphIndex === gi).flatMap((s) => [...s.inputs, ...s.outputs].map((e) => e.value));
    const reached = [...graphValues(g), ...extra];
    const values = [...new Set([...reached, ...reached.flatMap(blockwiseValues)])].sort((a, b) => a.id - b.id);
    const index = new Map(values.map((v, i) => [v, i]));
    tensorMaps.push(index);
    return exportGraph(g, values, index, bufferOf, opcodeOf);
  });

  const signatureDefs = model.signatures.map((s) => {
    const sd = newTable('SignatureDef');
    const index = tensorMaps[s.graphIndex];
    if (!index) throw new IRError('BAD_SUBGRAPH_REF', `signature '${s.key}' refers to graph ${s.graphIndex}, the model has ${model.graphs.length}`);
    const map = (list: { name: string; value: Value }[]) =>
      list.map(({ name, value }) => {
        const tm = newTable('TensorMap');
        tm.name = name;
        tm.tensorIndex = index.get(value)!;
        return tm;
      });
    sd.inputs = map(s.inputs);
    sd.outputs = map(s.outputs);
    sd.signatureKey = s.key;
    sd.subgraphIndex = s.graphIndex;
    return sd;
  });

  const metadata = model.metadata.map((m) => {
    const md = newTable('Metadata');
    md.name = m.name;
    md.buffer = bufferOf(m.data);
    return md;
  });
  const metadataBuffer = (model.metadataBuffers ?? []).map(bufferOf);

  const out = newTable('Model');
  Object.assign(out, {
    version: model.version ?? 3,
    operatorCodes: opcodes,
    subgraphs,
    description: model.description ?? null,
    buffers: buffers.map((data) => ({ data, offset: 0n, size: 0n })),
    metadataBuffer,
    metadata,
    signatureDefs,
  });
  return out as unknown as TfliteModel;
}

function exportGraph(
  g: Graph,
  values: Value[],
  index: Map<Value, number>,
  bufferOf: (d: Uint8Array) => number,
  opcodeOf: (n: Node) => number,
): Obj {
  const sg = newTable('SubGraph');
  sg.tensors = values.map((v) => exportTensor(v, bufferOf, index));
  sg.inputs = g.inputs.map((v) => index.get(v)!);
  sg.outputs = g.outputs.map((v) => index.get(v)!);
  sg.operators = g.nodes.map((n) => exportNode(n, index, opcodeOf));
  sg.name = g.name;
  return sg;
}

/** The tensors a value's blockwise quantization refers to (import attaches them, see import.ts). */
function blockwiseValues(v: Value): Value[] {
  const d = v.quant?.details as { type?: string; value?: { scalesValue?: Value; zeroPointsValue?: Value } } | undefined;
  if (d?.type !== 'BlockwiseQuantization' || !d.value) return [];
  return [d.value.scalesValue, d.value.zeroPointsValue].filter((x): x is Value => x instanceof Value);
}

/** The details to write: blockwise tensor indices point where this export puts those tensors. */
function detailsFor(v: Value, index: Map<Value, number>): unknown {
  const d = v.quant!.details as { type?: string; value?: Record<string, unknown> & { scalesValue?: Value; zeroPointsValue?: Value } };
  if (d?.type !== 'BlockwiseQuantization' || !d.value) return d;
  const value = { ...d.value };
  if (d.value.scalesValue && index.has(d.value.scalesValue)) value.scales = index.get(d.value.scalesValue)!;
  if (d.value.zeroPointsValue && index.has(d.value.zeroPointsValue)) value.zeroPoints = index.get(d.value.zeroPointsValue)!;
  return { ...d, value };
}

function exportTensor(v: Value, bufferOf: (d: Uint8Array) => number, index: Map<Value, number>): Obj {
  const t = newTable('Tensor');
  if (v.shape === undefined) {
    t.shape = [];
    t.hasRank = false;
  } else {
    if (v.shape.some((d) => typeof d === 'number' && (!Number.isInteger(d) || d < -1))) {
      throw new IRError('INVALID_GRAPH', `tensor '${v.name}' has an invalid shape ${formatShape(v.shape)}`, { values: [v.name] });
    }
    // TFLite stores a concrete shape; dynamic and symbolic dims go to shape_signature as -1.
    t.shape = v.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : 1));
    t.hasRank = true;
  }
  const symbolic = v.shape?.some((d) => typeof d !== 'number' || d < 0);
  if (v.shapeSignature) t.shapeSignature = v.shapeSignature.map((d) => (typeof d === 'number' ? d : -1));
  else if (symbolic) t.shapeSignature = v.shape!.map((d) => (typeof d === 'number' ? d : -1));
  t.type = dtypeToTflite(v.dtype);
  t.buffer = v.data ? bufferOf(v.data) : 0;
  t.name = v.name;
  if (v.quant) {
    const q = newTable('QuantizationParameters');
    q.scale = [...v.quant.scale];
    q.zeroPoint = v.quant.zeroPoint.map((z) => BigInt(z));
    q.min = [...(v.quant.min ?? [])];
    q.max = [...(v.quant.max ?? [])];
    q.quantizedDimension = v.quant.axis ?? 0;
    if (v.quant.details != null) {
      const withDetails = plainToTable('QuantizationParameters', { details: detailsFor(v, index) }, `tensor '${v.name}'`);
      q.detailsType = withDetails.detailsType;
      q.details = withDetails.details;
    }
    t.quantization = q;
  }
  t.isVariable = v.isVariable === true;
  if (v.sparsity != null) t.sparsity = plainToTable('SparsityParameters', v.sparsity as Obj, `tensor '${v.name}'`);
  return t;
}

function exportNode(n: Node, index: Map<Value, number>, opcodeOf: (n: Node) => number): Obj {
  const op = newTable('Operator');
  op.opcodeIndex = opcodeOf(n);
  op.inputs = n.inputs.map((v) => (v ? index.get(v)! : -1));
  op.outputs = n.outputs.map((v) => index.get(v)!);
  op.intermediates = (n.intermediates ?? []).map((v) => index.get(v)!);
  const table = optionsTableFor(n.op, n.attrs);
  if (table) {
    const where = `node '${n.name}' (${n.op})`;
    const plain: Obj = {};
    for (const [k, v] of Object.entries(n.attrs)) if (!NON_OPTION_ATTRS.has(k)) plain[k] = v;
    const union = optionsUnionOf(table)!;
    const obj = plainToTable(table, plain, where);
    if (union.union === 'BuiltinOptions') {
      op.builtinOptionsType = union.tag;
      op.builtinOptions = obj;
    } else {
      op.builtinOptions2Type = union.tag;
      op.builtinOptions2 = obj;
    }
  }
  const custom = n.attrs.customOptions;
  if (custom instanceof Uint8Array) op.customOptions = custom;
  const mutating = n.attrs.mutatingVariableInputs;
  if (Array.isArray(mutating)) op.mutatingVariableInputs = mutating.map(Boolean);
  return op;
}
