// Quantization-aware-trained models: TensorFlow's FakeQuantWithMinMaxVars converts to tfl.FAKE_QUANT;
// int8 quantization takes that node's range as the tensor's parameters and removes the node, as
// TFLite's converter does. Models: TFLite converter end2end tests (a 1×1 conv whose output is
// fake-quantized, then a reshape; the _4bit variants have 4-bit per-channel weight FakeQuant, which
// the converter folds into the float weights, and the same 8-bit activation FakeQuant).
import { join } from 'node:path';
import { convert, loadTfModelFromPath } from '@liteml/converter';
import { type Model, Node, Value, exportTflite, importTflite, nextValueId } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { formatReport, quantize } from '../src';
import { fakeQuantParams } from '../src/modes/fake-quant';
import { compareNodeByNode } from './helpers/compare';

const DIR = 'litert/tflite/converter/tests/end2end';
const MODELS = ['fake_quant_per_channel', 'fake_quant_without_identity', 'fake_quant_per_channel_4bit', 'fake_quant_without_identity_4bit'];
// What TFLite's converter gives the FakeQuant'd tensor of these models (the .pbtxt's MLIR CHECK
// line: tensor<1x6x31x!quant.uniform<i8:f32, 0.09363494573854933:22>>).
const TFLITE_SCALE = 0.09363494573854933, TFLITE_ZP = 22;

async function floatTflite(name: string): Promise<Uint8Array> {
  const tf = await loadTfModelFromPath(modelPath(join(DIR, `${name}.pbtxt`)));
  return convert(tf, {}).tflite;
}

/** Seeded uniform [-1, 1) inputs (xorshift32). */
function seededInputs(count: number, size: number, seed: number): Float32Array[] {
  let s = seed >>> 0;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
  return Array.from({ length: count }, () => Float32Array.from({ length: size }, () => 2 * next() - 1));
}

/** TensorFlow's FakeQuant nudging (float32 steps, as its kernel), mapped to int8: [scale, zero point]. */
function expectedParams(attrs: Node['attrs']): [number, number] {
  const F = Math.fround;
  const min = F(Number(attrs['min'])), max = F(Number(attrs['max']));
  const quantMin = attrs['narrowRange'] ? 1 : 0, quantMax = 2 ** Number(attrs['numBits']) - 1;
  const scale = F(F(max - min) / (quantMax - quantMin));
  const zpFromMin = F(quantMin - F(min / scale));
  const nudged = Math.min(quantMax, Math.max(quantMin, Math.round(zpFromMin)));
  return [scale, nudged - 128];
}

const fakeQuantNodes = (m: Model) => m.graphs[0]!.nodes.filter((n) => n.op === 'tfl.FAKE_QUANT');
const run = (bytes: Uint8Array, x: Float32Array) =>
  Object.values(Interpreter.createSync(bytes).run([{ data: x, shape: [1, 1, 1, 256] }]))[0]!.data as Float32Array;

describe('fakeQuantParams', () => {
  it('narrow range maps [1, 255] onto [-127, 127]; other bit widths are declined', () => {
    expect(fakeQuantParams({ min: -1, max: 1, numBits: 8, narrowRange: true })).toMatchObject({ scale: [Math.fround(2 / 254)], zeroPoint: [0] });
    expect(fakeQuantParams({ min: 0, max: 6, numBits: 8, narrowRange: false })).toMatchObject({ scale: [Math.fround(6 / 255)], zeroPoint: [-128] });
    expect(fakeQuantParams({ min: 0.5, max: 6.5, numBits: 8, narrowRange: false })).toMatchObject({ zeroPoint: [-128] }); // 0 < min: zp clamps to quant_min
    expect(fakeQuantParams({ min: -1, max: 1, numBits: 4, narrowRange: false })).toBeUndefined();
  });
});

