// Moving data between spatial, depth and batch dims, and resizing (NHWC).
import type { ValueType } from '../define';
import { invalidAttr, shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { dimDiv, dimMul, fmt, isKnownDim } from './util';

/** [N, H/b, W/b, C*b*b] (shared with tf.SpaceToDepth). */
export function spaceToDepthShape(x: ValueType, b: number): Dim[] {
  if (!(b >= 1)) invalidAttr(`blockSize must be >= 1, got ${b}`);
  const s = x.shape ?? [-1, -1, -1, -1];
  return [s[0]!, dimDiv(s[1]!, b, 'height by blockSize'), dimDiv(s[2]!, b, 'width by blockSize'), dimMul(s[3]!, b * b)];
}

/** [N, H*b, W*b, C/(b*b)] (shared with tf.DepthToSpace). */
export function depthToSpaceShape(x: ValueType, b: number): Dim[] {
  if (!(b >= 1)) invalidAttr(`blockSize must be >= 1, got ${b}`);
  const s = x.shape ?? [-1, -1, -1, -1];
  return [s[0]!, dimMul(s[1]!, b), dimMul(s[2]!, b), dimDiv(s[3]!, b * b, 'channels by blockSize²')];
}

/** SpaceToBatchND: batch * prod(block), spatial (d + pads) / block (shared with tf). */
export function spaceToBatchShape(x: ValueType, block: number[] | undefined, pads: number[] | undefined): Dim[] | undefined {
  if (!x.shape) return undefined;
  if (!block) return x.shape.map(() => -1);
  const m = block.length;
  if (x.shape.length < m + 1) shapeMismatch(`input ${fmt(x.shape)} has fewer than ${m} spatial dims`);
  const out = x.shape.slice();
  out[0] = dimMul(x.shape[0]!, block.reduce((p, b) => p * b, 1));
  for (let i = 0; i < m; i++) {
    const d = x.shape[i + 1]!;
    const padded = pads ? (isKnownDim(d) ? d + pads[2 * i]! + pads[2 * i + 1]! : -1) : -1;
    out[i + 1] = padded === -1 ? -1 : dimDiv(padded, block[i]!, `padded spatial dim ${i + 1} by block ${block[i]}`);
  }
  return out;
}

/** BatchToSpaceND: batch / prod(block), spatial d * block - crops (shared with tf). */
export function batchToSpaceShape(x: ValueType, block: number[] | undefined, crops: number[] | undefined): Dim[] | undefined {
  if (!x.shape) return undefined;
  if (!block) return x.shape.map(() => -1);
  const m = block.length;
  if (x.shape.length < m + 1) shapeMismatch(`input ${fmt(x.shape)} has fewer than ${m} spatial dims`);
  const out = x.shape.slice();
  out[0] = dimDiv(x.shape[0]!, block.reduce((p, b) => p * b, 1), 'batch by the block size product');
  for (let i = 0; i < m; i++) {
    const d = x.shape[i + 1]!;
    out[i + 1] = crops && isKnownDim(d) ? d * block[i]! - crops[2 * i]! - crops[2 * i + 1]! : -1;
    if ((out[i + 1] as number) < -1) shapeMismatch(`crops exceed spatial dim ${i + 1}`);
  }
  return out;
}

/** [N, size[0], size[1], C] (shared with tf.Resize*). */
export function resizeShape(x: ValueType, size: number[] | undefined): Dim[] {
  const s = x.shape ?? [-1, -1, -1, -1];
  if (s.length !== 4) shapeMismatch(`input must be NHWC (rank 4), got ${fmt(s)}`);
  if (size && size.length !== 2) shapeMismatch(`size must have 2 values, got [${size.join(',')}]`);
  return [s[0]!, size?.[0] ?? -1, size?.[1] ?? -1, s[3]!];
}
