// Tensors on disk (.npy) and seeded random inputs for `run`, `compare` and `benchmark`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNpy, writeNpy, type NpyDType } from '@liteml/schema';
import type { DType, Model } from '@liteml/graph-ir';
import { randomTensor, type Tensor } from '@liteml/runtime';
import { CliError } from './errors';

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
    if (!NPY_OK.has(info.dtype)) throw new CliError('BAD_INPUT', `cannot make random values for input '${info.name}' of type ${info.dtype}; pass --input`);
    return randomTensor(info, seed + i);
  });
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
