// The parts of the @liteml/graph-ir data model (docs/contracts.md) that the runtime reads. Value,
// Node, Graph and Model are structural views, so graph-ir's classes and hand-built objects (kernel
// tests) both fit them; the runtime never needs more than these fields.
import type { AttrValue, Dim, DType, QuantParams, Shape } from '@liteml/graph-ir';

export type { AttrValue, Dim, DType, QuantParams, Shape };

export interface Value {
  id: number;
  name: string;
  dtype: DType;
  shape: Shape | undefined;
  shapeSignature?: Shape;
  quant?: QuantParams;
  data?: Uint8Array;
  isVariable?: boolean;
  sparsity?: unknown;
}

export interface Node {
  op: string;
  name: string;
  inputs: (Value | undefined)[];
  outputs: Value[];
  attrs: Record<string, AttrValue>;
  version?: number;
}

export interface Graph {
  name: string;
  inputs: Value[];
  outputs: Value[];
  nodes: Node[];
}

export interface Signature {
  key: string;
  graphIndex: number;
  inputs: { name: string; value: Value }[];
  outputs: { name: string; value: Value }[];
}

export interface Model {
  graphs: Graph[];
  signatures: Signature[];
  metadata: { name: string; data: Uint8Array }[];
  description?: string;
  version?: number;
}
