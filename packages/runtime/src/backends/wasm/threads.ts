// Worker threads over the shared wasm memory. A kernel writes a task into wasm memory and calls
// parallel(task, n): threads 1..n-1 of the pool and the calling thread (0) each run their share
// (assembly/tasks.ts run_task), then the caller waits for the others. Node uses worker_threads,
// browsers Web Workers (only where crossOriginIsolated gives SharedArrayBuffer). Workers start
// asynchronously on first use; until they are ready (or where none can start) kernels run on
// one thread, with the same results: every output element is computed by one thread, the same way.
import type { KernelContext } from '../../kernel';
import { RuntimeError } from '../../errors';
import { heap } from './heap';
import type { WasmInstance } from './module';

// Control block (i32 words): WORD = generation << 8 | participating threads, REMAINING = workers
// still running, ARGS = task address, READY = workers started, FAILED = a worker threw.
const WORD = 0, REMAINING = 1, ARGS = 2, READY = 3, FAILED = 4, CTRL_BYTES = 64;

const WORKER_SOURCE = `
'use strict';
function start(d) {
  const inst = new WebAssembly.Instance(d.module, { env: { memory: d.memory, abort() { throw new Error('wasm abort'); } } });
  const i32 = new Int32Array(d.memory.buffer);
  const c = d.ctrl >> 2;
  let seen = Atomics.load(i32, c + ${WORD});
  Atomics.add(i32, c + ${READY}, 1);
  Atomics.notify(i32, c + ${READY});
  for (;;) {
    Atomics.wait(i32, c + ${WORD}, seen);
    const w = Atomics.load(i32, c + ${WORD});
    seen = w;
    const n = w & 255;
    if (n === 0) return;
    if (d.tid >= n) continue;
    try { inst.exports.run_task(Atomics.load(i32, c + ${ARGS}), d.tid, n); } catch (e) { Atomics.store(i32, c + ${FAILED}, 1); }
    if (Atomics.sub(i32, c + ${REMAINING}, 1) === 1) Atomics.notify(i32, c + ${REMAINING});
  }
}
if (typeof require === 'function' && typeof process !== 'undefined' && process.versions && process.versions.node) {
  start(require('node:worker_threads').workerData);
} else {
  self.onmessage = (e) => start(e.data);
}
`;

interface WorkerLike { terminate(): unknown; unref?(): void; postMessage?(m: unknown): void }
type WorkerCtor = new (src: string, opts: Record<string, unknown>) => WorkerLike;

// Node's Worker class, loaded without a static import so browser bundles do not see node:.
let nodeWorker: WorkerCtor | undefined;
const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;
if (isNode) {
  const spec = 'node:worker_threads';
  import(/* @vite-ignore */ spec).then((m: { Worker: WorkerCtor }) => { nodeWorker = m.Worker; }, () => {});
}

function hardwareThreads(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === 'number' && n > 0 ? n : 4;
}

class Pool {
  private readonly workers: WorkerLike[] = [];
  private readonly i32: Int32Array;
  private readonly ctrl: number;

  constructor(private readonly inst: WasmInstance) {
    // The heap reserves the block at creation: allocating here, in the middle of a kernel call,
    // would land on that call's scratch data.
    this.ctrl = heap().ctrl;
    this.i32 = new Int32Array(inst.memory.buffer);
    this.i32.fill(0, this.ctrl >> 2, (this.ctrl + CTRL_BYTES) >> 2);
  }

  /** Workers started and ready. */
  get ready(): number {
    return Atomics.load(this.i32, (this.ctrl >> 2) + READY);
  }

