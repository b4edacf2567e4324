// Every mode on a few real models: the model runs, the report lists its layers with sane numbers.
import { readFileSync } from 'node:fs';
import { type Model, getOpSchema } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { type QuantizationMode, formatReport, quantizationReport, quantize } from '../src';
import { denylistHint } from '../src/report/report';
import { asFeeds, mnistSamples } from './helpers/data';

const read = (rel: string) => new Uint8Array(readFileSync(modelPath(rel)));
const MODES: QuantizationMode[] = ['dynamic', 'float16', 'int8', 'int16x8'];
const ops = (m: Model) => m.graphs[0]!.nodes.map((n) => n.op);

describeModels('every mode on real models, with the report', () => {
  const mnist = asFeeds(mnistSamples());
  const models = [
    { name: 'aiquant/models/conv_fc_mnist.tflite', calibration: mnist as Iterable<never> | 'random', minCosine: 0.99 },
    { name: 'tflm/hello_world_float.tflite', calibration: 'random' as const, minCosine: 0.9 },
    { name: 'aiquant/models/branching_conv_fc.tflite', calibration: 'random' as const, minCosine: 0.95 },
    { name: 'tflm/mnist_lstm_float.tflite', calibration: 'random' as const, minCosine: 0.9 },
  ];
  for (const m of models) {
    for (const mode of MODES) {
      it(`${m.name} ${mode}`, () => {
        const f = read(m.name);
        const r = quantize(f, { mode, calibration: m.calibration, report: true });
        const report = r.report!;
        // The report names the model's layers (tensor names shared with the float model).
        const floatLayers = Interpreter.createSync(f).model.graphs[0]!.nodes.length;
        expect(report.layers.length).toBeGreaterThanOrEqual(Math.min(floatLayers, 2));
        for (const l of report.layers) {
          expect(l.mse).toBeGreaterThanOrEqual(0);
          expect(l.maxAbsError).toBeGreaterThanOrEqual(0);
          expect(Math.abs(l.cosine)).toBeLessThanOrEqual(1 + 1e-9);
          if (l.op !== 'input') expect(getOpSchema(l.op) ?? l.op.startsWith('tfl.')).toBeTruthy();
          if (l.dtype === 'i8' || l.dtype === 'i16') expect(l.scale).toBeGreaterThan(0);
          else expect(l.scale).toBeNull();
        }
        expect(report.outputs.length).toBe(1);
        expect(report.outputs[0]!.cosine).toBeGreaterThanOrEqual(m.minCosine);
        if (mode === 'float16') expect(report.outputs[0]!.snrDb).toBeGreaterThan(40);
        // The result runs in our runtime and matches the declared modes.
        if (mode === 'float16') expect(ops(r.model)).toContain('tfl.DEQUANTIZE');
        if (mode === 'int8' || mode === 'int16x8') {
          const act = mode === 'int8' ? 'i8' : 'i16';
          expect(r.model.graphs[0]!.nodes.some((n) => n.outputs[0]!.dtype === act)).toBe(true);
        }
        const text = formatReport(report);
        expect(text).toContain('SNR dB');
        for (const l of report.layers.slice(0, 3)) expect(text).toContain(l.op.replace('tfl.', ''));
      });
    }
  }

  it('quantizationReport on a separately quantized model (ai-edge-quantizer\'s a8w8 mnist)', () => {
    const report = quantizationReport(read('aiquant/models/conv_fc_mnist.tflite'), read('aiquant/models/conv_fc_mnist_srq_a8w8.tflite'), mnist);
    expect(report.samples).toBe(10);
    const conv = report.layers.find((l) => l.op === 'tfl.CONV_2D')!;
    expect(conv.dtype).toBe('i8');
    expect(conv.scale).toBeCloseTo(0.007022293284535408, 9);
    expect(conv.zeroPoint).toBe(-128);
    expect(report.outputs[0]!.top1Agreement).toBe(1);
    expect(report.outputs[0]!.cosine).toBeGreaterThan(0.95);
    expect(report.outputs[0]!.cosine).toBeLessThan(1);
  });

  it('suggests the layers that lose the most SNR, and denylisting them keeps them float', () => {
    const f = read('aiquant/models/conv_fc_mnist.tflite');
    const r = quantize(f, { mode: 'int8', calibration: mnist, report: true });
    const report = quantizationReport(f, r.tflite, mnist, { minDropDb: 0, maxSnrDb: Infinity, maxSuggestions: 2 });
    expect(report.suggestions.length).toBe(2);
    expect(report.suggestions[0]!.dropDb).toBeGreaterThanOrEqual(report.suggestions[1]!.dropDb);
    const name = report.suggestions[0]!.name;
    // The message says how to do it from the API and from the CLI.
    expect(report.suggestions[0]!.message).toContain(`denylist: [${JSON.stringify(name)}]`);
    expect(report.suggestions[0]!.message).toContain(`--denylist '${name}'`);
    const both = report.suggestions.map((s) => s.name);
    expect(formatReport(report)).toContain(`--denylist '${both.join(',')}'`);
    expect(denylistHint(["a;b", "it's"])).toContain(`--denylist 'a;b,it'\\''s'`);
    const again = quantize(f, { mode: 'int8', calibration: mnist, denylist: [name] });
    expect(again.floatNodes).toContain(name);
    const node = again.model.graphs[0]!.nodes.find((n) => n.outputs.some((o) => o.name === name))!;
    expect(node.outputs[0]!.dtype).toBe('f32');
  });
});
