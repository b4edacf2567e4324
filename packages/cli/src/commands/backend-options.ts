// The flags `run` and `benchmark` share to pick where a .tflite runs: --backend, --threads and,
// for --backend webgpu, --precision (f16 stores float tensors as f16 on the GPU).
import { webgpuInfo, type Interpreter, type InterpreterOptions } from '@liteml/runtime';
import { int, str, usageError, type Parsed } from './types';

/** The backend when --backend is not given: the fast CPU kernels (per-node fallback to reference). */
export const DEFAULT_BACKEND = 'wasm';

export const BACKEND_FLAGS = {
  backend: { type: 'string' },
  threads: { type: 'string' },
  precision: { type: 'string' },
} as const;

export function interpreterOptions(args: Parsed): InterpreterOptions {
  const backend = str(args, 'backend') ?? DEFAULT_BACKEND;
  const precision = str(args, 'precision');
  if (precision !== undefined && precision !== 'f32' && precision !== 'f16') usageError(`--precision takes f32 or f16, got '${precision}'`);
  if (precision !== undefined && backend !== 'webgpu') usageError(`--precision is for --backend webgpu (how float tensors are stored on the GPU), not for --backend ${backend}`);
  return { backend, numThreads: int(args, 'threads', 1, 1), ...(precision ? { webgpu: { precision } } : {}) };
}

export interface GpuReport {
  adapter: string;
  precision: 'f32' | 'f16';
  /** Main-graph nodes on the GPU, and those on a CPU fallback with the reason. */
  onGpu: number;
  fallbacks: { node: string; op: string; backend: string; reason: string }[];
}

/** Where a webgpu interpreter runs its nodes (undefined on other backends). */
export async function gpuReport(interp: Interpreter, options: InterpreterOptions): Promise<GpuReport | undefined> {
  const placements = interp.placements;
  if (!placements) return undefined;
  const info = await webgpuInfo(options.webgpu);
  const fallbacks = placements.filter((p) => p.backend !== 'webgpu').map((p) => ({ node: p.node, op: p.op, backend: p.backend, reason: p.reason ?? '' }));
  return { adapter: info.adapter, precision: options.webgpu?.precision ?? 'f32', onGpu: placements.length - fallbacks.length, fallbacks };
}

/** One line (plus one per fallback reason) for the text reports. */
export function gpuSummary(g: GpuReport): string {
  const total = g.onGpu + g.fallbacks.length;
  const reasons = new Map<string, number>();
  for (const f of g.fallbacks) {
    const why = `${f.op.replace(/^tfl\./, '')} on ${f.backend}: ${f.reason}`;
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  const lines = [`webgpu: ${g.adapter}, precision ${g.precision}, ${g.onGpu} of ${total} node(s) on the GPU`];
  for (const [why, n] of reasons) lines.push(`  ${n} × ${why}`);
  return `${lines.join('\n')}\n`;
}