describeModels('FAKE_QUANT ranges in int8 quantization', () => {
  for (const name of MODELS) {
    describe(name, () => {
      it('removes FAKE_QUANT, gives its tensor the FakeQuant parameters, and stays close to the float model', async () => {
        const float = await floatTflite(name);
        const fq = fakeQuantNodes(importTflite(float));
        expect(fq.length).toBe(1);
        const tensor = fq[0]!.outputs[0]!.name;
        const calib = seededInputs(6, 256, 7);
        const r = quantize(float, { mode: 'int8', calibration: calib.map((x) => [{ data: x, shape: [1, 1, 1, 256] }]), report: true });
        expect(fakeQuantNodes(r.model)).toEqual([]);
        expect(r.floatNodes).toEqual([]);
        const g = r.model.graphs[0]!;
        expect(g.nodes.map((n) => n.op)).toEqual(['tfl.QUANTIZE', 'tfl.CONV_2D', 'tfl.RESHAPE', 'tfl.DEQUANTIZE']);

        const [scale, zp] = expectedParams(fq[0]!.attrs);
        const t = g.nodes.find((n) => n.op === 'tfl.CONV_2D')!.outputs[0]!;
        expect(t.name).toBe(tensor);
        expect(t.dtype).toBe('i8');
        expect(t.quant!.scale).toEqual([scale]);
        expect(t.quant!.zeroPoint).toEqual([zp]);
        expect([scale, zp]).toEqual([Math.fround(TFLITE_SCALE), TFLITE_ZP]);
        // RESHAPE keeps it, so the model output has the same grid.
        expect(g.nodes.find((n) => n.op === 'tfl.RESHAPE')!.outputs[0]!.quant!.scale).toEqual([scale]);

        // The calibration data alone would not have given this range: the observed float range is narrower.
        let lo = Infinity, hi = -Infinity;
        const floatOuts = calib.map((x) => run(float, x));
        for (const y of floatOuts) for (const v of y) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        expect(lo).toBeGreaterThan((-128 - zp) * scale + scale / 2);
        expect(hi).toBeLessThan((127 - zp) * scale - scale / 2);

        // Outputs on the calibration inputs and on unseen ones: the float model's output is already on
        // the FakeQuant grid; the int8 model adds input rounding (256 inputs) and int8 weights. Measured:
        // max 1.00 / mean 0.067 steps; with 4-bit weights (a grid of 15 levels that int8's 255 do not
        // contain, so the weights are rounded again) max 4.00 / mean 0.081 steps.
        const unseen = seededInputs(4, 256, 99);
        let maxErr = 0, sumErr = 0, n = 0;
        for (const x of [...calib, ...unseen]) {
          const f = run(float, x), q = run(r.tflite, x);
          expect(q.length).toBe(f.length);
          for (let i = 0; i < f.length; i++) { const d = Math.abs(f[i]! - q[i]!); maxErr = Math.max(maxErr, d); sumErr += d; n++; }
        }
        expect(maxErr / scale, 'max |int8 - float| in output steps').toBeLessThanOrEqual(name.endsWith('_4bit') ? 4.001 : 1.001);
        expect(sumErr / n / scale, 'mean |int8 - float| in output steps').toBeLessThanOrEqual(0.1);

        // The report says where the range came from.
        const layer = r.report!.layers.find((l) => l.name === tensor)!;
        expect(layer).toMatchObject({ rangeFrom: 'fakeQuant', scale, zeroPoint: zp });
        expect(r.report!.layers.filter((l) => l.rangeFrom === 'fakeQuant').map((l) => l.name)).toEqual([tensor]);
        expect(formatReport(r.report!)).toContain(`Range from FakeQuant (quantization-aware training), not calibration: ${tensor}`);
      });

      it('real TFLite runs the int8 model and agrees node by node within 1 LSB', async () => {
        const float = await floatTflite(name);
        const calib = seededInputs(6, 256, 7);
        const { tflite } = quantize(float, { mode: 'int8', calibration: calib.map((x) => [{ data: x, shape: [1, 1, 1, 256] }]), ioType: 'int8' });
        const q = importTflite(tflite).graphs[0]!.inputs[0]!.quant!;
        const x = seededInputs(1, 256, 1234)[0]!;
        const xq = Int8Array.from(x, (v) => Math.max(-128, Math.min(127, Math.round(v / q.scale[0]!) + q.zeroPoint[0]!)));
        const { nodes, outputs } = await compareNodeByNode(tflite, [xq]);
        expect(nodes.map((d) => d.op)).toEqual(['tfl.CONV_2D', 'tfl.RESHAPE']);
        for (const d of [...nodes, ...outputs]) {
          expect(d.dtype, d.name).toBe('i8');
          expect(d.maxDiff, `${d.op} ${d.name}`).toBeLessThanOrEqual(1);
        }
      });
    });
  }

  it('a FakeQuant on the graph input sets the input\'s parameters (int8 input) and is removed', async () => {
    const m = importTflite(await floatTflite('fake_quant_per_channel'));
    const g = m.graphs[0]!;
    const x = g.inputs[0]!;
    const y = new Value({ id: nextValueId(g), name: 'input_fake_quant', dtype: 'f32', shape: x.shape });
    const attrs = { min: -1.25, max: 0.75, numBits: 8, narrowRange: true };
    for (const n of g.nodes) n.inputs = n.inputs.map((v) => (v === x ? y : v));
    g.nodes.unshift(new Node({ op: 'tfl.FAKE_QUANT', name: 'input_fake_quant', inputs: [x], outputs: [y], attrs }));
    const float = exportTflite(m);
    const calib = seededInputs(4, 256, 3).map((v) => [{ data: v, shape: [1, 1, 1, 256] }]);
    const r = quantize(float, { mode: 'int8', calibration: calib, ioType: 'int8', report: true });
    expect(fakeQuantNodes(r.model)).toEqual([]);
    const input = r.model.graphs[0]!.inputs[0]!;
    const [scale, zp] = expectedParams(attrs);
    expect(input.dtype).toBe('i8');
    expect(input.quant!.scale).toEqual([scale]);
    expect(input.quant!.zeroPoint).toEqual([zp]);
    expect(r.report!.layers.filter((l) => l.rangeFrom === 'fakeQuant').map((l) => l.name).sort())
      .toEqual([x.name, 'BoxPredictor_4/ClassPredictor/act_quant/FakeQuantWithMinMaxVars'].sort());
  });

  it('int16x8 keeps FAKE_QUANT in float (its 8-bit grid is not an int16 one), as before', async () => {
    const float = await floatTflite('fake_quant_per_channel');
    const calib = seededInputs(4, 256, 7).map((x) => [{ data: x, shape: [1, 1, 1, 256] }]);
    const r = quantize(float, { mode: 'int16x8', calibration: calib });
    expect(fakeQuantNodes(r.model).length).toBe(1);
    expect(r.floatNodes).toEqual([fakeQuantNodes(r.model)[0]!.name]);
  });
});