  /** Starts workers until the pool has `count` (if this host can). */
  grow(count: number): void {
    while (this.workers.length < count) {
      const data = { module: this.inst.module, memory: this.inst.memory, ctrl: this.ctrl, tid: this.workers.length + 1 };
      let w: WorkerLike;
      if (nodeWorker) {
        w = new nodeWorker(WORKER_SOURCE, { eval: true, workerData: data });
        w.unref?.();
      } else if (typeof Worker !== 'undefined' && typeof Blob !== 'undefined' && typeof URL !== 'undefined') {
        const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
        w = new Worker(url) as unknown as WorkerLike;
        w.postMessage!(data);
      } else {
        return;
      }
      this.workers.push(w);
    }
  }

  /** Runs task `args` on threads 0..n-1 (this one is 0); n - 1 must not exceed `ready`. */
  run(args: number, n: number): void {
    const c = this.ctrl >> 2, i32 = this.i32;
    Atomics.store(i32, c + ARGS, args);
    Atomics.store(i32, c + REMAINING, n - 1);
    Atomics.store(i32, c + FAILED, 0);
    const gen = (Atomics.load(i32, c + WORD) >>> 8) + 1;
    Atomics.store(i32, c + WORD, ((gen << 8) | n) | 0);
    Atomics.notify(i32, c + WORD);
    let error: unknown;
    try {
      this.inst.exports.run_task(args, 0, n);
    } catch (e) {
      error = e;
    }
    for (;;) {
      const left = Atomics.load(i32, c + REMAINING);
      if (left === 0) break;
      if (canBlock) {
        try { Atomics.wait(i32, c + REMAINING, left, 1000); } catch { canBlock = false; }
      }
    }
    if (error) throw error;
    if (Atomics.load(i32, c + FAILED)) throw new RuntimeError('KERNEL_FAILED', 'a wasm kernel failed on a worker thread');
  }

  get size(): number {
    return this.workers.length;
  }
}

let canBlock = true;
const instancesSeen = new Set<WasmInstance>();
const pools = new WeakMap<WasmInstance, Pool>();

/** Threads a kernel may use: the interpreter's numThreads (ctx.numThreads), else LITEML_WASM_THREADS, else 1. */
export function threadsFor(ctx: KernelContext): number {
  const fromCtx = (ctx as { numThreads?: number }).numThreads;
  if (typeof fromCtx === 'number' && fromCtx >= 1) return Math.floor(fromCtx);
  const env = isNode ? Number(process.env['LITEML_WASM_THREADS'] ?? 1) : 1;
  return Number.isFinite(env) && env >= 1 ? Math.floor(env) : 1;
}

/**
 * Runs the task written at `args` with up to `threads` threads (fewer while workers start, or
 * where threads are not available: then on this thread alone). Returns the count used.
 */
export function parallel(inst: WasmInstance, args: number, threads: number): number {
  const want = Math.min(threads, hardwareThreads(), 255);
  if (want <= 1 || !inst.shared) {
    inst.exports.run_task(args, 0, 1);
    return 1;
  }
  let pool = pools.get(inst);
  if (!pool) {
    if (!nodeWorker && isNode) { inst.exports.run_task(args, 0, 1); return 1; } // worker_threads still loading
    pool = new Pool(inst);
    pools.set(inst, pool);
    instancesSeen.add(inst);
  }
  pool.grow(want - 1);
  // Dispatch only once every started worker is ready (a worker joins at the generation it saw first).
  const n = pool.ready === pool.size ? Math.min(want, pool.size + 1) : 1;
  if (n <= 1) {
    inst.exports.run_task(args, 0, 1);
    return 1;
  }
  pool.run(args, n);
  maxUsed = Math.max(maxUsed, n);
  return n;
}

let maxUsed = 1;

/** The most threads any kernel has run on so far, and the workers started (for tests and benchmarks). */
export function threadStats(): { maxThreadsUsed: number; workers: number } {
  let workers = 0;
  const p = current();
  if (p) workers = p.size;
  return { maxThreadsUsed: maxUsed, workers };
}

function current(): Pool | undefined {
  for (const inst of instancesSeen) { const p = pools.get(inst); if (p) return p; }
  return undefined;
}
