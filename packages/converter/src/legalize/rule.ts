// Legalization rules: one small function per TF op that builds the tfl.* replacement of a node.
//   rule('tf.Relu6', (n, b) => b.op('tfl.RELU6', [n.input(0)]))
// A rule returns the values replacing the node's outputs (in order), or calls `b.fail(reason)`
// when this node cannot be expressed in TFLite (the target check then lists it with the reason).
import {
  GraphBuilder, constantValues, type AttrValue, type DType, type Graph, type Model, type Node, type OpOptions,
  type Shape, type TypedArray, type Value,
} from '@liteml/graph-ir';

/** Thrown by `b.fail`: the node stays a tf.* node and the reason is reported by the target check. */
export class NotLegal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Read access to the TF node being legalized. */
export class TfNode {
  constructor(readonly node: Node) {}

  get name(): string {
    return this.node.name;
  }

  get op(): string {
    return this.node.op;
  }

  /** Input `i`; a missing input makes the node illegal with a clear reason. */
  input(i: number): Value {
    const v = this.node.inputs[i];
    if (!v) throw new NotLegal(`input ${i} is missing`);
    return v;
  }

  /** All inputs (omitted optional ones dropped). */
  get inputs(): Value[] {
    return this.node.inputs.filter((v): v is Value => v !== undefined);
  }

  /** Original output `i` (its dtype/shape as the TF graph says). */
  output(i = 0): Value {
    return this.node.outputs[i]!;
  }

  attr<T extends AttrValue>(name: string, fallback: T): T;
  attr<T extends AttrValue>(name: string): T | undefined;
  attr<T extends AttrValue>(name: string, fallback?: T): T | undefined {
    const v = this.node.attrs[name];
    return (v === undefined || v === null ? fallback : v) as T | undefined;
  }

  /** The dtype attribute `T` (or the first input's dtype). */
  get T(): DType {
    return (this.attr<string>('T') as DType | undefined) ?? this.input(0).dtype;
  }
}

/** Builds the replacement of one node (new nodes are named after it). */
export class LegalizeBuilder {
  /** Values created by the current rule (those get the TF output names). */
  readonly created = new Set<Value>();
  private counter = 0;

  constructor(
    readonly graph: Graph,
    readonly model: Model,
    private readonly gb: GraphBuilder,
    private readonly nodeName: () => string,
  ) {}

  private fresh(suffix: string): string {
    return `${this.nodeName()}/${suffix}${this.counter++ === 0 ? '' : `_${this.counter - 1}`}`;
  }

  /** Adds a tfl node; returns its first output. */
  op(op: string, inputs: (Value | undefined)[], attrs: Record<string, AttrValue> = {}, options: OpOptions = {}): Value {
    return this.ops(op, inputs, attrs, options)[0]!;
  }

  /** Adds a tfl node; returns all its outputs. */
  ops(op: string, inputs: (Value | undefined)[], attrs: Record<string, AttrValue> = {}, options: OpOptions = {}): Value[] {
    const name = options.name ?? this.fresh(op.replace(/^tfl\./, '').toLowerCase());
    const outs = this.gb.op(op, inputs, attrs, { ...options, name, model: this.model });
    for (const o of outs) this.created.add(o);
    return outs;
  }

  /** A constant. */
  constant(dtype: DType, shape: Shape, data: Uint8Array | TypedArray | readonly number[] | readonly bigint[], suffix = 'const'): Value {
    return this.gb.constant(this.fresh(suffix), dtype, shape, data);
  }

  /** An int32 constant (1-D unless `shape` says otherwise). */
  i32(values: readonly number[], shape: Shape = [values.length]): Value {
    return this.constant('i32', shape, Int32Array.from(values), 'shape');
  }

  /** A scalar constant of `dtype`. */
  scalar(dtype: DType, value: number): Value {
    return this.constant(dtype, [], dtype === 'i64' ? [BigInt(value)] : [value], 'scalar');
  }

  /** The numbers of a constant (bigints become numbers), or undefined when not constant. */
  values(v: Value | undefined): number[] | undefined {
    if (!v) return undefined;
    const vals = constantValues(v);
    return vals ? Array.from(vals as ArrayLike<number | bigint>, Number) : undefined;
  }

  /** Like `values`, but a non-constant makes the node illegal. */
  constValues(v: Value, what: string): number[] {
    const vals = this.values(v);
    if (!vals) this.fail(`${what} must be a constant (TFLite takes it as an attribute)`);
    return vals;
  }

  /** `v` as an int32 tensor (constants are converted, others get a CAST). */
  toI32(v: Value): Value {
    if (v.dtype === 'i32') return v;
    const vals = this.values(v);
    if (vals && v.shape) return this.constant('i32', v.shape, Int32Array.from(vals), 'i32');
    return this.cast(v, 'i32');
  }

  cast(x: Value, to: DType): Value {
    if (x.dtype === to) return x;
    return this.op('tfl.CAST', [x], { inDataType: tensorTypeName(x.dtype), outDataType: tensorTypeName(to) }, {
      outputs: [{ dtype: to, shape: x.shape }],
    });
  }

