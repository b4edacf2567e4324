// The memory planner: a lifetime-based arena like TFLite's greedy-by-size planner. Every
// buffer lives from the step that writes it (`first`) to the last step that reads it (`last`);
// buffers whose lifetimes overlap never share bytes, the others may. Buffers are placed largest
// first at the lowest offset that does not collide with an already placed, overlapping one.

export interface BufferRequest {
  /** Bytes needed (0 is allowed and takes no space). */
  bytes: number;
  /** First step that needs the buffer (-1: before the first node, e.g. graph inputs). */
  first: number;
  /** Last step that needs it (inclusive). */
  last: number;
}

export interface ArenaPlan {
  /** Byte offset of each request, in request order. */
  offsets: number[];
  /** Total arena size in bytes. */
  size: number;
}

/** Offsets are multiples of this (enough for every typed array and SIMD loads). */
export const ARENA_ALIGNMENT = 64;

function align(n: number): number {
  return Math.ceil(n / ARENA_ALIGNMENT) * ARENA_ALIGNMENT;
}

export function planArena(requests: readonly BufferRequest[]): ArenaPlan {
  const order = requests.map((_, i) => i).sort((a, b) => {
    const d = requests[b]!.bytes - requests[a]!.bytes;
    return d !== 0 ? d : requests[a]!.first - requests[b]!.first;
  });
  const offsets = new Array<number>(requests.length).fill(0);
  // Placed buffers sorted by offset, so the gap search is one pass.
  const placed: { offset: number; end: number; first: number; last: number }[] = [];
  let size = 0;
  for (const i of order) {
    const r = requests[i]!;
    const need = align(r.bytes);
    if (need === 0) continue;
    let offset = 0;
    for (const p of placed) {
      if (p.last < r.first || p.first > r.last) continue; // lifetimes do not overlap
      if (p.offset >= offset + need) break;               // fits in the gap before p
      offset = Math.max(offset, align(p.end));
    }
    offsets[i] = offset;
    const entry = { offset, end: offset + need, first: r.first, last: r.last };
    let k = placed.findIndex((p) => p.offset > offset);
    if (k < 0) k = placed.length;
    placed.splice(k, 0, entry);
    size = Math.max(size, offset + need);
  }
  return { offsets, size };
}
