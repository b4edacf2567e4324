// Memory of the wasm instance as the kernels use it: persistent blocks (packed weights, kept
// while their owner lives; a first-fit free list) below a per-call scratch area that every
// kernel call takes from the top and releases when it returns. The memory grows on demand;
// typed views are re-made after growth (views() must be called after the last allocation).
import { wasm, type WasmInstance } from './module';

const ALIGN = 64;
const PAGE = 65536;
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export interface WasmViews { f32: Float32Array; i32: Int32Array; u8: Uint8Array }

class Heap {
  private readonly free: { ptr: number; bytes: number }[] = [];
  private top: number;
  private scratchTop: number;
  private cached?: { buffer: ArrayBufferLike; views: WasmViews };
  private readonly registry = new FinalizationRegistry<{ ptr: number; bytes: number }>((b) => this.release(b.ptr, b.bytes));

  /** 64 bytes reserved for the worker-thread control block (threads.ts), below everything else. */
  readonly ctrl: number;

  constructor(readonly inst: WasmInstance) {
    this.ctrl = align(inst.exports.heap_base());
    this.top = this.ctrl + ALIGN;
    this.scratchTop = this.top;
    this.ensure(this.top);
  }

  private ensure(end: number): void {
    const have = this.inst.memory.buffer.byteLength;
    if (end > have) this.inst.memory.grow(Math.ceil((end - have) / PAGE));
  }

  /** A block that lives until `owner` is garbage-collected (or release() is called). */
  allocPersistent(bytes: number, owner?: object): number {
    const need = align(Math.max(bytes, 1));
    let ptr = -1;
    const i = this.free.findIndex((f) => f.bytes >= need);
    if (i >= 0) {
      const f = this.free[i]!;
      ptr = f.ptr;
      if (f.bytes === need) this.free.splice(i, 1);
      else { f.ptr += need; f.bytes -= need; }
    } else {
      ptr = this.top;
      this.top += need;
      this.ensure(this.top);
    }
    if (this.scratchTop < this.top) this.scratchTop = this.top;
    if (owner) this.registry.register(owner, { ptr, bytes: need });
    return ptr;
  }

  release(ptr: number, bytes: number): void {
    const need = align(Math.max(bytes, 1));
    this.free.push({ ptr, bytes: need });
    this.free.sort((a, b) => a.ptr - b.ptr);
    for (let k = this.free.length - 1; k > 0; k--) {
      const a = this.free[k - 1]!, b = this.free[k]!;
      if (a.ptr + a.bytes === b.ptr) { a.bytes += b.bytes; this.free.splice(k, 1); }
    }
    const last = this.free[this.free.length - 1];
    if (last && last.ptr + last.bytes === this.top) { this.top = last.ptr; this.free.pop(); }
  }

  /** Starts a kernel call's scratch area. */
  beginScratch(): void {
    this.scratchTop = this.top;
  }

  /** Scratch bytes valid until the next beginScratch(). */
  scratch(bytes: number): number {
    const ptr = this.scratchTop;
    this.scratchTop += align(Math.max(bytes, 1));
    this.ensure(this.scratchTop);
    return ptr;
  }

  views(): WasmViews {
    const buffer = this.inst.memory.buffer;
    if (this.cached?.buffer !== buffer) {
      this.cached = { buffer, views: { f32: new Float32Array(buffer), i32: new Int32Array(buffer), u8: new Uint8Array(buffer) } };
    }
    return this.cached.views;
  }

  /** Copies a float array into scratch; returns its address. */
  putF32(data: Float32Array): number {
    const ptr = this.scratch(data.byteLength);
    this.views().f32.set(data, ptr >>> 2);
    return ptr;
  }

  putI32(data: ArrayLike<number>): number {
    const ptr = this.scratch(data.length * 4);
    this.views().i32.set(data, ptr >>> 2);
    return ptr;
  }

  /** Copies `n` floats at `ptr` into `dst`. */
  getF32(ptr: number, dst: Float32Array): void {
    dst.set(this.views().f32.subarray(ptr >>> 2, (ptr >>> 2) + dst.length));
  }

  /** Copies the bytes of any typed array into scratch; returns their address. */
  putBytes(data: ArrayBufferView): number {
    const ptr = this.scratch(data.byteLength);
    this.views().u8.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ptr);
    return ptr;
  }

  /** Copies `dst.byteLength` bytes at `ptr` into `dst`. */
  getBytes(ptr: number, dst: ArrayBufferView): void {
    new Uint8Array(dst.buffer, dst.byteOffset, dst.byteLength).set(this.views().u8.subarray(ptr, ptr + dst.byteLength));
  }

  /** Bytes in use (persistent blocks, not scratch). */
  get persistentBytes(): number {
    return this.top - this.ctrl - ALIGN - this.free.reduce((s, f) => s + f.bytes, 0);
  }
}

const heaps = new WeakMap<WasmInstance, Heap>();

/** The heap of the current instance. */
export function heap(): Heap {
  const inst = wasm();
  let h = heaps.get(inst);
  if (!h) {
    h = new Heap(inst);
    heaps.set(inst, h);
  }
  return h;
}

export type { Heap };
