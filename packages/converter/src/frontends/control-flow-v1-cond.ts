// TF1 conditionals (tf.cond before TF2: Switch / Merge without loop frames) → functional `If`
// nodes whose then/else branches become library functions, as TensorFlow's functionalize_cond
// does. Every node is tagged with the branch conditions it executes under ({pred → true/false});
// a Merge joins two inputs whose conditions differ in exactly one predicate (other Merges stay
// as they are, for the target check to report). The innermost
// conditional is rewritten first, so nested conds become nested Ifs. Runs after the loop pass.
import type { DataType, FunctionDef, NodeDef } from '@liteml/schema';
import type { tf } from '@liteml/schema';
import { ConversionError } from '../errors';
import { canonicalRef, isControlRef, refIndex, refNode } from './refs';

type Cond = ReadonlyMap<string, boolean>;

/** The graph has a cycle outside loop frames: left to the importer, which reports it (CYCLE). */
class CycleFound extends Error {}

const isSwitch = (n: NodeDef) => n.op === 'Switch' || n.op === 'RefSwitch';
const isMerge = (n: NodeDef) => n.op === 'Merge' || n.op === 'RefMerge';
const dataInputs = (n: NodeDef) => n.input.filter((i) => !isControlRef(i)).map(canonicalRef);
const condKey = (c: Cond) => [...c].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, v]) => `${p}=${v}`).join(',');

/** True when the graph has TF1 conditionals (a Merge outside any loop). */
export function hasV1Conds(nodes: readonly NodeDef[]): boolean {
  return nodes.some(isMerge);
}

function fail(why: string, at: string[]): never {
  throw new ConversionError('UNSUPPORTED_CONTROL_FLOW', `TF1 conditional: ${why}`, at);
}

function argDef(name: string, type: DataType | number): tf.OpDefArgDef {
  return { name, description: '', type, typeAttr: '', numberAttr: '', typeListAttr: '', handleData: [], isRef: false };
}

function functionDef(name: string, args: tf.OpDefArgDef[], outs: tf.OpDefArgDef[], nodeDef: NodeDef[], ret: Record<string, string>): FunctionDef {
  return {
    signature: {
      name, inputArg: args, outputArg: outs, controlOutput: [], attr: [], summary: '', description: '',
      isCommutative: false, isAggregate: false, isStateful: false, allowsUninitializedInput: false, isDistributedCommunication: false,
    },
    attr: {}, argAttr: {}, resourceArgUniqueId: {}, nodeDef, ret, controlRet: {},
  };
}

const typeList = (type: (DataType | number)[]) => ({ list: { s: [], i: [], f: [], b: [], type, shape: [], tensor: [], func: [] } });

/** The branch conditions of every node and the predicate each Merge joins on. */
function analyze(nodes: readonly NodeDef[]) {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  /** The predicate a reference stands for, looking through Identity chains (cond/pred_id). */
  const predOf = (ref: string): string => {
    let r = ref;
    for (let n = byName.get(refNode(r)); n && n.op === 'Identity' && dataInputs(n).length === 1; n = byName.get(refNode(r))) r = dataInputs(n)[0]!;
    return r;
  };
  const conds = new Map<string, Cond>();
  const mergePred = new Map<string, string>();
  const visiting = new Set<string>();
  const refCond = (ref: string): Cond => {
    const n = byName.get(refNode(ref));
    if (!n) fail(`'${ref}' names no node`, []);
    const c = nodeCond(n);
    if (!isSwitch(n)) return c;
    return new Map([...c, [predOf(dataInputs(n)[1]!), refIndex(ref) === 1]]);
  };
  const nodeCond = (n: NodeDef): Cond => {
    const known = conds.get(n.name);
    if (known) return known;
    if (visiting.has(n.name)) throw new CycleFound();
    visiting.add(n.name);
    let c: Map<string, boolean>;
    if (isMerge(n)) {
      // a Merge that does not join the two sides of one Switch predicate is left alone: the
      // target check reports it (such a Merge forwards whichever input arrives first)
      const ins = dataInputs(n).map(refCond);
      const [a, b] = ins as [Cond, Cond];
      const split = ins.length === 2 ? [...a].filter(([p, v]) => b.has(p) && b.get(p) !== v).map(([p]) => p) : [];
      c = new Map();
      if (split.length === 1) {
        const p = split[0]!;
        mergePred.set(n.name, p);
        for (const [q, v] of [...a, ...b]) if (q !== p) c.set(q, v);
      } else {
        for (const ic of ins) for (const [q, v] of ic) c.set(q, v);
      }
    } else {
      c = new Map();
      for (const i of n.input) {
        const ic = isControlRef(i) ? nodeCond(byName.get(i.slice(1)) ?? fail(`'${i}' names no node`, [n.name])) : refCond(canonicalRef(i));
        for (const [p, v] of ic) {
          if (c.has(p) && c.get(p) !== v) fail(`'${n.name}' uses both branches of the predicate '${p}' without a Merge`, [n.name]);
          c.set(p, v);
        }
      }
    }
    visiting.delete(n.name);
    conds.set(n.name, c);
    return c;
  };
  for (const n of nodes) nodeCond(n);
  return { byName, conds, mergePred, predOf, refCond };
}

