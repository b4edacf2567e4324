// Small graph-editing helpers shared by the modes.
import { type DType, type Graph, Model, Node, type QuantParams, Value, bytesOf, exportTflite, importTflite, nextValueId, typedArrayOf, type TypedArray } from '@liteml/graph-ir';
import { QuantizationError } from '../errors';

/** Canonical bytes of a model (a .tflite buffer is used as is). */
export function modelBytes(model: Model | Uint8Array): Uint8Array {
  return model instanceof Uint8Array ? model : exportTflite(model);
}

/** A private copy to edit (values are zero-copy views into `bytes`, never written to). */
export function loadCopy(bytes: Uint8Array): Model {
  try {
    return importTflite(bytes);
  } catch (e) {
    throw new QuantizationError('BAD_MODEL', `cannot read the model: ${e instanceof Error ? e.message : String(e)}`, [], { cause: e });
  }
}

/** Allocates value ids for a graph. */
export class ValueFactory {
  private next: number;
  constructor(readonly graph: Graph) {
    this.next = nextValueId(graph);
  }
  make(name: string, dtype: DType, shape: Value['shape'], extra: { quant?: QuantParams; data?: Uint8Array; shapeSignature?: Value['shape'] } = {}): Value {
    const v = new Value({ id: this.next++, name, dtype, shape, quant: extra.quant, data: extra.data, shapeSignature: extra.shapeSignature });
    return v;
  }
  constant(name: string, dtype: DType, shape: Value['shape'], data: TypedArray, quant?: QuantParams): Value {
    return this.make(name, dtype, shape, { data: bytesOf(data), quant });
  }
}

export function convertNode(op: 'tfl.QUANTIZE' | 'tfl.DEQUANTIZE', input: Value, output: Value): Node {
  return new Node({ op, name: output.name, inputs: [input], outputs: [output], attrs: {} });
}

/** Float32 contents of a constant. */
export function floatData(v: Value): Float32Array {
  const a = typedArrayOf(v);
  if (a instanceof Float32Array) return a;
  throw new QuantizationError('BAD_MODEL', `constant '${v.name}' is ${v.dtype}, expected f32`, [v.name]);
}

export function staticShape(v: Value): number[] {
  return (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));
}

export function elementCount(v: Value): number {
  return staticShape(v).reduce((a, b) => a * b, 1);
}

/** Every model whose value ids match (imported from the same bytes) share this mapping. */
export function valuesById(graph: Graph): Map<number, Value> {
  const m = new Map<number, Value>();
  const add = (v: Value | undefined) => { if (v) m.set(v.id, v); };
  graph.inputs.forEach(add);
  graph.outputs.forEach(add);
  for (const n of graph.nodes) { n.inputs.forEach(add); n.outputs.forEach(add); }
  return m;
}

export function isFloatActivation(v: Value | undefined): v is Value {
  return !!v && v.dtype === 'f32' && v.data === undefined && !v.isVariable;
}

export function isFloatConstant(v: Value | undefined): v is Value {
  return !!v && v.dtype === 'f32' && v.data !== undefined;
}

/** 'tfl.SOFTMAX' or 'SOFTMAX' → 'tfl.SOFTMAX'. */
export function normalizeOpName(op: string): string {
  return op.includes('.') ? op : `tfl.${op.toUpperCase()}`;
}

export function inDenylist(node: Node, deny: ReadonlySet<string>): boolean {
  return deny.has(node.name) || deny.has(node.op) || node.outputs.some((o) => deny.has(o.name));
}

export { Model };
