// Real single-op models whose every op is an element-wise/activation/reduction kernel, run end to
// end through the interpreter:
//  - seanet int16x8 ADD/SUB/LEAKY_RELU/QUANTIZE models against the TFLM reference vectors
//    (<name>_input<i>_<type>.npy → <name>_golden_<type>.npy), which must match bit for bit
//    (their TFLite goldens run in test/goldens.test.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readNpy } from '@liteml/schema';
import { expect, it } from 'vitest';
import { Interpreter } from '../src/index';
import { describeModels, modelPath } from '../../../testing/shared-models';

const FOLDERS = ['add', 'sub', 'leaky_relu', 'quantize'];

interface Case { folder: string; name: string; inputs: string[]; golden: string }

function tflmCases(): Case[] {
  const out: Case[] = [];
  for (const folder of FOLDERS) {
    const dir = modelPath(`seanet/${folder}`);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.tflite')).sort()) {
      const name = f.replace(/\.tflite$/, '');
      const files = readdirSync(dir);
      const find = (prefix: string) => files.find((x) => x.startsWith(prefix) && /_(int16|int32|int8)\.npy$/.test(x));
      const golden = find(`${name}_golden_`);
      const inputs: string[] = [];
      for (let i = 0; find(`${name}_input${i}_`); i++) inputs.push(join(dir, find(`${name}_input${i}_`)!));
      if (golden && inputs.length) out.push({ folder, name, inputs, golden: join(dir, golden) });
    }
  }
  return out;
}

async function runModel(model: string, inputs: string[]): Promise<ArrayLike<number>> {
  const interp = await Interpreter.create(readFileSync(model));
  const feeds = inputs.map((p, i) => {
    const a = readNpy(readFileSync(p));
    // TFLM vectors are flat; give them the model's input shape
    return { data: a.data, shape: interp.inputs[i]!.shape.map((d) => (typeof d === 'number' && d > 0 ? d : 1)) };
  });
  const out = interp.run(feeds as never);
  return out[interp.outputs[0]!.name]!.data as ArrayLike<number>;
}

describeModels('seanet int16x8 single-op models vs the TFLM reference vectors (bit-exact)', () => {
  const cases = tflmCases();
  const exact: Record<string, [number, number]> = {};

  it('finds the TFLM vectors of all four op folders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.folder)).size).toBe(FOLDERS.length);
  });

  for (const c of cases) {
    it(`${c.folder}/${c.name}`, async () => {
      const golden = readNpy(readFileSync(c.golden)).data as ArrayLike<number>;
      const got = await runModel(modelPath(`seanet/${c.folder}/${c.name}.tflite`), c.inputs);
      expect(got.length).toBe(golden.length);
      let mismatches = 0, first = -1;
      for (let i = 0; i < golden.length; i++) {
        if (Number(got[i]) !== Number(golden[i])) {
          mismatches++;
          if (first < 0) first = i;
        }
      }
      const tally = (exact[c.folder] ??= [0, 0]);
      tally[1]++;
      if (mismatches === 0) tally[0]++;
      expect(mismatches, `first mismatch at ${first}: ${got[first]} vs ${golden[first]}`).toBe(0);
    });
  }

  it('reports bit-exact counts per op folder', () => {
    const lines = Object.entries(exact).map(([f, [ok, n]]) => `${f}: ${ok}/${n}`);
    console.log(`[seanet TFLM bit-exact] ${lines.join(', ')}`);
    for (const [, [ok, n]] of Object.entries(exact)) expect(ok).toBe(n);
  });
});
