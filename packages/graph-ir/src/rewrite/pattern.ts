// Patterns as plain data (tinygrad style): a tree of op names, attribute tests and captures.
import type { DType } from '../dtype';
import type { Node, Value } from '../ir';

/**
 * Matches a node (when `op` is given) or any value (no `op`). Inputs are matched positionally
 * against the producers of the node's inputs; `null` matches anything (also an omitted input).
 */
export interface Pattern {
  /** Op name or names; omitted: the pattern matches a value, not a node. */
  op?: string | readonly string[];
  /** Patterns for the inputs, in order. The node must have exactly this many unless `moreInputs`. */
  inputs?: readonly (Pattern | null)[];
  moreInputs?: boolean;
  /** Attribute tests: a value (deep-equal) or a predicate. */
  attrs?: Record<string, unknown>;
  /** Value patterns: only constants. */
  const?: boolean;
  /** dtype of the value (node patterns: of output 0). */
  dtype?: DType | readonly DType[];
  /** Node patterns: every output is read once at most and is no graph output (safe to fuse away). */
  oneUse?: boolean;
  /** Capture under this name: the node for node patterns, the value otherwise. The same name twice must be the same thing. */
  bind?: string;
  /** Extra test, run after the rest matched (captures so far are available). */
  where?(target: Node | Value, captures: Captures): boolean;
}

/** What a match captured: `root` is the matched node; other keys are `bind` names. */
export type Captures = Record<string, Node | Value> & { root: Node };

export interface MatchEnv {
  producer(v: Value): Node | undefined;
  uses(v: Value): number;
  isGraphOutput(v: Value): boolean;
}

/** Matches `pattern` against `node`; the captures when it matches, else undefined. */
export function matchNode(pattern: Pattern, node: Node, env: MatchEnv): Captures | undefined {
  const caps = { root: node } as Captures;
  return nodeMatches(pattern, node, env, caps) ? caps : undefined;
}

function bind(caps: Captures, name: string | undefined, x: Node | Value): boolean {
  if (!name) return true;
  const prev = caps[name];
  if (prev !== undefined && prev !== x) return false;
  caps[name] = x;
  return true;
}

function dtypeOk(want: DType | readonly DType[] | undefined, d: DType | undefined): boolean {
  if (want === undefined) return true;
  return typeof want === 'string' ? want === d : d !== undefined && want.includes(d);
}

function nodeMatches(p: Pattern, node: Node, env: MatchEnv, caps: Captures): boolean {
  if (p.op !== undefined && (typeof p.op === 'string' ? p.op !== node.op : !p.op.includes(node.op))) return false;
  if (!dtypeOk(p.dtype, node.outputs[0]?.dtype)) return false;
  if (p.attrs) {
    for (const [k, want] of Object.entries(p.attrs)) {
      const have = node.attrs[k];
      if (typeof want === 'function' ? !(want as (v: unknown) => boolean)(have) : !deepEqual(want, have)) return false;
    }
  }
  if (p.oneUse && node.outputs.some((o) => env.uses(o) > 1 || env.isGraphOutput(o))) return false;
  if (p.inputs) {
    if (p.moreInputs ? node.inputs.length < p.inputs.length : node.inputs.length !== p.inputs.length) return false;
    for (let i = 0; i < p.inputs.length; i++) {
      const sub = p.inputs[i];
      if (sub === null || sub === undefined) continue;
      const v = node.inputs[i];
      if (!v || !valueMatches(sub, v, env, caps)) return false;
    }
  }
  if (!bind(caps, p.bind, node)) return false;
  return !p.where || p.where(node, caps);
}

function valueMatches(p: Pattern, v: Value, env: MatchEnv, caps: Captures): boolean {
  if (p.op !== undefined || p.inputs !== undefined || p.attrs !== undefined || p.oneUse) {
    const prod = env.producer(v);
    return prod !== undefined && nodeMatches(p, prod, env, caps);
  }
  if (p.const && v.data === undefined) return false;
  if (!dtypeOk(p.dtype, v.dtype)) return false;
  if (!bind(caps, p.bind, v)) return false;
  return !p.where || p.where(v, caps);
}

/** Structural equality of attribute values (arrays, plain objects, Uint8Array, bigint, NaN). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
