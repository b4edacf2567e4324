// Resource variables (VAR_HANDLE / READ_VARIABLE / ASSIGN_VARIABLE) live in the interpreter's
// shared `resources` map, so every subgraph sees the same variable.
import type { KernelContext, Tensor } from '../../kernel';
import { RuntimeError } from '../../errors';

const IDS = 'var:ids';
const VALUES = 'var:values';

/** The interpreter-wide resources map (always present when the interpreter runs a kernel). */
export function resourcesOf(ctx: KernelContext): Map<unknown, unknown> {
  if (!ctx.resources) throw new RuntimeError('BAD_ARGUMENT', `${ctx.node.op} '${ctx.node.name}' needs ctx.resources (interpreter-wide state)`, [ctx.node.name]);
  return ctx.resources;
}

function table<K, V>(ctx: KernelContext, key: string): Map<K, V> {
  const resources = resourcesOf(ctx);
  let m = resources.get(key) as Map<K, V> | undefined;
  if (!m) { m = new Map(); resources.set(key, m); }
  return m;
}

/** The resource id for a (container, shared name) pair; an unnamed handle is unique to its node. */
export function resourceId(ctx: KernelContext, container: string, sharedName: string): number {
  const ids = table<unknown, number>(ctx, IDS);
  const key = sharedName ? `${container}/${sharedName}` : ctx.node;
  let id = ids.get(key);
  if (id === undefined) { id = ids.size + 1; ids.set(key, id); }
  return id;
}

export function readVariable(ctx: KernelContext, id: number): Tensor | undefined {
  return table<number, Tensor>(ctx, VALUES).get(id);
}

export function writeVariable(ctx: KernelContext, id: number, t: Tensor): void {
  table<number, Tensor>(ctx, VALUES).set(id, t);
}

export function handleOf(ctx: KernelContext, i: number): number {
  const t = ctx.inputs[i];
  if (!t || t.data.length < 1) throw new RuntimeError('BAD_MODEL', `node '${ctx.node.name}' needs a resource handle as input ${i}`, [ctx.node.name]);
  return Number(t.data[0]);
}
