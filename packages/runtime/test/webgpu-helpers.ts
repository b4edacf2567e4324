// Shared by the webgpu-*.test.ts suites: acquiring a WebGPU device in Node (Dawn from the npm
// package `webgpu`). Without a GPU the runtime itself points Dawn at Chromium's SwiftShader Vulkan
// driver when it is installed (src/backends/webgpu/device.ts). When no adapter can be had the
// suites say so in one line and skip, except under CI=true, where that is a failure.
import { describe } from 'vitest';
import { webgpuInfo } from '../src/backends/webgpu/index';

export async function probeWebGpu(): Promise<string | undefined> {
  try {
    return (await webgpuInfo()).adapter;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (process.env['CI'] === 'true') throw new Error(`WebGPU is required under CI=true but unavailable: ${why}`);
    console.log(`[liteml] WebGPU unavailable (${why.split('\n')[0]}): webgpu suites are skipped`);
    return undefined;
  }
}

const adapter = await probeWebGpu();
export const HAS_WEBGPU = adapter !== undefined;

/** `describe` for suites that need a WebGPU device. */
export const describeGpu: typeof describe = (HAS_WEBGPU ? describe : describe.skip) as typeof describe;

/**
 * Dawn's null backend: it compiles every shader with Tint and validates every pipeline and
 * dispatch, and offers 'shader-f16', but executes nothing (its outputs are meaningless). Used to
 * check that the f16 variants of every kernel are valid WGSL where no adapter has 'shader-f16'.
 */
export async function nullBackendGpu(): Promise<unknown> {
  const name = 'webgpu';
  const dawn = (await import(/* @vite-ignore */ name)) as { create(flags: string[]): unknown };
  return dawn.create(['backend=null']);
}
