/// <reference types="@webgpu/types" />
// Compute programs: a kernel describes its bindings, uniforms and WGSL body; the text is generated
// once per key (the op plus every input fact the shader depends on: dtype, rank, tile choices) and
// the pipeline cached. Shapes and other per-node numbers travel as uniforms, so one pipeline
// serves every node of the same kind.
export type UniformType = 'i32' | 'u32' | 'f32';
/** Element type of a storage binding: 'T' is the float storage type (f32, or f16 when enabled). */
export type ElemType = 'T' | 'i32' | 'f32' | 'u32';

export interface ProgramInfo {
  /** Cache key: the program's name and every fact its WGSL depends on. */
  key: string;
  inputs: readonly { name: string; type: ElemType }[];
  outputs: readonly { name: string; type: ElemType }[];
  uniforms: readonly (readonly [string, UniformType])[];
  /** WGSL after the generated header (helpers and the `main` entry point). */
  body: string;
}

export interface CompiledProgram {
  info: ProgramInfo;
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
}

/** The WGSL text of a program for a float storage type. */
export function programSource(info: ProgramInfo, f16: boolean): string {
  const lines: string[] = [];
  if (f16) lines.push('enable f16;');
  lines.push(`alias T = ${f16 ? 'f16' : 'f32'};`);
  let b = 0;
  for (const x of info.inputs) lines.push(`@group(0) @binding(${b++}) var<storage, read> ${x.name}: array<${x.type}>;`);
  for (const x of info.outputs) lines.push(`@group(0) @binding(${b++}) var<storage, read_write> ${x.name}: array<${x.type}>;`);
  const fields = info.uniforms.length ? info.uniforms : [['_pad', 'u32'] as const];
  lines.push(`struct Uniforms { ${fields.map(([n, t]) => `${n}: ${t}`).join(', ')} }`);
  lines.push(`@group(0) @binding(${b}) var<uniform> u: Uniforms;`);
  lines.push(info.body);
  return lines.join('\n');
}

/** Packs uniform values in declaration order (4 bytes each, padded to 16). */
export function packUniforms(info: ProgramInfo, values: Record<string, number>): Uint32Array {
  const n = Math.max(4, Math.ceil(Math.max(1, info.uniforms.length) / 4) * 4);
  const words = new Uint32Array(n);
  const i32 = new Int32Array(words.buffer);
  const f32 = new Float32Array(words.buffer);
  info.uniforms.forEach(([name, type], i) => {
    const v = values[name];
    if (v === undefined) throw new Error(`program ${info.key}: uniform '${name}' not given`);
    if (type === 'f32') f32[i] = v;
    else if (type === 'i32') i32[i] = v;
    else words[i] = v >>> 0;
  });
  return words;
}

export class ProgramCache {
  private readonly programs = new Map<string, CompiledProgram>();
  f16 = false;
  constructor(private readonly device: GPUDevice) {}

  get size(): number {
    return this.programs.size;
  }

  get(info: ProgramInfo): CompiledProgram {
    let p = this.programs.get(info.key);
    if (p) return p;
    const code = programSource(info, this.f16);
    const module = this.device.createShaderModule({ code, label: info.key });
    const pipeline = this.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: info.key });
    p = { info, pipeline, layout: pipeline.getBindGroupLayout(0) };
    this.programs.set(info.key, p);
    return p;
  }
}

/** Workgroups for `n` invocations of `wg` threads each: a 2D grid when x would exceed 65535. */
export function grid(n: number, wg: number): [number, number, number] {
  const groups = Math.max(1, Math.ceil(n / wg));
  if (groups <= 65535) return [groups, 1, 1];
  const y = Math.ceil(groups / 65535);
  return [Math.ceil(groups / y), y, 1];
}

/** An entry point over a flat index `idx` < `u.<limit>`, for grids made by `grid()`. */
export function flatMain(wg: number, body: string, limit = 'n'): string {
  return `@compute @workgroup_size(${wg})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32, @builtin(num_workgroups) nwg: vec3u) {
  let idx = (wid.y * nwg.x + wid.x) * ${wg}u + li;
  if (idx >= u.${limit}) { return; }
${body}
}`;
}

/** WGSL of a fused activation applied to `v` (f32). */
export function activationWgsl(act: string, v = 'v'): string {
  switch (act) {
    case 'NONE': return v;
    case 'RELU': return `max(${v}, 0.0)`;
    case 'RELU6': return `clamp(${v}, 0.0, 6.0)`;
    case 'RELU_N1_TO_1': return `clamp(${v}, -1.0, 1.0)`;
    case 'RELU_0_TO_1': return `clamp(${v}, 0.0, 1.0)`;
    case 'TANH': return `tanh(${v})`;
    case 'SIGN_BIT': return `select(0.0, 1.0, ${v} < 0.0)`;
    default: throw new Error(`unsupported fused activation ${act}`);
  }
}

/** Fused activations as TFLite's float kernels apply them: a clamp (TANH/SIGN_BIT are not fused by them). */
export const FUSED_ACTIVATIONS = ['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'];
