// The data a generated page carries (JSON inside the HTML): everything the page shows, already
// formatted on the Node side, so the page script only lays out, draws and filters.
// Shared by the page builder (src/payload.ts) and the page script (src/page/).

export interface PageValue {
  /** Value.id: the tensor index for models imported from .tflite. */
  id: number;
  name: string;
  dtype: string;
  /** '1×224×224×3', '?' for unranked, '' for scalars shown as 'scalar'. */
  shape: string;
  shapeSignature?: string;
  /** Buffer number (constants only), see PagePayload.buffers. */
  buffer?: number;
  /** One-line quantization summary ('scale 0.0235 zp -128', 'per-axis(0) ×32'). */
  quant?: string;
  /** Full quantization parameters (first values of long per-axis lists). */
  quantDetail?: [string, string][];
  bytes?: number;
  variable?: boolean;
  sparse?: boolean;
  /** Producer node index in this graph, -1 for graph inputs/constants. */
  producer: number;
}

export interface PageNode {
  index: number;
  op: string;
  /** Op shown in the box: 'CONV_2D', or the custom code of custom ops. */
  label: string;
  name: string;
  category: string;
  /** Indices into PageGraph.values; -1 = omitted optional input. */
  inputs: number[];
  /** Input names from the op schema ('input', 'filter', 'bias'), '' where unknown. */
  inputNames: string[];
  outputs: number[];
  outputNames: string[];
  intermediates?: number[];
  attrs: [string, string][];
  version?: number;
  /** Subgraphs this node refers to (WHILE/IF/CALL_ONCE bodies). */
  subgraphs?: { attr: string; index: number }[];
  /** Constant inputs shown inside the box ('filter 32×3×3×3'). */
  consts: string[];
}

export interface PageGraph {
  index: number;
  name: string;
  inputs: number[];
  outputs: number[];
  values: PageValue[];
  nodes: PageNode[];
}

export interface PageSignature {
  key: string;
  graphIndex: number;
  inputs: { name: string; tensor: string; label: string }[];
  outputs: { name: string; tensor: string; label: string }[];
}

export interface PageOpcode {
  index: number;
  op: string;
  builtinCode?: number;
  customCode?: string;
  version: number;
  count: number;
}

export interface PageBuffer {
  index: number;
  bytes: number;
  /** 'graph:tensor' names of the constants stored in it. */
  users: string[];
  /** Constant preview: first values decoded per dtype (of its first user), plus min/max/mean where numeric. */
  preview?: string;
  stats?: string;
}

/** A per-node overlay: a value in [0, 1] for the color scale and a label. */
export interface PageOverlay {
  kind: 'profile' | 'quant' | 'diff';
  title: string;
  legend: { color: string; label: string }[];
  /** Only graph 0 for profile/quant; diff covers every graph. */
  perGraph: Record<number, Record<number, { color: string; text: string }>>;
  /** Rows of a table shown in the overlay's tab. */
  table: { columns: string[]; rows: (string | number)[][] };
}

export interface PagePayload {
  title: string;
  subtitle: string;
  summaryText: string;
  graphs: PageGraph[];
  signatures: PageSignature[];
  opcodes: PageOpcode[];
  buffers: PageBuffer[];
  metadata: { name: string; bytes: number; text?: string }[];
  categories: Record<string, string>;
  overlays: PageOverlay[];
}
