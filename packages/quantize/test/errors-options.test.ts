// Errors and options: calibration policy, strictInt8, denylist, ioType, observers, versions.
import { readFileSync } from 'node:fs';
import { Interpreter } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { QuantizationError, quantize } from '../src';
import { asFeeds, mnistSamples } from './helpers/data';

const read = (rel: string) => new Uint8Array(readFileSync(modelPath(rel)));
const catchError = (fn: () => unknown): QuantizationError => {
  try { fn(); } catch (e) { if (e instanceof QuantizationError) return e; throw e; }
  throw new Error('expected a QuantizationError');
};

describeModels('errors and options', () => {
  const mnistFloat = 'aiquant/models/conv_fc_mnist.tflite';
  const mnist = asFeeds(mnistSamples());

  it('int8 and int16x8 refuse to run without calibration data unless random is explicit', () => {
    for (const mode of ['int8', 'int16x8'] as const) {
      const e = catchError(() => quantize(read(mnistFloat), { mode }));
      expect(e.code).toBe('NO_CALIBRATION_DATA');
      expect(e.message).toMatch(/calibration: 'random'/);
    }
    expect(quantize(read(mnistFloat), { mode: 'int8', calibration: 'random' }).tflite.length).toBeGreaterThan(0);
    expect(catchError(() => quantize(read(mnistFloat), { mode: 'int8', calibration: [] })).code).toBe('NO_CALIBRATION_DATA');
  });

  it('a calibration sample of the wrong size is a BAD_CALIBRATION_DATA error', () => {
    const e = catchError(() => quantize(read(mnistFloat), { mode: 'int8', calibration: [[new Float32Array(5)]] }));
    expect(e.code).toBe('BAD_CALIBRATION_DATA');
  });

  it('bad options are named', () => {
    expect(catchError(() => quantize(read(mnistFloat), { mode: 'int4' as never })).message).toMatch(/unknown mode 'int4'/);
    expect(catchError(() => quantize(read(mnistFloat), { mode: 'int8', calibration: mnist, observer: 'kl' as never })).code).toBe('BAD_OPTION');
    expect(catchError(() => quantize(read(mnistFloat), { mode: 'dynamic', ioType: 'int8' })).code).toBe('BAD_OPTION');
  });

  it('a non-tflite input is a BAD_MODEL error', () => {
    expect(catchError(() => quantize(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), { mode: 'float16' })).code).toBe('BAD_MODEL');
  });

  it('ops without an int8 kernel stay float behind QUANTIZE/DEQUANTIZE; strictInt8 lists them in one error', () => {
    const lstm = read('tflm/mnist_lstm_float.tflite');
    const r = quantize(lstm, { mode: 'int8', calibration: 'random' });
    const g = r.model.graphs[0]!;
    const node = g.nodes.find((n) => n.op === 'tfl.UNIDIRECTIONAL_SEQUENCE_LSTM')!;
    expect(r.floatNodes).toContain(node.name);
    expect(node.inputs[0]!.dtype).toBe('f32');
    expect(g.nodes.map((n) => n.op)).toContain('tfl.DEQUANTIZE');
    expect(g.nodes.find((n) => n.op === 'tfl.FULLY_CONNECTED')!.outputs[0]!.dtype).toBe('i8');
    const e = catchError(() => quantize(lstm, { mode: 'int8', calibration: 'random', strictInt8: true }));
    expect(e.code).toBe('NOT_QUANTIZABLE');
    expect(e.names).toEqual([node.name]);
    expect(e.message).toContain(node.name);
    // Denylisted nodes are the user's choice, not an error.
    expect(() => quantize(lstm, { mode: 'int8', calibration: 'random', strictInt8: true, denylist: ['UNIDIRECTIONAL_SEQUENCE_LSTM'] })).not.toThrow();
  });

  it('a node the runtime refuses in int8 (RSQRT of negative calibration values) falls back to float', () => {
    const f = read('aiquant/models/single_rsqrt.tflite');
    const r = quantize(f, { mode: 'int8', calibration: 'random' });
    const rsqrt = r.model.graphs[0]!.nodes.find((n) => n.op === 'tfl.RSQRT')!;
    expect(r.floatNodes).toEqual([rsqrt.name]);
    expect(rsqrt.outputs[0]!.dtype).toBe('f32');
    expect(catchError(() => quantize(f, { mode: 'int8', calibration: 'random', strictInt8: true })).names).toEqual([rsqrt.name]);
  });

  it('custom ops without a kernel: dynamic/float16 still quantize, int8 calibration says what is missing', () => {
    const f = read('litert/tflite/testdata/custom_sinh.bin');
    expect(quantize(f, { mode: 'float16' }).tflite.length).toBeGreaterThan(0);
    const e = catchError(() => quantize(f, { mode: 'int8', calibration: 'random' }));
    expect(e.code).toBe('BAD_MODEL');
    expect(e.message).toMatch(/Sinh.*registerCustomOp/s);
  });

  it('denylist by op name keeps every node of that op float (int8 and dynamic)', () => {
    const f = read(mnistFloat);
    const r = quantize(f, { mode: 'int8', calibration: mnist, denylist: ['tfl.FULLY_CONNECTED'] });
    const fcs = r.model.graphs[0]!.nodes.filter((n) => n.op === 'tfl.FULLY_CONNECTED');
    expect(fcs.length).toBe(2);
    for (const n of fcs) expect([n.inputs[0]!.dtype, n.inputs[1]!.dtype]).toEqual(['f32', 'f32']);
    expect(r.model.graphs[0]!.nodes.find((n) => n.op === 'tfl.CONV_2D')!.inputs[1]!.dtype).toBe('i8');
    const d = quantize(f, { mode: 'dynamic', denylist: ['FULLY_CONNECTED'] });
    for (const n of d.model.graphs[0]!.nodes.filter((x) => x.op === 'tfl.FULLY_CONNECTED')) expect(n.inputs[1]!.dtype).toBe('f32');
  });

  describe('int8 model structure (conv_fc_mnist)', () => {
    it('per-channel int8 weights, int32 bias = input scale × weight scale, fixed SOFTMAX output, TFLite versions', () => {
      const r = quantize(read(mnistFloat), { mode: 'int8', calibration: mnist, ioType: 'int8' });
      const g = r.model.graphs[0]!;
      const conv = g.nodes.find((n) => n.op === 'tfl.CONV_2D')!;
      const [x, w, b] = conv.inputs;
      expect(w!.dtype).toBe('i8');
      expect(w!.quant!.axis).toBe(0);
      expect(w!.quant!.scale.length).toBe(8);
      expect(w!.quant!.zeroPoint.every((z) => z === 0)).toBe(true);
      expect(b!.dtype).toBe('i32');
      b!.quant!.scale.forEach((s, c) => expect(Math.abs(s / (x!.quant!.scale[0]! * w!.quant!.scale[c]!) - 1)).toBeLessThan(1e-6));
      expect(conv.version).toBe(3);
      const softmax = g.nodes.find((n) => n.op === 'tfl.SOFTMAX')!;
      expect(softmax.outputs[0]!.quant).toMatchObject({ scale: [1 / 256], zeroPoint: [-128] });
      expect(softmax.version).toBe(2);
      const pool = g.nodes.find((n) => n.op === 'tfl.AVERAGE_POOL_2D')!;
      expect(pool.outputs[0]!.quant!.scale).toEqual(pool.inputs[0]!.quant!.scale);
      expect(g.nodes.find((n) => n.op === 'tfl.FULLY_CONNECTED')!.version).toBe(4);
      expect(g.inputs[0]!.dtype).toBe('i8');
      expect(g.outputs[0]!.dtype).toBe('i8');
      // Names and the signature survive.
      expect(g.outputs[0]!.name).toBe('StatefulPartitionedCall:0');
      expect(r.model.signatures[0]!.outputs[0]!.value).toBe(g.outputs[0]);
    });

    it('per-tensor option gives one weight scale', () => {
      const r = quantize(read(mnistFloat), { mode: 'int8', calibration: mnist, perTensor: true });
      const conv = r.model.graphs[0]!.nodes.find((n) => n.op === 'tfl.CONV_2D')!;
      expect(conv.inputs[1]!.quant!.scale.length).toBe(1);
    });

    it('int16x8: symmetric int16 activations, int64 bias, versions', () => {
      const r = quantize(read(mnistFloat), { mode: 'int16x8', calibration: mnist });
      const g = r.model.graphs[0]!;
      const conv = g.nodes.find((n) => n.op === 'tfl.CONV_2D')!;
      expect(conv.inputs[0]!.dtype).toBe('i16');
      expect(conv.outputs[0]!.quant!.zeroPoint).toEqual([0]);
      expect(conv.inputs[2]!.dtype).toBe('i64');
      expect(conv.version).toBe(4);
      expect(g.inputs[0]!.dtype).toBe('f32');
      expect(g.nodes[0]!.op).toBe('tfl.QUANTIZE');
      expect(g.nodes[0]!.version).toBe(2);
    });

    it('dynamic: int8 symmetric weights, hybrid versions and asymmetric input quantization', () => {
      const r = quantize(read(mnistFloat), { mode: 'dynamic' });
      const g = r.model.graphs[0]!;
      const fc = g.nodes.find((n) => n.op === 'tfl.FULLY_CONNECTED' && n.inputs[1]!.dtype === 'i8')!;
      expect(fc.attrs.asymmetricQuantizeInputs).toBe(true);
      expect(fc.version).toBe(9);
      expect(fc.inputs[1]!.quant!.zeroPoint).toEqual([0]);
      const conv = g.nodes.find((n) => n.op === 'tfl.CONV_2D')!;
      // 8x3x3x1 = 72 weights: under TFLite's 1024-element threshold, stays float.
      expect(conv.inputs[1]!.dtype).toBe('f32');
      expect(conv.version ?? 1).toBe(1);
    });

    it('all observers produce working models; onProgress reports the stages', () => {
      const stages = new Set<string>();
      for (const observer of ['minmax', 'percentile', 'mse'] as const) {
        const r = quantize(read(mnistFloat), { mode: 'int8', calibration: mnist, observer, onProgress: (p) => stages.add(p.stage) });
        const out = Interpreter.createSync(r.tflite).run(mnist[3]!);
        expect(Object.values(out)[0]!.data.length).toBe(10);
      }
      expect([...stages].sort()).toEqual(['calibrate', 'rewrite', 'verify']);
    });
  });
});