/** Rewrites the innermost conditional of the graph; returns false when none is left. */
function rewriteOne(nodes: NodeDef[], functions: FunctionDef[], unique: (base: string) => string): NodeDef[] | undefined {
  const { byName, conds, mergePred, predOf } = analyze(nodes);
  if (mergePred.size === 0) return undefined;
  // innermost first: the Merge under the most enclosing predicates
  const depth = (m: string) => conds.get(m)!.size;
  const first = [...mergePred.keys()].sort((a, b) => depth(b) - depth(a))[0]!;
  const pred = mergePred.get(first)!;
  const outer = conds.get(first)!;
  const merges = nodes.filter((n) => mergePred.get(n.name) === pred && condKey(conds.get(n.name)!) === condKey(outer));
  const inBranch = (n: NodeDef) => conds.get(n.name)!.has(pred);
  const isEntry = (n: NodeDef) => isSwitch(n) && predOf(dataInputs(n)[1]!) === pred && !conds.get(n.name)!.has(pred);

  const argRefs: string[] = [];
  const argTypes: (DataType | number)[] = [];
  const argOf = (ref: string, type: DataType | number | undefined, at: string): string => {
    let k = argRefs.indexOf(ref);
    if (k < 0) {
      if (type === undefined) fail(`cannot tell the type of '${ref}' that the branch of '${first}' uses`, [at]);
      k = argRefs.push(ref) - 1;
      argTypes.push(type);
    }
    return `arg_${k}`;
  };
  const typeOf = (n: NodeDef) => n.attr['T']?.type ?? n.attr['dtype']?.type;

  /** One branch: the nodes the Merge inputs need, with branch entries renamed to arguments. */
  const branch = (taken: boolean) => {
    const picked = new Set<string>();
    const bodyNodes: NodeDef[] = [];
    const mapRef = (r: string, at: string): string => {
      const n = byName.get(refNode(r))!;
      if (isEntry(n)) {
        if ((refIndex(r) === 1) !== taken) fail(`'${at}' reads the other branch of '${n.name}'`, [at]);
        return argOf(dataInputs(n)[0]!, typeOf(n), at);
      }
      if (!inBranch(n)) {
        if (n.op === 'Const' && dataInputs(n).length === 0) return visit(n) ?? r;
        return argOf(r, refIndex(r) === 0 ? typeOf(n) : undefined, at);
      }
      visit(n);
      return refIndex(r) === 0 ? n.name : r;
    };
    const visit = (n: NodeDef): undefined => {
      if (picked.has(n.name)) return undefined;
      if (isMerge(n) || isSwitch(n)) fail(`'${n.name}' (${n.op}) inside the branch of '${first}' is not a conditional this pass understands`, [n.name]);
      picked.add(n.name);
      const input = dataInputs(n).map((r) => mapRef(r, n.name));
      bodyNodes.push({ ...n, input });
      return undefined;
    };
    const ret: Record<string, string> = {};
    merges.forEach((m, k) => {
      const ins = dataInputs(m);
      const side = ins.find((r) => byName.get(refNode(r)) && refCondOf(r) === taken);
      if (!side) fail(`Merge '${m.name}' has no input from the ${taken ? 'true' : 'false'} branch`, [m.name]);
      ret[`out_${k}`] = mapRef(side, m.name);
    });
    // graph order of the picked nodes (the importer sorts anyway; this keeps bodies readable)
    const order = new Map(nodes.map((n, i) => [n.name, i]));
    bodyNodes.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
    return { bodyNodes, ret };
  };
  const refCondOf = (r: string): boolean | undefined => {
    const n = byName.get(refNode(r))!;
    if (isSwitch(n) && predOf(dataInputs(n)[1]!) === pred) return refIndex(r) === 1;
    return conds.get(n.name)!.get(pred);
  };

  const thenB = branch(true);
  const elseB = branch(false);
  const outTypes = merges.map((m) => m.attr['T']?.type ?? fail(`Merge '${m.name}' has no type`, [m.name]));
  const base = first.includes('/') ? first.slice(0, first.lastIndexOf('/')) : first;
  const args = argTypes.map((t, k) => argDef(`arg_${k}`, t));
  const outs = outTypes.map((t, k) => argDef(`out_${k}`, t));
  const thenName = unique(`${base}_then`);
  const elseName = unique(`${base}_else`);
  functions.push(functionDef(thenName, args, outs, thenB.bodyNodes, thenB.ret));
  functions.push(functionDef(elseName, args, outs, elseB.bodyNodes, elseB.ret));
  const ifName = unique(`${base}/If`);
  const ifNode: NodeDef = {
    name: ifName, op: 'StatelessIf', device: '', input: [pred, ...argRefs],
    attr: {
      Tcond: { type: 'DT_BOOL' }, Tin: typeList(argTypes), Tout: typeList(outTypes),
      then_branch: { func: { name: thenName, attr: {} } }, else_branch: { func: { name: elseName, attr: {} } },
    },
  };
  const mergeIndex = new Map(merges.map((m, k) => [m.name, k]));
  const out: NodeDef[] = [];
  for (const n of nodes) {
    const k = mergeIndex.get(n.name);
    if (k !== undefined) {
      out.push({ name: n.name, op: 'Identity', device: n.device, input: [`${ifName}:${k}`], attr: { T: { type: outTypes[k]! } } });
      continue;
    }
    if (inBranch(n) || isEntry(n)) continue;
    for (const i of n.input) {
      const src = isControlRef(i) ? i.slice(1) : refNode(canonicalRef(i));
      if (mergeIndex.has(src) && !isControlRef(i) && refIndex(canonicalRef(i)) !== 0) fail(`'${n.name}' uses the value_index output of Merge '${src}'`, [n.name]);
      const s = byName.get(src);
      if (s && (inBranch(s) || isEntry(s))) fail(`'${n.name}' reads '${src}' from inside a branch without a Merge`, [n.name]);
    }
    out.push(n);
  }
  out.push(ifNode);
  return pruneOrphans(out, nodes);
}

