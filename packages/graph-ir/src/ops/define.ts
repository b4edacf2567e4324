// The op-schema interface (docs/contracts.md, "graph-ir op schemas") and the registry.
// Every op file calls `defineOp` once per op; importing `src/ops/index.ts` registers them all.
import { IRError } from './errors';
import type { AttrValue, DType, Shape } from './ir';

/** How an attribute is typed; `default` is the value a missing attribute takes. */
export type AttrSpec =
  | { kind: 'int' | 'float' | 'bool' | 'string'; default?: AttrValue }
  | { kind: 'ints' | 'floats' | 'strings'; default?: AttrValue }
  | { kind: 'enum'; values: readonly string[]; enumName?: string; default?: string }
  | { kind: 'dtype' | 'shape' | 'bytes' | 'subgraph' | 'any'; default?: AttrValue };

/** What shape inference knows about a value. `shape: undefined` = unranked. */
export interface ValueType {
  dtype: DType;
  shape: Shape | undefined;
}

export interface InferArgs {
  /** One per input; `undefined` = omitted optional input. */
  inputs: (ValueType | undefined)[];
  /** Defaults already applied. */
  attrs: Record<string, AttrValue>;
  /** The values of constant input `i`, if known (int and float tensors). */
  constInput(i: number): number[] | bigint[] | undefined;
  numOutputs: number;
  /**
   * The types the node's outputs carry now, when known (a loaded model's tensors). Used only by
   * ops whose output dtype/shape is not a function of inputs and attributes (QUANTIZE's target
   * type, CUSTOM, READ_VARIABLE, STABLEHLO_RESHAPE …); their docs say so.
   */
  outputs?: (ValueType | undefined)[];
}

export interface OpSchema {
  /** 'tfl.CONV_2D', 'tf.Conv2D'. */
  name: string;
  dialect: 'tfl' | 'tf';
  /** Input names: 'input', 'bias?' (optional), 'values*' (variadic). */
  inputs: readonly string[];
  /** Output names, same notation. */
  outputs: readonly string[];
  attrs: Record<string, AttrSpec>;
  /** tfl: the BuiltinOperator value. */
  builtinCode?: number;
  /** tfl: the options table, e.g. 'Conv2DOptions' (absent: the op has no options). */
  optionsTable?: string;
  /** 'conv' | 'pool' | 'elementwise' | 'activation' | 'shape' | 'quant' | 'control' | 'reduce' | 'rnn' | 'other' … */
  category: string;
  /** Shapes and dtypes of every output. Throws IRError('SHAPE_MISMATCH') on incompatible inputs. */
  infer?(args: InferArgs): ValueType[];
  /**
   * Control flow: the attribute naming the subgraph whose outputs are this op's outputs
   * ('thenSubgraphIndex' for IF, 'bodySubgraphIndex' for WHILE …). `infer` gets no graph, so
   * inferShapes resolves these ops from that subgraph; `infer`, where present, is a fallback.
   */
  outputsFromSubgraph?: string;
  doc?: string;
}

/** What `defineOp` takes: an OpSchema whose dialect is read from the name when omitted. */
export type OpSpec = Omit<OpSchema, 'dialect' | 'attrs' | 'outputs'> & {
  dialect?: 'tfl' | 'tf';
  attrs?: Record<string, AttrSpec>;
  outputs?: readonly string[];
};

const registry = new Map<string, OpSchema>();

/** Registers an op schema and returns it. Names are unique; a second definition is a bug. */
export function defineOp(spec: OpSpec): OpSchema {
  const dot = spec.name.indexOf('.');
  const prefix = dot > 0 ? spec.name.slice(0, dot) : '';
  const dialect = spec.dialect ?? (prefix === 'tfl' || prefix === 'tf' ? prefix : undefined);
  if (!dialect || prefix !== dialect) {
    throw new Error(`defineOp: op name '${spec.name}' must start with 'tfl.' or 'tf.'`);
  }
  if (registry.has(spec.name)) throw new Error(`defineOp: '${spec.name}' is defined twice`);
  const schema: OpSchema = { ...spec, dialect, attrs: spec.attrs ?? {}, outputs: spec.outputs ?? ['output'] };
  const infer = spec.infer;
  if (infer) schema.infer = (args) => withOpName(spec.name, () => infer(args));
  registry.set(spec.name, schema);
  return schema;
}

/**
 * The schema of an op ('tfl.CONV_2D'), or undefined for ops liteml does not know. Import it
 * from the package (src/ops/index.ts), whose version guarantees every dialect is loaded.
 */
export function getOpSchema(op: string): OpSchema | undefined {
  return registry.get(op);
}

/** Every registered schema, optionally of one dialect, in definition order. */
export function allOpSchemas(dialect?: 'tfl' | 'tf'): OpSchema[] {
  const all = [...registry.values()];
  return dialect ? all.filter((s) => s.dialect === dialect) : all;
}

/** `attrs` with every missing attribute set to its schema default. */
export function withDefaultAttrs(schema: OpSchema, attrs: Record<string, AttrValue>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = { ...attrs };
  for (const [name, spec] of Object.entries(schema.attrs)) {
    if (out[name] === undefined && spec.default !== undefined) out[name] = spec.default;
  }
  return out;
}

/** Runs `fn`, prefixing the message of an IRError it throws with the op name. */
function withOpName<T>(op: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof IRError && !e.message.startsWith(`${op}:`)) e.message = `${op}: ${e.message}`;
    throw e;
  }
}
