// Freezing variables to constants: TF1 ref variables (VariableV2) and resource variables
// (VarHandleOp). A variable's checkpoint key comes from the graph's own restore ops (Assign /
// AssignVariableOp of RestoreV2:k, whose tensor_names constant names the key), else from the
// TF2 object graphs (variable name → key), else from its node name; variables without a
// checkpoint value (and that the restore ops do not load) take a constant initializer where they
// have one. Readers (ReadVariableOp, ResourceGather) of frozen variables become Identity / Gather.
import { decodeTensor } from '@liteml/schema';
import type { NodeDef, TensorBundle, tf } from '@liteml/schema';
import { ConversionError } from '../errors';
import { tensorToConstant, tfTensorToConstant, type ConstantData } from './constants';
import { canonicalRef, isControlRef, refIndex, refNode } from './refs';

export const VARIABLE_OPS = new Set(['VariableV2', 'Variable', 'VarHandleOp']);
const PASS_THROUGH = new Set(['Identity', 'Snapshot', 'StopGradient']);

export interface VariableSources {
  bundle?: TensorBundle;
  /** TF2: `_CHECKPOINTABLE_OBJECT_GRAPH` of the checkpoint. */
  checkpointObjectGraph?: tf.TrackableObjectGraph;
  /** TF2: the SavedModel's object graph (its node ids are the checkpoint object graph's). */
  savedObjectGraph?: tf.SavedObjectGraph;
}

export interface FrozenGraph {
  nodes: NodeDef[];
  /** Values of the frozen variables, by variable node name. */
  constants: Map<string, ConstantData>;
  /** Variables left as they are (no checkpoint value, no constant initializer). */
  unfrozen: string[];
}

/** Freezes every variable it finds a value for. `alias` resolves inlined call outputs. */
export function freezeVariables(nodes: readonly NodeDef[], alias: ReadonlyMap<string, string>, src: VariableSources): FrozenGraph {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const resolve = (ref: string): string => {
    let r = canonicalRef(ref);
    for (let g = 0; alias.has(r) && g < 10_000; g++) r = alias.get(r)!;
    return r;
  };
  /** The reference a value comes from, through Identity-like nodes. */
  const source = (ref: string): string => {
    let r = resolve(ref);
    for (let g = 0; g < 1000; g++) {
      const n = byName.get(refNode(r));
      const first = n?.input.find((i) => !isControlRef(i));
      if (!n || !PASS_THROUGH.has(n.op) || first === undefined) break;
      r = resolve(first);
    }
    return r;
  };
  const sourceNode = (ref: string) => byName.get(refNode(source(ref)));

  const keyOf = new Map<string, string>();
  const initOf = new Map<string, NodeDef>();
  for (const n of nodes) {
    if (n.op !== 'Assign' && n.op !== 'AssignVariableOp') continue;
    const [target, value] = n.input.filter((i) => !isControlRef(i));
    if (target === undefined || value === undefined) continue;
    const v = sourceNode(target);
    if (!v || !VARIABLE_OPS.has(v.op)) continue;
    const from = source(value);
    const p = byName.get(refNode(from));
    if (p?.op === 'RestoreV2' && p.input[1] !== undefined) {
      const names = stringConstant(sourceNode(p.input[1]));
      const key = names?.[refIndex(from)];
      if (key !== undefined) keyOf.set(v.name, key);
    } else if (p?.op === 'Const' && !initOf.has(v.name)) {
      initOf.set(v.name, p);
    }
  }
  const byFullName = new Map<string, string>();
  const ckptNodes = src.checkpointObjectGraph?.nodes ?? [];
  const valueKey = (i: number) => ckptNodes[i]?.attributes.find((a) => a.name === 'VARIABLE_VALUE');
  ckptNodes.forEach((_, i) => {
    const a = valueKey(i);
    if (a?.fullName) byFullName.set(a.fullName, a.checkpointKey);
  });
  src.savedObjectGraph?.nodes.forEach((obj, i) => {
    const a = valueKey(i);
    if (obj.variable?.name && a && !byFullName.has(obj.variable.name)) byFullName.set(obj.variable.name, a.checkpointKey);
  });

  const constants = new Map<string, ConstantData>();
  const unfrozen: string[] = [];
  for (const n of nodes) {
    if (!VARIABLE_OPS.has(n.op)) continue;
    const shared = n.attr['shared_name']?.s;
    const sharedName = shared && shared.length > 0 ? new TextDecoder().decode(shared) : n.name;
    const entries = src.bundle?.entries ?? {};
    const key = keyOf.get(n.name) ?? byFullName.get(sharedName) ?? byFullName.get(n.name)
      ?? (entries[sharedName] ? sharedName : entries[n.name] ? n.name : undefined);
    if (key !== undefined && src.bundle && entries[key]) {
      try {
        constants.set(n.name, tfTensorToConstant(src.bundle.read(key), n.name));
      } catch (e) {
        if (e instanceof ConversionError) throw e;
        throw new ConversionError('MISSING_VARIABLE', `variable '${n.name}': cannot read checkpoint entry '${key}': ${(e as Error).message}`, [n.name], { cause: e });
      }
      continue;
    }
    // A variable the graph's restore ops load must come from the checkpoint; others (never saved)
    // keep the value of their constant initializer.
    const init = keyOf.has(n.name) ? undefined : initOf.get(n.name)?.attr['value']?.tensor;
    if (init) constants.set(n.name, tensorToConstant(init, n.name));
    else unfrozen.push(n.name);
  }

  const out = nodes.map((n): NodeDef => {
    if (constants.has(n.name)) return { ...n, op: 'Const', input: [], attr: { dtype: n.attr['dtype']! } };
    const first = n.input.find((i) => !isControlRef(i));
    const readsFrozen = first !== undefined && constants.has(sourceNode(first)?.name ?? '');
    if (!readsFrozen) return n;
    if (n.op === 'ReadVariableOp') {
      return { ...n, op: 'Identity', attr: { ...withoutKey(n.attr, 'dtype'), T: n.attr['dtype']! } };
    }
    if (n.op === 'ResourceGather' && Number(n.attr['batch_dims']?.i ?? 0) === 0) {
      return { ...n, op: 'Gather', attr: { Tparams: n.attr['dtype']!, Tindices: n.attr['Tindices']!, validate_indices: { b: true } } };
    }
    return n;
  });
  return { nodes: out, constants, unfrozen };
}

function withoutKey<T>(o: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _drop, ...rest } = o;
  return rest;
}

function stringConstant(n: NodeDef | undefined): string[] | undefined {
  const t = n?.op === 'Const' ? n.attr['value']?.tensor : undefined;
  if (!t) return undefined;
  try {
    const d = decodeTensor(t, n!.name);
    return Array.isArray(d.data) ? (d.data as string[]) : undefined;
  } catch {
    return undefined;
  }
}
