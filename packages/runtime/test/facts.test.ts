// Facts the manifest states about real models, checked on the reference backend: hello_world
// approximates sin(x), mobilenet_v1 quant classifies the burger as 934 "cheeseburger", person_detect
// tells person from no person. Models that cannot run yet are listed in FACT_EXCLUSIONS.
import { readFileSync } from 'node:fs';
import { readNpy } from '@liteml/schema';
import { expect, it } from 'vitest';
import { Interpreter, type Tensor } from '../src/index';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { FACT_EXCLUSIONS } from './fixtures/golden-exclusions';
import { loadGolden } from './helpers/goldens';

function fact(model: string, name: string, check: () => Promise<void>) {
  const excluded = FACT_EXCLUSIONS[model];
  it(`${model}: ${name}${excluded ? ' (excluded: must still fail)' : ''}`, async () => {
    if (!excluded) return check();
    const err = await check().then(() => undefined, (e: unknown) => e);
    expect(err, `${model} now works: remove it from FACT_EXCLUSIONS`).toBeDefined();
    expect((err as { code?: string }).code, (err as Error).message).toBe(excluded.code);
    if (excluded.error) expect((err as Error).message).toContain(excluded.error);
  });
}

async function run1(model: string, input: { data: Tensor['data']; shape: number[] }): Promise<Tensor> {
  const interp = await Interpreter.create(readFileSync(modelPath(model)));
  const out = interp.run([input]);
  return out[interp.outputs[0]!.name]!;
}

const argmax = (a: ArrayLike<number>) => { let b = 0; for (let i = 1; i < a.length; i++) if (a[i]! > a[b]!) b = i; return b; };

describeModels('manifest facts', () => {
  fact('tflm/hello_world_float.tflite', 'y ≈ sin(x) within 0.05 on the real-input goldens', async () => {
    for (const c of ['x0', 'x1', 'x3', 'x5']) {
      const g = loadGolden('tflm/hello_world_float.tflite', `tflm/hello_world_float.golden_${c}`);
      const x = Number(g.inputs[0]!.data[0]);
      const y = await run1('tflm/hello_world_float.tflite', { data: g.inputs[0]!.data as Float32Array, shape: g.inputs[0]!.shape });
      expect(Math.abs((y.data as Float32Array)[0]! - Math.sin(x))).toBeLessThanOrEqual(0.05);
    }
  });

  fact('tflm/hello_world_int8.tflite', 'dequantized y ≈ sin(dequantized x) within 0.05', async () => {
    for (const q of ['-96', '-63', '-34', '0']) {
      const g = loadGolden('tflm/hello_world_int8.tflite', `tflm/hello_world_int8.golden_q${q}`);
      const y = await run1('tflm/hello_world_int8.tflite', { data: g.inputs[0]!.data as Int8Array, shape: g.inputs[0]!.shape });
      const iq = { s: 0.024480115622282028, z: -128 };
      const x = (Number(q) - iq.z) * iq.s;
      const yf = ((y.data as Int8Array)[0]! - y.quant!.zeroPoint[0]!) * y.quant!.scale[0]!;
      expect(Math.abs(yf - Math.sin(x))).toBeLessThanOrEqual(0.05);
    }
  });

  fact('support/mobilenet_v1_0.25_224_quant.tflite', 'burger → class 934 with score 0.96 ± 0.01', async () => {
    const g = loadGolden('support/mobilenet_v1_0.25_224_quant.tflite', 'support/mobilenet_v1_0.25_224_quant.golden_burger');
    const y = await run1('support/mobilenet_v1_0.25_224_quant.tflite', { data: g.inputs[0]!.data as Uint8Array, shape: g.inputs[0]!.shape });
    const q = y.data as Uint8Array;
    expect(argmax(q)).toBe(934);
    expect(Math.abs(q[934]! * 0.00390625 - 0.96)).toBeLessThanOrEqual(0.01);
  });

  fact('tflm/person_detect_int8.tflite', 'person.bmp → person > no person; no_person.bmp → no person > person', async () => {
    const read = (n: string) => readNpy(readFileSync(modelPath(`tflm/data/person_detection/${n}_int8.npy`)));
    const person = await run1('tflm/person_detect_int8.tflite', { data: read('person').data as Int8Array, shape: [1, 96, 96, 1] });
    const none = await run1('tflm/person_detect_int8.tflite', { data: read('no_person').data as Int8Array, shape: [1, 96, 96, 1] });
    const [pNo, pYes] = Array.from(person.data as Int8Array);
    const [nNo, nYes] = Array.from(none.data as Int8Array);
    expect(pYes!).toBeGreaterThan(pNo!);
    expect(nNo!).toBeGreaterThan(nYes!);
  });
});
