// Building graphs by hand: inputs, constants, ops (output types inferred from the op schemas).
import { bytesOf, type DType, type TypedArray } from './dtype';
import { IRError } from './errors';
import { inferNode, type ValueType } from './infer';
import { Graph, Node, Value, type AttrValue, type Model, type QuantParams } from './ir';
import type { Shape } from './shape';
import { nextValueId } from './walk';

export interface ValueOptions {
  quant?: QuantParams;
  shapeSignature?: Shape;
  isVariable?: boolean;
}

export interface OpOptions {
  /** Node name (default: the first output's name). */
  name?: string;
  /** Output names (default: the node name, then `name:1`, `name:2` …). */
  outputNames?: string[];
  /** Output types; default: inferred from the op schema. Required for ops liteml cannot infer. */
  outputs?: (ValueType & ValueOptions)[];
  /** Number of outputs for variadic ops when `outputs` is not given. */
  numOutputs?: number;
  version?: number;
  /** For control-flow ops whose outputs come from another graph. */
  model?: Model;
}

/**
 * Builds a Graph: `const b = new GraphBuilder('main'); const x = b.input('x', 'f32', [1, 4]);
 * const [y] = b.op('tfl.RELU', [x]); b.output(y); const g = b.graph;`. Value ids are unique within
 * the graph. `GraphBuilder.on(graph)` appends to an existing graph.
 */
export class GraphBuilder {
  readonly graph: Graph;
  private nextId: number;
  private names = new Set<string>();

  constructor(name: string | Graph = 'main') {
    this.graph = typeof name === 'string' ? new Graph(name) : name;
    this.nextId = typeof name === 'string' ? 0 : nextValueId(name);
  }

  /** A builder that appends to an existing graph. */
  static on(graph: Graph): GraphBuilder {
    return new GraphBuilder(graph);
  }

  /** A new value (not yet part of the graph until used). */
  value(name: string, dtype: DType, shape: Shape | undefined, options: ValueOptions & { data?: Uint8Array } = {}): Value {
    this.names.add(name);
    return new Value({ id: this.nextId++, name, dtype, shape, ...options });
  }

  /** Adds a graph input. */
  input(name: string, dtype: DType, shape: Shape | undefined, options: ValueOptions = {}): Value {
    const v = this.value(name, dtype, shape, options);
    this.graph.inputs.push(v);
    return v;
  }

  /**
   * A constant. `data` is raw little-endian bytes (kept as is, not copied), a typed array (viewed
   * as bytes), a number array (converted to the dtype) or strings (dtype 'string').
   */
  constant(
    name: string,
    dtype: DType,
    shape: Shape,
    data: Uint8Array | TypedArray | readonly number[] | readonly bigint[] | readonly string[],
    options: ValueOptions = {},
  ): Value {
    return this.value(name, dtype, shape, { ...options, data: toBytes(dtype, data, name) });
  }

  /** Adds a node; returns its outputs. Output types come from `options.outputs` or the op schema. */
  op(op: string, inputs: (Value | undefined)[], attrs: Record<string, AttrValue> = {}, options: OpOptions = {}): Value[] {
    const name = options.name ?? options.outputNames?.[0] ?? this.uniqueName(op.replace(/^[a-z]+\./, '').toLowerCase());
    let types: (ValueType & ValueOptions)[] | undefined = options.outputs;
    const probe = new Node({ op, name, inputs, outputs: [], attrs, version: options.version });
    if (!types) {
      const n = options.numOutputs ?? 1;
      probe.outputs = Array.from({ length: n }, (_, i) => new Value({ id: -1, name: `${name}:${i}`, dtype: 'f32', shape: undefined }));
      types = inferNode(probe, { model: options.model });
      if (!types) {
        throw new IRError('UNKNOWN_OP', `cannot infer the outputs of '${op}' (node '${name}'): pass options.outputs`, { nodes: [name] });
      }
    }
    probe.outputs = types.map((t, i) => {
      const outName = options.outputNames?.[i] ?? (i === 0 ? name : `${name}:${i}`);
      const { dtype, shape, ...rest } = t;
      return this.value(outName, dtype, shape, rest);
    });
    this.graph.nodes.push(probe);
    return probe.outputs;
  }

  /** Marks values as graph outputs. */
  output(...values: Value[]): void {
    this.graph.outputs.push(...values);
  }

  private uniqueName(base: string): string {
    let i = 0;
    while (this.names.has(`${base}_${i}`)) i++;
    return `${base}_${i}`;
  }
}

function toBytes(dtype: DType, data: Uint8Array | TypedArray | readonly number[] | readonly bigint[] | readonly string[], name: string): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return bytesOf(data as TypedArray);
  const arr = data as readonly unknown[];
  if (dtype === 'string') return bytesOf(arr.map(String));
  const make = (): TypedArray => {
    switch (dtype) {
      case 'f32': return Float32Array.from(arr as number[]);
      case 'f64': return Float64Array.from(arr as number[]);
      case 'i8': return Int8Array.from(arr as number[]);
      case 'u8': case 'bool': return Uint8Array.from(arr as number[], Number);
      case 'i16': return Int16Array.from(arr as number[]);
      case 'u16': case 'f16': case 'bf16': return Uint16Array.from(arr as number[]);
      case 'i32': return Int32Array.from(arr as number[]);
      case 'u32': return Uint32Array.from(arr as number[]);
      case 'i64': return BigInt64Array.from(arr as (number | bigint)[], (x) => BigInt(x));
      case 'u64': return BigUint64Array.from(arr as (number | bigint)[], (x) => BigInt(x));
      default:
        throw new IRError('UNSUPPORTED_DTYPE', `constant '${name}': pass raw bytes for dtype '${dtype}'`, { values: [name] });
    }
  };
  return bytesOf(make());
}
