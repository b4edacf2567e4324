// TF1 dataflow while loops (Enter / Merge / Switch / LoopCond / NextIteration / Exit frames) →
// functional `While` nodes with synthesized cond/body functions, the way TensorFlow's
// functionalize_control_flow does it, so the rest of the import sees an acyclic graph.
// TF1 conds (Switch/Merge without a frame) are control-flow-v1-cond.ts's. Nested loops are not supported.
import type { DataType, FunctionDef, NodeDef } from '@liteml/schema';
import type { tf } from '@liteml/schema';
import { ConversionError } from '../errors';
import { canonicalRef, isControlRef, refIndex, refNode } from './refs';

const dataInputs = (n: NodeDef) => n.input.filter((i) => !isControlRef(i)).map(canonicalRef);

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

/** True when the graph has TF1 loops to functionalize. */
export function hasV1Loops(nodes: readonly NodeDef[]): boolean {
  return nodes.some((n) => n.op === 'NextIteration' || n.op === 'RefNextIteration');
}

/**
 * Replaces every TF1 while loop by a `While` node whose cond/body are new library functions
 * (returned in `functions`); each Exit becomes an Identity of the matching While output.
 */
export function functionalizeV1Loops(nodes: readonly NodeDef[], taken: ReadonlySet<string>): { nodes: NodeDef[]; functions: FunctionDef[] } {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const consumers = new Map<string, NodeDef[]>();
  for (const n of nodes) {
    for (const i of n.input) {
      const src = isControlRef(i) ? i.slice(1) : refNode(canonicalRef(i));
      consumers.set(src, [...(consumers.get(src) ?? []), n]);
    }
  }
  const frameOf = (n: NodeDef) => {
    const s = n.attr['frame_name']?.s;
    return s ? new TextDecoder().decode(s) : '';
  };
  const frames = new Map<string, NodeDef[]>();
  for (const n of nodes) if (n.op === 'Enter' || n.op === 'RefEnter') frames.set(frameOf(n), [...(frames.get(frameOf(n)) ?? []), n]);

  const removed = new Set<string>();
  const replaced = new Map<string, NodeDef>();
  const added: NodeDef[] = [];
  const functions: FunctionDef[] = [];
  const names = new Set([...taken, ...byName.keys()]);
  const unique = (base: string) => {
    let name = base;
    for (let i = 1; names.has(name); i++) name = `${base}_${i}`;
    names.add(name);
    return name;
  };

  for (const [frame, enters] of frames) {
    const fail = (why: string, at: string[]): never => {
      throw new ConversionError('UNSUPPORTED_CONTROL_FLOW', `TF1 while loop '${frame}': ${why}`, at);
    };
    // Members: forward from the Enters up to (not including) the Exits; constants pulled in by control edges.
    const members = new Set<NodeDef>();
    const stack = [...enters];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (members.has(n)) continue;
      members.add(n);
      for (const c of consumers.get(n.name) ?? []) {
        if (c.op === 'Exit' || c.op === 'RefExit') continue;
        if ((c.op === 'Enter' || c.op === 'RefEnter') && !enters.includes(c)) fail('nested TF1 while loops are not supported', [c.name]);
        stack.push(c);
      }
    }
    const inFrame = nodes.filter((n) => members.has(n)); // in graph order
    const loopConds = inFrame.filter((n) => n.op === 'LoopCond');
    if (loopConds.length !== 1) fail(`expected one LoopCond, found ${loopConds.length}`, enters.map((e) => e.name));
    const lc = loopConds[0]!;
    const merges = inFrame.filter((n) => n.op === 'Merge' || n.op === 'RefMerge');
    const invariants = enters.filter((e) => e.attr['is_constant']?.b === true);
    const vars = merges.map((m) => {
      const ins = dataInputs(m).map((r) => byName.get(refNode(r)));
      const enter = ins.find((n) => n && (n.op === 'Enter' || n.op === 'RefEnter'));
      const next = ins.find((n) => n && (n.op === 'NextIteration' || n.op === 'RefNextIteration'));
      if (!enter || !next || ins.length !== 2) fail(`Merge '${m.name}' does not join an Enter and a NextIteration`, [m.name]);
      const sw = inFrame.find((n) => (n.op === 'Switch' || n.op === 'RefSwitch') && dataInputs(n)[0] === `${m.name}:0`);
      if (!sw) return fail(`Merge '${m.name}' feeds no Switch`, [m.name]);
      if (dataInputs(sw)[1] !== `${lc.name}:0`) fail(`Switch '${sw.name}' is not driven by '${lc.name}'`, [sw.name]);
      const exit = (consumers.get(sw.name) ?? []).find((c) => (c.op === 'Exit' || c.op === 'RefExit') && dataInputs(c)[0] === `${sw.name}:0`);
      return { merge: m, enter: enter!, next: next!, sw, exit, type: enter!.attr['T']?.type ?? 'DT_INVALID' };
    });
    if (vars.length === 0) fail('it has no loop variables', [lc.name]);

    const base = lc.name.includes('/') ? lc.name.slice(0, lc.name.lastIndexOf('/')) : frame;
    const argDefs = [...vars.map((v) => argDef(v.merge.name, v.type)), ...invariants.map((e) => argDef(e.name, e.attr['T']?.type ?? 'DT_INVALID'))];
    const argOf = new Map<string, string>();
    for (const v of vars) {
      argOf.set(`${v.merge.name}:0`, v.merge.name);
      argOf.set(`${v.sw.name}:1`, v.merge.name);
    }
    for (const e of invariants) argOf.set(`${e.name}:0`, e.name);
    const mapRef = (r: string) => argOf.get(r) ?? (refIndex(r) === 0 ? refNode(r) : r);

    /** The frame's nodes `roots` need, with inputs renamed to arguments and control edges dropped. */
    const slice = (roots: string[], part: string): NodeDef[] => {
      const picked = new Set<NodeDef>();
      const todo = [...roots];
      while (todo.length > 0) {
        const r = todo.pop()!;
        if (argOf.has(r)) continue;
        const n = byName.get(refNode(r));
        if (!n) return fail(`'${r}' names no node`, []);
        if (picked.has(n)) continue;
        if (!members.has(n) && n.op !== 'Const') fail(`'${n.name}' is used inside the loop without an Enter`, [n.name]);
        if (['Merge', 'Switch', 'Enter', 'NextIteration', 'LoopCond', 'Exit'].includes(n.op)) fail(`'${n.name}' (${n.op}) cannot be part of the loop's ${part}`, [n.name]);
        picked.add(n);
        todo.push(...dataInputs(n));
      }
      return nodes.filter((n) => picked.has(n)).map((n) => ({ ...n, input: dataInputs(n).map(mapRef) }));
    };

    const condName = unique(`${base}_cond`);
    const bodyName = unique(`${base}_body`);
    const condRoot = dataInputs(lc)[0]!;
    functions.push(functionDef(condName, argDefs, [argDef('cond', 'DT_BOOL')], slice([condRoot], 'condition'), { cond: mapRef(condRoot) }));
    const bodyRoots = vars.map((v) => dataInputs(v.next)[0]!);
    const bodyOuts = [...vars.map((v, k) => argDef(`out_${k}`, v.type)), ...invariants.map((e, j) => argDef(`inv_${j}`, e.attr['T']?.type ?? 'DT_INVALID'))];
    const bodyRet: Record<string, string> = {};
    vars.forEach((v, k) => (bodyRet[`out_${k}`] = mapRef(bodyRoots[k]!)));
    invariants.forEach((e, j) => (bodyRet[`inv_${j}`] = e.name));
    functions.push(functionDef(bodyName, argDefs, bodyOuts, slice(bodyRoots, 'body'), bodyRet));

    const whileName = unique(base === frame ? `${frame}/While` : base);
    const pi = enters[0]!.attr['parallel_iterations'];
    added.push({
      name: whileName, op: 'While', device: '',
      input: [...vars.map((v) => dataInputs(v.enter)[0]!), ...invariants.map((e) => dataInputs(e)[0]!)],
      attr: {
        T: { list: { s: [], i: [], f: [], b: [], type: argDefs.map((a) => a.type), shape: [], tensor: [], func: [] } },
        cond: { func: { name: condName, attr: {} } },
        body: { func: { name: bodyName, attr: {} } },
        ...(pi ? { parallel_iterations: pi } : {}),
      },
    });
    for (const n of members) removed.add(n.name);
    vars.forEach((v, k) => {
      if (v.exit) replaced.set(v.exit.name, { ...v.exit, op: 'Identity', input: [`${whileName}:${k}`], attr: { T: { type: v.type } } });
    });
  }
  const out: NodeDef[] = [];
  for (const n of nodes) {
    if (removed.has(n.name)) continue;
    out.push(replaced.get(n.name) ?? n);
  }
  return { nodes: [...out, ...added], functions };
}
