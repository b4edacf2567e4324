// Tensors on disk (.npy) and seeded random inputs for `run`, `compare` and `benchmark`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNpy, writeNpy, type NpyDType } from '@liteml/schema';
import type { DType, Model } from '@liteml/graph-ir';
import type { Tensor } from '@liteml/runtime';
import { CliError } from './errors';
import { randomValues, type RandomDType } from './random';

/** The .npy dtype of each liteml dtype that .npy can hold. */
const TO_NPY: Record<string, NpyDType> = {
  f32: 'f4', f16: 'f2', f64: 'f8', i8: 'i1', u8: 'u1', i16: 'i2', u16: 'u2', i32: 'i4', u32: 'u4', i64: 'i8', u64: 'u8', bool: 'b1',
};
const FROM_NPY = Object.fromEntries(Object.entries(TO_NPY).map(([k, v]) => [v, k])) as Record<NpyDType, string>;
const NPY_OK = new Set(Object.keys(TO_NPY));

/** What buildFeeds needs to know of an input. */
export interface InputInfo {
  name: string;
  dtype: DType;
  shape: readonly number[];
}

/** The inputs of a graph-ir model's main graph (unknown / symbolic dims as -1). */
export function modelInputs(model: Model): InputInfo[] {
  return model.main.inputs.map((v) => ({
    name: v.name,
    dtype: v.dtype,
    shape: (v.shape ?? []).map((d) => (typeof d === 'number' ? d : -1)),
  }));
}

export interface InputSpec {
  name?: string;
  path: string;
}

/** `--input NAME=path.npy` binds by name, `--input path.npy` by position. */
export function parseInputSpecs(specs: readonly string[] | undefined): InputSpec[] {
  return (specs ?? []).map((spec) => {
    const eq = spec.lastIndexOf('=');
    if (eq > 0 && !spec.slice(0, eq).endsWith('.npy')) return { name: spec.slice(0, eq), path: spec.slice(eq + 1) };
    return { path: spec };
  });
}

function readTensorFile(path: string): { dtype: string; shape: number[]; data: Tensor['data'] } {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch {
    throw new CliError('NOT_FOUND', `cannot read input file ${path}`);
  }
  const npy = readNpy(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
  return { dtype: FROM_NPY[npy.dtype], shape: [...npy.shape], data: npy.data as Tensor['data'] };
}

/**
 * The feeds for a model's inputs: from .npy files (by name or position), else seeded random
 * values (same generator as the goldens in ../shared/models: input i uses seed + i).
 */
export function buildFeeds(inputs: readonly InputInfo[], specs: readonly InputSpec[], seed: number): Tensor[] {
  const byName = new Map<string, InputSpec>();
  const positional: InputSpec[] = [];
  for (const s of specs) {
    if (s.name === undefined) positional.push(s);
    else {
      if (!inputs.some((i) => i.name === s.name)) {
        throw new CliError('USAGE', `--input ${s.name}=…: the model has no input named '${s.name}' (inputs: ${inputs.map((i) => i.name).join(', ')})`);
      }
      byName.set(s.name, s);
    }
  }
  if (positional.length + byName.size > inputs.length) {
    throw new CliError('USAGE', `${positional.length + byName.size} inputs given, the model takes ${inputs.length}`);
  }
  let next = 0;
  return inputs.map((info, i) => {
    const spec = byName.get(info.name) ?? (next < positional.length && !byName.has(info.name) ? positional[next++] : undefined);
    if (spec) {
      const t = readTensorFile(spec.path);
      if (t.dtype !== info.dtype) {
        throw new CliError('BAD_INPUT', `${spec.path}: holds ${t.dtype}, input '${info.name}' takes ${info.dtype}`);
      }
      return { name: info.name, dtype: info.dtype, shape: t.shape, data: t.data } as Tensor;
    }
    return randomTensor(info, seed + i);
  });
}

/** A seeded random tensor for one input (dynamic dims become 1). */
export function randomTensor(info: InputInfo, seed: number): Tensor {
  const shape = info.shape.map((d) => (d < 0 ? 1 : d));
  const count = shape.reduce((a, b) => a * b, 1);
  if (!NPY_OK.has(info.dtype)) throw new CliError('BAD_INPUT', `cannot make random values for input '${info.name}' of type ${info.dtype}; pass --input`);
  const values = randomValues(info.dtype as RandomDType, count, seed);
  return { name: info.name, dtype: info.dtype, shape, data: toTyped(info.dtype, values) };
}

function toTyped(dtype: string, values: number[]): Tensor['data'] {
  switch (dtype) {
    case 'f32': return Float32Array.from(values);
    case 'f64': return Float64Array.from(values);
    case 'f16': return Uint16Array.from(values, f32ToF16Bits);
    case 'i8': return Int8Array.from(values);
    case 'u8': case 'bool': return Uint8Array.from(values);
    case 'i16': return Int16Array.from(values);
    case 'u16': return Uint16Array.from(values);
    case 'i32': return Int32Array.from(values);
    case 'u32': return Uint32Array.from(values);
    case 'i64': return BigInt64Array.from(values, (v) => BigInt(v));
    default: throw new CliError('BAD_INPUT', `no random values for ${dtype}`);
  }
}

function f32ToF16Bits(v: number): number {
  const f = new Float32Array([v]);
  const x = new Uint32Array(f.buffer)[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = ((x >>> 23) & 0xff) - 127 + 15;
  const mant = x & 0x7fffff;
  if (exp <= 0) return sign | ((mant | 0x800000) >>> (14 - exp)) >>> 0;
  if (exp >= 31) return sign | 0x7c00;
  return sign | (exp << 10) | (mant >>> 13);
}

/** Writes output_<j>.npy and outputs.json (names, dtypes, shapes) into `dir`. */
export function writeOutputs(dir: string, outputs: readonly Tensor[]): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  outputs.forEach((t, j) => {
    if (!NPY_OK.has(t.dtype)) throw new CliError('BAD_INPUT', `output '${t.name}' has type ${t.dtype}, which .npy cannot hold`);
    const file = join(dir, `output_${j}.npy`);
    writeFileSync(file, writeNpy({ dtype: TO_NPY[t.dtype]!, shape: t.shape, data: t.data as never }));
    files.push(file);
  });
  const meta = outputs.map((t, j) => ({ index: j, name: t.name, dtype: t.dtype, shape: t.shape, file: `output_${j}.npy`, quantization: t.quant }));
  writeFileSync(join(dir, 'outputs.json'), `${JSON.stringify({ outputs: meta }, null, 2)}\n`);
  return files;
}

/** A one-line preview of a tensor's values. */
export function preview(t: Tensor, max = 8): string {
  const d = t.data as ArrayLike<number | bigint | string>;
  const n = d.length;
  const head = Array.from({ length: Math.min(n, max) }, (_, i) => fmt(d[i]!));
  return `[${head.join(', ')}${n > max ? `, … (${n} values)` : ''}]`;
}

function fmt(v: number | bigint | string): string {
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toPrecision(6);
  return String(v);
}
