/// <reference types="@webgpu/types" />
// Storage buffers reused across nodes and runs, bucketed by size (powers of two above 256 bytes,
// then multiples of 16 MiB), so a steady-state run allocates nothing.
export const STORAGE_USAGE = 0x0080 /* STORAGE */ | 0x0004 /* COPY_SRC */ | 0x0008 /* COPY_DST */;

export interface PooledBuffer { buffer: GPUBuffer; size: number; id: number }

let nextId = 1;

export function bucketSize(bytes: number): number {
  const b = Math.max(16, bytes);
  if (b <= 256) return 256;
  if (b <= 1 << 24) return 2 ** Math.ceil(Math.log2(b));
  return Math.ceil(b / (1 << 24)) * (1 << 24);
}

export class BufferPool {
  private readonly free = new Map<number, PooledBuffer[]>();
  /** Bytes held by the pool (free and in use). */
  totalBytes = 0;
  constructor(private readonly device: GPUDevice) {}

  acquire(bytes: number): PooledBuffer {
    const size = bucketSize(bytes);
    const list = this.free.get(size);
    const got = list?.pop();
    if (got) return got;
    this.totalBytes += size;
    return { buffer: this.device.createBuffer({ size, usage: STORAGE_USAGE }), size, id: nextId++ };
  }

  release(b: PooledBuffer): void {
    let list = this.free.get(b.size);
    if (!list) this.free.set(b.size, (list = []));
    list.push(b);
  }

  /** A buffer outside the pool (constants), with its contents. */
  createWith(data: ArrayBufferView): PooledBuffer {
    const size = Math.max(16, Math.ceil(data.byteLength / 4) * 4);
    const buffer = this.device.createBuffer({ size, usage: STORAGE_USAGE, mappedAtCreation: true });
    new Uint8Array(buffer.getMappedRange()).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    buffer.unmap();
    return { buffer, size, id: nextId++ };
  }

  /** Frees every pooled buffer not in use. */
  trim(): void {
    for (const list of this.free.values()) for (const b of list) { b.buffer.destroy(); this.totalBytes -= b.size; }
    this.free.clear();
  }
}
