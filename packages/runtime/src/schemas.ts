// The runtime's view of graph-ir's op schemas: attribute defaults and shape inference.
import { getOpSchema } from '@liteml/graph-ir';
import type { AttrValue, DType, Node, Shape } from './ir';

export interface SchemaLike {
  attrs: Record<string, { default?: AttrValue }>;
  infer?(args: {
    inputs: ({ dtype: DType; shape: Shape | undefined } | undefined)[];
    attrs: Record<string, AttrValue>;
    constInput(i: number): number[] | bigint[] | undefined;
    numOutputs: number;
  }): { dtype: DType; shape: Shape | undefined }[];
}

export function schemaOf(op: string): SchemaLike | undefined {
  return getOpSchema(op) as SchemaLike | undefined;
}

/** `node.attrs` with the op schema's defaults applied. */
export function resolveAttrs(node: Node): Record<string, AttrValue> {
  const schema = schemaOf(node.op);
  if (!schema) return node.attrs;
  let out: Record<string, AttrValue> | undefined;
  for (const [name, spec] of Object.entries(schema.attrs)) {
    if (node.attrs[name] === undefined && spec.default !== undefined) {
      out ??= { ...node.attrs };
      out[name] = spec.default;
    }
  }
  return out ?? node.attrs;
}
