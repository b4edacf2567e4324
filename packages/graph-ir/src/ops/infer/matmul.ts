// Batched matrix-product shapes (BATCH_MATMUL, tf.BatchMatMul*, tf.MatMul).
import { broadcastShapes } from '../../shape';
import type { Dim } from '../ir';
import { shapeMismatch } from '../errors';
import { fmt, mergeDim } from './util';

/** [...batch, M, N] of a batched matmul with broadcasting batch dims (shared with tf.BatchMatMul*). */
export function matmulShape(xs: readonly Dim[] | undefined, ys: readonly Dim[] | undefined, adjX: boolean, adjY: boolean): Dim[] | undefined {
  if (!xs || !ys) return undefined;
  if (xs.length < 2 || ys.length < 2) shapeMismatch(`matmul operands need rank >= 2, got ${fmt(xs)} and ${fmt(ys)}`);
  const [m, kx] = adjX ? [xs.at(-1)!, xs.at(-2)!] : [xs.at(-2)!, xs.at(-1)!];
  const [ky, n] = adjY ? [ys.at(-1)!, ys.at(-2)!] : [ys.at(-2)!, ys.at(-1)!];
  mergeDim(kx, ky, `contracted dims of ${fmt(xs)} and ${fmt(ys)} differ`);
  const batch = broadcastShapes(xs.slice(0, -2), ys.slice(0, -2))!;
  return [...batch, m, n];
}
