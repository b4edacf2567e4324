// The arena planner: buffers whose lifetimes overlap never share bytes; others do.
import { describe, expect, it } from 'vitest';
import { ARENA_ALIGNMENT, planArena, type BufferRequest } from '../src/planner';

function assertValid(reqs: BufferRequest[], offsets: number[], size: number) {
  reqs.forEach((a, i) => {
    expect(offsets[i]! % ARENA_ALIGNMENT).toBe(0);
    expect(offsets[i]! + a.bytes).toBeLessThanOrEqual(size);
    reqs.forEach((b, j) => {
      if (j <= i || a.bytes === 0 || b.bytes === 0) return;
      const live = !(a.last < b.first || b.last < a.first);
      const overlap = offsets[i]! < offsets[j]! + b.bytes && offsets[j]! < offsets[i]! + a.bytes;
      if (live && overlap) throw new Error(`buffers ${i} and ${j} are live together but overlap`);
    });
  });
}

describe('planArena', () => {
  it('reuses memory along a chain (ping-pong)', () => {
    const reqs = [0, 1, 2, 3, 4].map((k) => ({ bytes: 1000, first: k, last: k + 1 }));
    const plan = planArena(reqs);
    assertValid(reqs, plan.offsets, plan.size);
    expect(plan.size).toBe(2 * 1024);
  });
  it('keeps buffers live at the same time apart', () => {
    const reqs = [{ bytes: 100, first: 0, last: 5 }, { bytes: 100, first: 2, last: 3 }, { bytes: 100, first: 5, last: 6 }];
    const plan = planArena(reqs);
    assertValid(reqs, plan.offsets, plan.size);
    expect(plan.offsets[0]).not.toBe(plan.offsets[1]);
    expect(plan.offsets[0]).not.toBe(plan.offsets[2]);
  });
  it('fills gaps left between larger buffers', () => {
    const reqs = [{ bytes: 640, first: 0, last: 1 }, { bytes: 640, first: 0, last: 3 }, { bytes: 64, first: 2, last: 3 }];
    const plan = planArena(reqs);
    assertValid(reqs, plan.offsets, plan.size);
    expect(plan.size).toBe(1280);
  });
  it('never overlaps live buffers on random workloads', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 50; t++) {
      const reqs = Array.from({ length: 40 }, () => {
        const first = Math.floor(rnd() * 30) - 1;
        return { bytes: Math.floor(rnd() * 5000), first, last: first + Math.floor(rnd() * 8) };
      });
      const plan = planArena(reqs);
      assertValid(reqs, plan.offsets, plan.size);
      const naive = reqs.reduce((a, r) => a + Math.ceil(r.bytes / ARENA_ALIGNMENT) * ARENA_ALIGNMENT, 0);
      expect(plan.size).toBeLessThanOrEqual(naive);
    }
  });
});
