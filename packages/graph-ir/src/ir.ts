// The IR data model (docs/contracts.md, "@liteml/graph-ir data model"). Plain mutable classes:
// a Graph is its inputs, outputs and nodes (in topological order); values are reached from them.
import type { DType } from './dtype';
import type { Shape } from './shape';

/** An attribute value of a node (`tfl.*`: option-table fields; `tf.*`: NodeDef attrs). */
export type AttrValue =
  | number | bigint | string | boolean | Uint8Array
  | readonly number[] | readonly string[] | readonly boolean[] | readonly bigint[]
  | readonly AttrValue[] // e.g. TF list(shape)
  | null | undefined | { readonly [k: string]: unknown };

/** Quantization: per-tensor when `scale.length === 1`, else per-axis along `axis`. */
export interface QuantParams {
  scale: number[];
  zeroPoint: number[];
  axis?: number;
  min?: number[];
  max?: number[];
  /** TFLite QuantizationDetails (custom, blockwise …) as plain data `{ type, value }`, kept losslessly. */
  details?: unknown;
}

export interface ValueInit {
  id: number;
  name: string;
  dtype: DType;
  shape: Shape | undefined;
  shapeSignature?: Shape | undefined;
  quant?: QuantParams | undefined;
  data?: Uint8Array | undefined;
  isVariable?: boolean | undefined;
  sparsity?: unknown;
}

/** A tensor: graph input/output, intermediate, or constant (`data` set). */
export class Value {
  /** Unique within its graph. */
  id: number;
  name: string;
  dtype: DType;
  /** `undefined` = unranked. */
  shape: Shape | undefined;
  /** TFLite shape_signature (-1 for dynamic dims), when the file has one. */
  shapeSignature?: Shape;
  quant?: QuantParams;
  /** Constants: raw little-endian bytes (a zero-copy view into the model file where imported). */
  data?: Uint8Array;
  /** TFLite variable tensors (LSTM state, VAR_HANDLE resources). */
  isVariable?: boolean;
  /** TFLite SparsityParameters as plain data, kept losslessly. */
  sparsity?: unknown;

  constructor(init: ValueInit) {
    this.id = init.id;
    this.name = init.name;
    this.dtype = init.dtype;
    this.shape = init.shape;
    if (init.shapeSignature !== undefined) this.shapeSignature = init.shapeSignature;
    if (init.quant !== undefined) this.quant = init.quant;
    if (init.data !== undefined) this.data = init.data;
    if (init.isVariable) this.isVariable = true;
    if (init.sparsity !== undefined) this.sparsity = init.sparsity;
  }

  /** True for constants (values that carry data). */
  get isConstant(): boolean {
    return this.data !== undefined;
  }
}

export interface NodeInit {
  op: string;
  name: string;
  inputs: (Value | undefined)[];
  outputs: Value[];
  attrs?: Record<string, AttrValue>;
  version?: number | undefined;
  intermediates?: Value[] | undefined;
}

/** An operation. */
export class Node {
  /** 'tfl.CONV_2D', 'tfl.CUSTOM', 'tf.Conv2D'. */
  op: string;
  /** TFLite: the name of its first output; TF: the NodeDef name. */
  name: string;
  /** `undefined` = omitted optional input (TFLite index -1). */
  inputs: (Value | undefined)[];
  outputs: Value[];
  attrs: Record<string, AttrValue>;
  /** TFLite operator-code version. */
  version?: number;
  /** TFLite `Operator.intermediates` (scratch tensors of quantized LSTMs), kept losslessly. */
  intermediates?: Value[];

  constructor(init: NodeInit) {
    this.op = init.op;
    this.name = init.name;
    this.inputs = init.inputs;
    this.outputs = init.outputs;
    this.attrs = init.attrs ?? {};
    if (init.version !== undefined) this.version = init.version;
    if (init.intermediates !== undefined && init.intermediates.length > 0) this.intermediates = init.intermediates;
  }
}

/** A (sub)graph. Nodes are kept in topological order (`verify` checks it, `toposort` restores it). */
export class Graph {
  name: string;
  inputs: Value[];
  outputs: Value[];
  nodes: Node[];

  constructor(name: string, inputs: Value[] = [], outputs: Value[] = [], nodes: Node[] = []) {
    this.name = name;
    this.inputs = inputs;
    this.outputs = outputs;
    this.nodes = nodes;
  }
}

/** A named entry point (TFLite SignatureDef) into one of the model's graphs. */
export interface Signature {
  key: string;
  graphIndex: number;
  inputs: { name: string; value: Value }[];
  outputs: { name: string; value: Value }[];
}

export interface ModelInit {
  graphs: Graph[];
  signatures?: Signature[];
  metadata?: { name: string; data: Uint8Array }[];
  description?: string | undefined;
  version?: number | undefined;
  metadataBuffers?: Uint8Array[] | undefined;
}

/** A model: graphs (`graphs[0]` is the main one; WHILE/IF/CALL_ONCE refer to others by index). */
export class Model {
  graphs: Graph[];
  signatures: Signature[];
  metadata: { name: string; data: Uint8Array }[];
  description?: string;
  /** TFLite schema version (3). */
  version?: number;
  /**
   * TFLite's deprecated `Model.metadata_buffer`: buffers listed there, kept losslessly. A buffer
   * that is also a `metadata` entry is the same Uint8Array object.
   */
  metadataBuffers?: Uint8Array[];

  constructor(init: ModelInit) {
    this.graphs = init.graphs;
    this.signatures = init.signatures ?? [];
    this.metadata = init.metadata ?? [];
    if (init.description !== undefined) this.description = init.description;
    if (init.version !== undefined) this.version = init.version;
    if (init.metadataBuffers !== undefined && init.metadataBuffers.length > 0) this.metadataBuffers = init.metadataBuffers;
  }

  /** The main graph (`graphs[0]`). */
  get main(): Graph {
    return this.graphs[0]!;
  }
}
