/// <reference types="@webgpu/types" />
// Acquiring a GPUDevice: navigator.gpu in browsers; in Node the npm package `webgpu` (Dawn) when it
// is installed, or a GPU object the caller passes. One device per options set, shared by sessions.
import { RuntimeError } from '../../errors';
import { ProgramCache } from './program';
import { BufferPool } from './buffer-pool';

export type WebGpuPrecision = 'f32' | 'f16';

export interface WebGpuOptions {
  /** A `GPU` object (navigator.gpu, or `create([])` from the npm package `webgpu`). Default: navigator.gpu, then `webgpu`. */
  gpu?: unknown;
  /** Storage type of float activations and weights: 'f16' needs the adapter feature 'shader-f16'. Default 'f32'. */
  precision?: WebGpuPrecision;
  powerPreference?: 'low-power' | 'high-performance';
  /** Ask for a fallback (software) adapter. */
  forceFallbackAdapter?: boolean;
}

/** A device with the caches every session on it shares. */
export class WebGpuDevice {
  readonly programs: ProgramCache;
  readonly pool: BufferPool;
  readonly hasTimestamps: boolean;
  readonly hasF16: boolean;
  lost = false;
  /** `gpu` and `adapter` are kept alive with the device (Dawn in Node tears down a collected instance). */
  constructor(readonly device: GPUDevice, readonly adapterInfo: string, readonly gpu: GPU, readonly adapter: GPUAdapter) {
    this.hasTimestamps = device.features.has('timestamp-query');
    this.hasF16 = device.features.has('shader-f16');
    this.programs = new ProgramCache(device);
    this.pool = new BufferPool(device);
    void device.lost.then(() => { this.lost = true; });
  }
  get limits(): GPUSupportedLimits {
    return this.device.limits;
  }
}

const devices = new Map<string, Promise<WebGpuDevice>>();

const isNode = typeof process !== 'undefined' && !!process.versions?.node;
/** Chromium's SwiftShader Vulkan driver (Debian package chromium): a software adapter for machines without a GPU. */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
type DawnModule = { create(flags: string[]): GPU; globals: Record<string, unknown> };
let dawn: DawnModule | undefined;

async function findGpu(given: unknown): Promise<GPU> {
  if (given) return given as GPU;
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  if (isNode) {
    const name = 'webgpu'; // a variable keeps bundlers from resolving this optional package
    try {
      const mod = (dawn ??= (await import(/* @vite-ignore */ name)) as DawnModule);
      for (const [k, v] of Object.entries(mod.globals)) if (!(k in globalThis)) (globalThis as Record<string, unknown>)[k] = v;
      return mod.create([]);
    } catch (e) {
      throw new RuntimeError('UNKNOWN_BACKEND', `WebGPU is not available in this Node.js: install the npm package 'webgpu' (Dawn) or pass { gpu } (${e instanceof Error ? e.message : String(e)})`, [], { cause: e });
    }
  }
  throw new RuntimeError('UNKNOWN_BACKEND', 'WebGPU is not available here (no navigator.gpu): use a browser with WebGPU enabled, or another backend');
}

const gpuIds = new WeakMap<object, number>();
let nextGpuId = 1;
/** A stable id per caller-given GPU object, so two different GPU objects never share a device. */
function gpuId(gpu: unknown): string {
  const o = gpu as object;
  let id = gpuIds.get(o);
  if (id === undefined) gpuIds.set(o, (id = nextGpuId++));
  return `gpu${id}`;
}

/** The shared device for these options (created on first use). */
export function getWebGpuDevice(options: WebGpuOptions = {}): Promise<WebGpuDevice> {
  const key = `${options.precision ?? 'f32'}|${options.powerPreference ?? ''}|${options.forceFallbackAdapter ? 1 : 0}|${options.gpu ? gpuId(options.gpu) : ''}`;
  const cur = devices.get(key);
  if (cur) {
    return cur.then((d) => {
      if (!d.lost) return d;
      devices.delete(key);
      return getWebGpuDevice(options);
    });
  }
  const p = createDevice(options);
  devices.set(key, p);
  p.catch(() => devices.delete(key));
  return p;
}

/**
 * On Linux with no GPU device node (no /dev/dri, /dev/nvidia0 or /dev/dxg) no Vulkan driver can
 * find hardware: go straight to SwiftShader when it is installed, instead of letting Dawn probe
 * (and print warnings from) every installed driver first.
 */