/** Drops Identity nodes (cond/pred_id, switch_t) that only the removed Switches consumed. */
function pruneOrphans(out: NodeDef[], before: readonly NodeDef[]): NodeDef[] {
  const used = (list: readonly NodeDef[]) => new Set(list.flatMap((n) => n.input.map((i) => (isControlRef(i) ? i.slice(1) : refNode(canonicalRef(i))))));
  const usedBefore = used(before);
  for (;;) {
    const usedNow = used(out);
    const orphan = out.filter((n) => n.op === 'Identity' && usedBefore.has(n.name) && !usedNow.has(n.name));
    if (orphan.length === 0) return out;
    out = out.filter((n) => !orphan.includes(n));
  }
}

/** Replaces every TF1 cond by a `StatelessIf` node; the branch functions are returned in `functions`. */
export function functionalizeV1Conds(nodes: readonly NodeDef[], taken: ReadonlySet<string>): { nodes: NodeDef[]; functions: FunctionDef[] } {
  const names = new Set([...taken, ...nodes.map((n) => n.name)]);
  const unique = (base: string) => {
    let name = base;
    for (let i = 1; names.has(name); i++) name = `${base}_${i}`;
    names.add(name);
    return name;
  };
  const functions: FunctionDef[] = [];
  let current = [...nodes];
  try {
    for (let next = rewriteOne(current, functions, unique); next; next = rewriteOne(current, functions, unique)) current = next;
  } catch (e) {
    if (e instanceof CycleFound) return { nodes: [...nodes], functions: [] };
    throw e;
  }
  return { nodes: current, functions };
}
