// Test helper: small tf.* models built with graph-ir's GraphBuilder, and plain reference math.
import { GraphBuilder, Model, typedArrayOf, type Value } from '@liteml/graph-ir';

/** A one-graph tf.* model: `build` adds inputs/nodes and returns the outputs. */
export function tfModel(build: (b: GraphBuilder) => Value | Value[]): Model {
  const b = new GraphBuilder('main');
  const out = build(b);
  b.output(...(Array.isArray(out) ? out : [out]));
  return new Model({ graphs: [b.graph] });
}

/** Deterministic pseudo-random floats in [-1, 1). */
export function floats(n: number, seed = 1): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

export function valuesOf(v: Value): number[] {
  return Array.from(typedArrayOf(v) as ArrayLike<number>, Number);
}

/** NHWC conv with an HWIO filter, stride s, SAME or VALID padding (TF semantics). */
export function refConv2d(x: Float32Array, xs: number[], w: Float32Array, ws: number[], stride: number, padding: 'SAME' | 'VALID'): { data: number[]; shape: number[] } {
  const [n, h, wd, c] = xs as [number, number, number, number];
  const [kh, kw, ci, co] = ws as [number, number, number, number];
  if (ci !== c) throw new Error('channels');
  const oh = padding === 'SAME' ? Math.ceil(h / stride) : Math.floor((h - kh) / stride) + 1;
  const ow = padding === 'SAME' ? Math.ceil(wd / stride) : Math.floor((wd - kw) / stride) + 1;
  const pt = padding === 'SAME' ? Math.floor(Math.max(0, (oh - 1) * stride + kh - h) / 2) : 0;
  const pl = padding === 'SAME' ? Math.floor(Math.max(0, (ow - 1) * stride + kw - wd) / 2) : 0;
  const out: number[] = [];
  for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) for (let xx = 0; xx < ow; xx++) for (let o = 0; o < co; o++) {
    let acc = 0;
    for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) {
      const iy = y * stride + i - pt;
      const ix = xx * stride + j - pl;
      if (iy < 0 || ix < 0 || iy >= h || ix >= wd) continue;
      for (let k = 0; k < c; k++) acc += x[((b * h + iy) * wd + ix) * c + k]! * w[((i * kw + j) * ci + k) * co + o]!;
    }
    out.push(acc);
  }
  return { data: out, shape: [n, oh, ow, co] };
}