async function preferSwiftShader(options: WebGpuOptions): Promise<void> {
  if (!isNode || options.gpu || process.env['VK_ICD_FILENAMES'] || process.platform !== 'linux') return;
  const fs = 'node:fs';
  const { existsSync } = (await import(/* @vite-ignore */ fs)) as { existsSync(p: string): boolean };
  if (['/dev/dri', '/dev/nvidia0', '/dev/dxg'].some((d) => existsSync(d))) return;
  if (!existsSync(SWIFTSHADER_ICD)) return;
  process.env['VK_ICD_FILENAMES'] = SWIFTSHADER_ICD;
  // SwiftShader's window-system code prints "XDG_RUNTIME_DIR is invalid or not set" twice at exit
  // when the variable is unset (headless servers): give it a private empty directory instead.
  if (!process.env['XDG_RUNTIME_DIR']) {
    const os = 'node:os', path = 'node:path';
    const { mkdtempSync, rmdirSync } = (await import(/* @vite-ignore */ fs)) as { mkdtempSync(p: string): string; rmdirSync(p: string): void };
    const { tmpdir } = (await import(/* @vite-ignore */ os)) as { tmpdir(): string };
    const { join } = (await import(/* @vite-ignore */ path)) as { join(...p: string[]): string };
    try {
      const dir = mkdtempSync(join(tmpdir(), 'liteml-xdg-'));
      process.env['XDG_RUNTIME_DIR'] = dir;
      process.once('exit', () => { try { rmdirSync(dir); } catch { /* left behind: empty */ } });
    } catch { /* only cosmetic */ }
  }
}

async function createDevice(options: WebGpuOptions): Promise<WebGpuDevice> {
  await preferSwiftShader(options);
  let gpu = await findGpu(options.gpu);
  let adapter = await gpu.requestAdapter({ powerPreference: options.powerPreference, forceFallbackAdapter: options.forceFallbackAdapter })
    ?? (options.forceFallbackAdapter ? null : await gpu.requestAdapter({ forceFallbackAdapter: true }));
  if (!adapter && isNode && !options.gpu && dawn && !process.env['VK_ICD_FILENAMES']) {
    // No GPU driver: Dawn on Chromium's SwiftShader Vulkan driver, when it is installed.
    const fs = 'node:fs';
    const { existsSync } = (await import(/* @vite-ignore */ fs)) as { existsSync(p: string): boolean };
    if (existsSync(SWIFTSHADER_ICD)) {
      process.env['VK_ICD_FILENAMES'] = SWIFTSHADER_ICD;
      gpu = dawn.create([]);
      adapter = await gpu.requestAdapter();
    }
  }
  if (!adapter) {
    throw new RuntimeError('UNKNOWN_BACKEND', 'WebGPU found no adapter (no GPU driver; in Node on Linux without a GPU set VK_ICD_FILENAMES to a SwiftShader Vulkan ICD, e.g. /usr/lib/chromium/vk_swiftshader_icd.json)');
  }
  const features: GPUFeatureName[] = [];
  if (adapter.features.has('timestamp-query')) features.push('timestamp-query');
  if (options.precision === 'f16') {
    if (!adapter.features.has('shader-f16')) throw new RuntimeError('BAD_ARGUMENT', `precision 'f16' needs the WebGPU feature 'shader-f16', which this adapter lacks; use precision 'f32'`);
    features.push('shader-f16');
  }
  const l = adapter.limits;
  const device = await adapter.requestDevice({
    requiredFeatures: features,
    requiredLimits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
    },
  });
  const info = adapter.info ? [adapter.info.vendor, adapter.info.architecture, adapter.info.description].filter(Boolean).join(' ') : '';
  return new WebGpuDevice(device, info || 'unknown adapter', gpu, adapter);
}

export interface WebGpuInfo {
  adapter: string;
  timestampQuery: boolean;
  shaderF16: boolean;
  /** Largest tensor (bytes) one GPU buffer binding holds; nodes with larger tensors run on the CPU. */
  maxStorageBufferBindingSize: number;
}

/** Whether WebGPU works here and what the adapter offers; throws RuntimeError (UNKNOWN_BACKEND) with the reason when it does not. */
export async function webgpuInfo(options: WebGpuOptions = {}): Promise<WebGpuInfo> {
  const d = await getWebGpuDevice(options);
  return { adapter: d.adapterInfo, timestampQuery: d.hasTimestamps, shaderF16: d.adapter.features.has('shader-f16'), maxStorageBufferBindingSize: d.limits.maxStorageBufferBindingSize };
}
