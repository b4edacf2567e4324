// `--calibration DIR` for `quantize` and `convert --quantize`: representative inputs on disk.
//   DIR/*.npz          one sample per file; arrays named after the model's inputs (or arr_0, arr_1…)
//   DIR/*.npy          single-input models: one file per sample, or a batch along the first axis
//                      (split into samples of the model's input shape)
//   DIR/<sample>/      one sample per folder: <input name>.npy or input_<i>.npy (a golden's layout)
//   random             explicit opt-in to random data (useless ranges; smoke tests only)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readNpy, readNpz, type NpyArray } from '@liteml/schema';
import type { InputInfo } from './tensors';
import { CliError } from './errors';

type Sample = Record<string, { data: NpyArray['data']; shape: number[] }>;

const read = (path: string) => {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function fromFolder(dir: string, inputs: readonly InputInfo[]): Sample {
  const sample: Sample = {};
  inputs.forEach((info, i) => {
    const candidates = [join(dir, `${safeName(info.name)}.npy`), join(dir, `input_${i}.npy`)];
    const file = candidates.find((f) => existsSync(f));
    if (!file) throw new CliError('BAD_INPUT', `calibration sample ${dir} lacks input '${info.name}' (looked for ${candidates.map((c) => c.slice(dir.length + 1)).join(' or ')})`);
    const a = readNpy(read(file));
    sample[info.name] = { data: a.data, shape: a.shape };
  });
  return sample;
}

function splitBatch(a: NpyArray, info: InputInfo): { data: NpyArray['data']; shape: number[] }[] {
  const per = info.shape.map((d) => (d < 0 ? 1 : d));
  const perCount = per.reduce((x, y) => x * y, 1);
  if (a.data.length === perCount) return [{ data: a.data, shape: per }];
  if (a.data.length % perCount !== 0) {
    throw new CliError('BAD_INPUT', `calibration array [${a.shape}] does not hold whole samples of input '${info.name}' [${per}]`);
  }
  const out: { data: NpyArray['data']; shape: number[] }[] = [];
  for (let k = 0; k < a.data.length / perCount; k++) out.push({ data: a.data.subarray(k * perCount, (k + 1) * perCount) as NpyArray['data'], shape: per });
  return out;
}

/** Reads a calibration set for a model with these inputs. */
export async function readCalibration(dir: string, inputs: readonly InputInfo[]): Promise<Sample[] | 'random'> {
  if (dir === 'random') return 'random';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError('NOT_FOUND', `--calibration ${dir}: not a directory`);
  const entries = readdirSync(dir).sort();
  const samples: Sample[] = [];
  for (const e of entries) {
    const path = join(dir, e);
    if (statSync(path).isDirectory()) samples.push(fromFolder(path, inputs));
    else if (e.endsWith('.npz')) {
      const arrays = await readNpz(read(path));
      const sample: Sample = {};
      inputs.forEach((info, i) => {
        const a = arrays[info.name] ?? arrays[safeName(info.name)] ?? arrays[`arr_${i}`] ?? arrays[`input_${i}`];
        if (!a) throw new CliError('BAD_INPUT', `${path} has no array for input '${info.name}' (arrays: ${Object.keys(arrays).join(', ')})`);
        sample[info.name] = { data: a.data, shape: a.shape };
      });
      samples.push(sample);
    } else if (e.endsWith('.npy')) {
      if (inputs.length !== 1) throw new CliError('BAD_INPUT', `${path}: loose .npy files calibrate single-input models only; use one folder per sample`);
      for (const t of splitBatch(readNpy(read(path)), inputs[0]!)) samples.push({ [inputs[0]!.name]: t });
    }
  }
  if (samples.length === 0) throw new CliError('BAD_INPUT', `--calibration ${dir}: no .npy, .npz or sample folders found`);
  return samples;
}
