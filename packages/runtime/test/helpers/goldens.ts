// Running a model on a golden directory (<model>.golden*/input_i.npy → output_j.npy) and comparing
// with the tolerances of shared/models/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNpy, type NpyArray } from '@liteml/schema';
import { Interpreter, RuntimeError, type Tensor } from '../../src/index';
import { modelPath } from '../../../../testing/shared-models';

/** Float tolerance relative to max(1, max|golden|): 1e-4, or 1e-3 for the deep models the README names. */
export const DEEP_MODELS = /deeplab|yamnet|conformer/;

export interface GoldenCase {
  model: string;
  dir: string;
  inputs: NpyArray[];
  outputs: NpyArray[];
}

export function loadGolden(model: string, dir: string): GoldenCase {
  const abs = modelPath(dir);
  const read = (prefix: string) => {
    const out: NpyArray[] = [];
    for (let i = 0; existsSync(join(abs, `${prefix}_${i}.npy`)); i++) out.push(readNpy(readFileSync(join(abs, `${prefix}_${i}.npy`))));
    return out;
  };
  return { model, dir, inputs: read('input'), outputs: read('output') };
}

export async function runGolden(c: GoldenCase): Promise<Tensor[]> {
  // The goldens were produced by stock TFLite, whose default XNNPACK delegate runs the int8/uint8
  // conv family and FC: compare in that requantization mode (the facts and the seanet/TFLM vectors
  // check the reference-kernel mode).
  const interp = await Interpreter.create(readFileSync(modelPath(c.model)), { requantization: 'xnnpack' });
  if (interp.inputs.length !== c.inputs.length) {
    throw new RuntimeError('BAD_INPUT', `golden has ${c.inputs.length} inputs, the model ${interp.inputs.length}`);
  }
  const out = interp.run(c.inputs.map((a) => ({ data: a.data, shape: a.shape })));
  return interp.outputs.map((o) => out[o.name]!);
}

/**
 * Compares outputs with the golden; returns a description of the first mismatch, or undefined.
 * `floatTol` replaces the README's float tolerance (relative to max(1, max|golden|)).
 */
export function compareGolden(c: GoldenCase, got: Tensor[], floatTol?: number): string | undefined {
  if (got.length !== c.outputs.length) return `model produced ${got.length} outputs, golden has ${c.outputs.length}`;
  for (let j = 0; j < got.length; j++) {
    const g = got[j]!, e = c.outputs[j]!;
    if (g.shape.join() !== e.shape.join()) return `output ${j} has shape [${g.shape}], golden [${e.shape}]`;
    const n = e.data.length;
    if (e.dtype === 'f4' || e.dtype === 'f8' || e.dtype === 'f2') {
      // NaN/±Infinity must match exactly; the tolerance scales with the largest finite magnitude.
      let maxAbs = 0, maxDiff = 0;
      for (let i = 0; i < n; i++) { const v = Math.abs(Number(e.data[i])); if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, v); }
      for (let i = 0; i < n; i++) {
        const a = Number(g.data[i]), b = Number(e.data[i]);
        const same = a === b || (Number.isNaN(a) && Number.isNaN(b));
        maxDiff = Math.max(maxDiff, same ? 0 : Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) : Infinity);
      }
      const tol = (floatTol ?? (DEEP_MODELS.test(c.model) ? 1e-3 : 1e-4)) * Math.max(1, maxAbs);
      if (!(maxDiff <= tol)) return `output ${j} differs: max |diff| ${maxDiff.toExponential(3)} > ${tol.toExponential(3)}`;
    } else {
      const lsb = (e.dtype === 'i1' || e.dtype === 'u1' || e.dtype === 'i2') && !c.model.startsWith('seanet/') ? 1 : 0;
      let maxDiff = 0, at = -1;
      for (let i = 0; i < n; i++) {
        const d = Math.abs(Number(g.data[i]) - Number(e.data[i]));
        if (d > maxDiff) { maxDiff = d; at = i; }
      }
      if (maxDiff > lsb) return `output ${j} differs: max |diff| ${maxDiff} > ${lsb} (at element ${at}: ${g.data[at]} vs golden ${e.data[at]})`;
    }
  }
  return undefined;
}

/** Runs and compares; throws an Error whose message says why the golden does not pass. */
export async function checkGolden(model: string, dir: string): Promise<void> {
  const c = loadGolden(model, dir);
  const got = await runGolden(c);
  const bad = compareGolden(c, got);
  if (bad) throw new Error(`GOLDEN_MISMATCH ${bad}`);
}
