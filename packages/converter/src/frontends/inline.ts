// Function inlining at the NodeDef level: PartitionedCall / StatefulPartitionedCall nodes and
// direct calls (a node whose op is a library function) are replaced by the function's body, its
// nodes renamed `<call>/<node>`. Function arguments become references to the caller's inputs and
// the call's outputs become aliases of the function's results (no Identity nodes are added).
import type { AttrValue, FunctionDef, FunctionDefLibrary, NodeDef, OpDef } from '@liteml/schema';
import { ConversionError } from '../errors';
import { flatOutputIndex } from './op-outputs';
import { canonicalRef, isControlRef, refNode } from './refs';

export interface FlatGraph {
  nodes: NodeDef[];
  /** Canonical tensor references (`call:0`) that stand for another canonical reference. */
  alias: Map<string, string>;
}

const CALL_OPS = new Set(['PartitionedCall', 'StatefulPartitionedCall']);
const MAX_DEPTH = 64;

/** The library function a node calls, if it is a call node. */
export function calledFunction(node: NodeDef, library: ReadonlyMap<string, FunctionDef>): string | undefined {
  if (library.has(node.op)) return node.op;
  if (CALL_OPS.has(node.op)) return node.attr['f']?.func?.name;
  return undefined;
}

export function functionMap(library: FunctionDefLibrary | undefined): Map<string, FunctionDef> {
  const m = new Map<string, FunctionDef>();
  for (const f of library?.function ?? []) if (f.signature) m.set(f.signature.name, f);
  return m;
}

/** Inlines every call node (recursively). Throws ConversionError naming the call that cannot be inlined. */
export function inlineFunctions(nodes: readonly NodeDef[], library: ReadonlyMap<string, FunctionDef>, opDefs?: ReadonlyMap<string, OpDef>): FlatGraph {
  const out: NodeDef[] = [];
  const alias = new Map<string, string>();
  const visit = (node: NodeDef, depth: number, stack: string[]): void => {
    const fname = calledFunction(node, library);
    if (fname === undefined) {
      out.push(node);
      return;
    }
    const fd = library.get(fname);
    if (!fd || !fd.signature) {
      throw new ConversionError('UNKNOWN_FUNCTION', `node '${node.name}' (${node.op}) calls function '${fname}', which the graph's function library does not define`, [node.name]);
    }
    if (depth >= MAX_DEPTH || stack.includes(fname)) {
      throw new ConversionError('UNSUPPORTED_FUNCTION', `node '${node.name}' calls '${fname}' recursively (${[...stack, fname].join(' -> ')}); recursive functions cannot be inlined`, [node.name]);
    }
    for (const n of expandCall(node, fd, library, alias, opDefs)) visit(n, depth + 1, [...stack, fname]);
  };
  for (const n of nodes) visit(n, 0, []);
  return { nodes: out, alias };
}

function expandCall(call: NodeDef, fd: FunctionDef, library: ReadonlyMap<string, FunctionDef>, alias: Map<string, string>, opDefs?: ReadonlyMap<string, OpDef>): NodeDef[] {
  const sig = fd.signature!;
  const fail = (why: string): never => {
    throw new ConversionError('UNSUPPORTED_FUNCTION', `node '${call.name}': cannot inline function '${sig.name}': ${why}`, [call.name]);
  };
  const listArg = sig.inputArg.find((a) => a.numberAttr || a.typeListAttr);
  if (listArg) fail(`argument '${listArg.name}' is a list of tensors`);
  const dataInputs = call.input.filter((i) => !isControlRef(i));
  if (dataInputs.length !== sig.inputArg.length) fail(`it takes ${sig.inputArg.length} arguments, the call passes ${dataInputs.length}`);
  const args = new Map<string, string>();
  sig.inputArg.forEach((a, i) => args.set(a.name, canonicalRef(dataInputs[i]!)));

  const prefix = call.name;
  const body = new Map(fd.nodeDef.map((n) => [n.name, n]));
  const callAttrs = { ...call.attr, ...(call.attr['f']?.func?.attr ?? {}) };

  const translate = (ref: string): string => {
    if (isControlRef(ref)) {
      const name = ref.slice(1);
      const a = args.get(name);
      return `^${a ? refNode(a) : `${prefix}/${name}`}`;
    }
    const parts = ref.split(':');
    if (parts.length === 1) {
      const a = args.get(ref);
      if (a) return a;
      if (body.has(ref)) return `${prefix}/${ref}:0`;
      return fail(`'${ref}' is neither an argument nor a node of the function`);
    }
    if (parts.length === 2) return `${prefix}/${parts[0]}:${parts[1]}`;
    const [name, arg, idxText] = parts as [string, string, string];
    const inner = body.get(name);
    if (!inner) return fail(`'${ref}' refers to an unknown node '${name}'`);
    const idx = Number(idxText);
    let flat: number | undefined;
    const innerFn = library.get(inner.op);
    if (innerFn?.signature) {
      const k = innerFn.signature.outputArg.findIndex((o) => o.name === arg);
      flat = k < 0 ? undefined : k + idx;
    } else {
      flat = flatOutputIndex(inner.op, inner.attr, arg, idx, opDefs);
    }
    if (flat === undefined) return fail(`cannot tell which output of '${name}' (${inner.op}) '${arg}:${idx}' is`);
    return `${prefix}/${name}:${flat}`;
  };

  const substitute = (attrs: Record<string, AttrValue>, node: string): Record<string, AttrValue> => {
    const res: Record<string, AttrValue> = {};
    for (const [k, v] of Object.entries(attrs)) {
      if (v.placeholder !== undefined) {
        const bound = callAttrs[v.placeholder];
        if (!bound) fail(`attribute '${k}' of '${node}' is the function parameter '${v.placeholder}', which the call does not bind`);
        res[k] = bound!;
      } else {
        res[k] = v;
      }
    }
    return res;
  };

  const expanded = fd.nodeDef.map((n): NodeDef => ({
    ...n,
    name: `${prefix}/${n.name}`,
    input: n.input.map(translate),
    attr: substitute(n.attr, n.name),
  }));
  sig.outputArg.forEach((o, k) => {
    const r = fd.ret[o.name];
    if (r === undefined) fail(`result '${o.name}' has no value`);
    alias.set(`${call.name}:${k}`, canonicalRef(translate(r!)));
  });
  return expanded;
}