  transpose(x: Value, perm: readonly number[]): Value {
    return this.op('tfl.TRANSPOSE', [x, this.i32(perm)]);
  }

  reshape(x: Value, shape: readonly number[] | Value): Value {
    const s = Array.isArray(shape) ? this.i32(shape as number[]) : this.toI32(shape as Value);
    return this.op('tfl.RESHAPE', [x, s]);
  }

  /** Marks the node as not legalizable. */
  fail(reason: string): never {
    throw new NotLegal(reason);
  }
}

export type LegalizeFn = (n: TfNode, b: LegalizeBuilder) => Value | readonly Value[];

export interface LegalizeRule {
  op: string;
  fn: LegalizeFn;
}

/** A legalization rule for one TF op (`op` with or without the `tf.` prefix). */
export function rule(op: string, fn: LegalizeFn): LegalizeRule {
  return { op: op.startsWith('tf.') ? op : `tf.${op}`, fn };
}

/** The same rule for several TF ops. */
export function rules(ops: readonly string[], fn: LegalizeFn): LegalizeRule[] {
  return ops.map((op) => rule(op, fn));
}

const TENSOR_TYPE: Partial<Record<DType, string>> = {
  f32: 'FLOAT32', f16: 'FLOAT16', i32: 'INT32', u8: 'UINT8', i64: 'INT64', string: 'STRING', bool: 'BOOL',
  i16: 'INT16', complex64: 'COMPLEX64', i8: 'INT8', f64: 'FLOAT64', complex128: 'COMPLEX128', u64: 'UINT64',
  resource: 'RESOURCE', variant: 'VARIANT', u32: 'UINT32', u16: 'UINT16', i4: 'INT4', bf16: 'BFLOAT16',
};

/** TFLite TensorType member name of a dtype ('f32' → 'FLOAT32'). */
export function tensorTypeName(d: DType): string {
  const t = TENSOR_TYPE[d];
  if (!t) throw new NotLegal(`dtype ${d} has no TFLite tensor type`);
  return t;
}

/** The data format of a TF window op: only NHWC and NCHW exist in 2-D. */
export function layout(n: TfNode): 'NHWC' | 'NCHW' {
  const f = n.attr<string>('data_format', 'NHWC');
  if (f !== 'NHWC' && f !== 'NCHW') throw new NotLegal(`data_format ${f} is not supported`);
  return f;
}

/** [1, h, w, 1] (NHWC) or [1, 1, h, w] (NCHW) → { h, w } for window attributes (strides, ksize, dilations). */
export function hw(n: TfNode, attr: string, fallback = 1): { h: number; w: number } {
  const v = n.attr<readonly number[]>(attr);
  if (!v || v.length === 0) return { h: fallback, w: fallback };
  if (v.length !== 4) throw new NotLegal(`${attr} must have 4 entries, got [${v.join(', ')}]`);
  const [bi, hi, wi, ci] = layout(n) === 'NHWC' ? [0, 1, 2, 3] : [0, 2, 3, 1];
  if (v[bi] !== 1 || v[ci] !== 1) throw new NotLegal(`${attr} [${v.join(', ')}] over batch or channels is not supported by TFLite`);
  return { h: v[hi]!, w: v[wi]! };
}

/**
 * Runs `fn` on the NHWC form of `x`: NCHW inputs are transposed to NHWC and the result back
 * (the transpose optimizations remove pairs that cancel).
 */
export function inNHWC(n: TfNode, b: LegalizeBuilder, x: Value, fn: (x: Value) => Value): Value {
  if (layout(n) === 'NHWC') return fn(x);
  const y = fn(b.transpose(x, [0, 2, 3, 1]));
  return b.transpose(y, [0, 3, 1, 2]);
}

/**
 * TF padding → TFLite padding; EXPLICIT paddings become a PAD in front (returned as the new input).
 */
export function windowPadding(n: TfNode, b: LegalizeBuilder, x: Value): { x: Value; padding: 'SAME' | 'VALID' } {
  const p = n.attr<string>('padding', 'VALID');
  if (p === 'SAME' || p === 'VALID') return { x, padding: p };
  if (p !== 'EXPLICIT') throw new NotLegal(`padding '${p}' is not supported`);
  const e = n.attr<readonly number[]>('explicit_paddings', []);
  if (e.length !== 8) throw new NotLegal(`explicit_paddings must have 8 entries, got ${e.length}`);
  // x is NHWC here; explicit_paddings follow data_format
  const pairs = layout(n) === 'NHWC' ? [0, 1, 2, 3] : [0, 2, 3, 1];
  const pads = pairs.flatMap((d) => [e[2 * d]!, e[2 * d + 1]!]);
  if (pads.every((v) => v === 0)) return { x, padding: 'VALID' };
  return { x: b.op('tfl.PAD', [x, b.i32(pads, [4, 2])]), padding: 'VALID' };
}
