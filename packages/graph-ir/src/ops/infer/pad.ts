// Padding by a constant [rank, 2] paddings operand (PAD, PADV2, MIRROR_PAD, tf.Pad*).
import type { ValueType } from '../define';
import { invalidAttr, shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { dimAdd, fmt, isKnownDim } from './util';

/** Shape after padding (shared with tf.Pad*). `maxPad(d)` bounds pads (MIRROR_PAD). */
export function padShape(x: ValueType, paddings: number[] | undefined, maxPad?: (d: number) => number): Dim[] | undefined {
  if (!x.shape) return paddings ? new Array<Dim>(paddings.length / 2).fill(-1) : undefined;
  if (!paddings) return x.shape.map(() => -1);
  if (paddings.length !== 2 * x.shape.length) {
    shapeMismatch(`paddings have ${paddings.length / 2} rows, the input ${fmt(x.shape)} rank ${x.shape.length}`);
  }
  return x.shape.map((d, i) => {
    const lo = paddings[2 * i]!;
    const hi = paddings[2 * i + 1]!;
    if (lo < 0 || hi < 0) invalidAttr(`negative padding (${lo}, ${hi}) for dim ${i}`);
    if (maxPad && isKnownDim(d) && (lo > maxPad(d) || hi > maxPad(d))) {
      shapeMismatch(`padding (${lo}, ${hi}) of dim ${i} exceeds what mirroring a dim of ${d} allows (${maxPad(d)})`);
    }
    return dimAdd(d, lo + hi);
  });
}
