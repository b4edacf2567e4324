// Small integer helpers for the arithmetic kernels.
import { RuntimeError } from '../../../errors';
import type { KernelContext } from '../../../kernel';

/** Clamps a bigint to a number range (±Infinity = unbounded). */
export function clampBig(v: bigint, lo: number, hi: number): bigint {
  if (lo !== -Infinity && v < BigInt(lo)) return BigInt(lo);
  if (hi !== Infinity && v > BigInt(hi)) return BigInt(hi);
  return v;
}

/** TFLite's CountLeadingSignBits for int32. */
export function countLeadingSignBits(x: number): number {
  if (x >= 0) return Math.clz32(x) - 1;
  if (x !== -2147483648) return Math.clz32(2 * -x - 1);
  return 0;
}

/** Throws TFLite's integer division-by-zero error for the node. */
export function divisionByZero(ctx: KernelContext): never {
  throw new RuntimeError('KERNEL_FAILED', `${ctx.node.op} '${ctx.node.name}': division by zero`, [ctx.node.name]);
}
