import { writeFileSync } from 'node:fs';
import type { Model } from '@liteml/graph-ir';
import { formatReport, quantize as quantizeModel, type QuantizationMode, type QuantizeOptions, type QuantizeResult } from '@liteml/quantize';
import { convert } from '@liteml/converter';
import { loadModel } from '../load';
import { readCalibration } from '../calibration';
import { modelInputs } from '../tensors';
import type { Io } from '../main';
import { flag, onePositional, str, usageError, type Command, type Parsed } from './types';
import { formatBytes } from './inspect';

const USAGE = 'quantize <model> -o out.tflite --mode dynamic|float16|int8|int16x8 [--calibration DIR|random] [--per-tensor] [--io-type int8|uint8|float32] [--report] [--json]';
const MODES = ['dynamic', 'float16', 'int8', 'int16x8'] as const;

export const quantizeFlags = {
  calibration: { type: 'string' },
  'per-tensor': { type: 'boolean' },
  'io-type': { type: 'string' },
  'strict-int8': { type: 'boolean' },
  denylist: { type: 'string' },
  observer: { type: 'string' },
} as const;

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) usageError(`--${name} takes ${allowed.join('|')}, got '${v}'`);
  return v as T;
}

/** Quantizes a float tfl.* model with the quantize flags; shared by `quantize` and `convert --quantize`. */
export async function quantizeWithFlags(model: Model, mode: QuantizationMode, args: Parsed, report: boolean): Promise<QuantizeResult> {
  const options: QuantizeOptions = { mode, report, perTensor: flag(args, 'per-tensor'), strictInt8: flag(args, 'strict-int8') };
  const cal = str(args, 'calibration');
  if (cal !== undefined) options.calibration = await readCalibration(cal, modelInputs(model));
  const io = oneOf(str(args, 'io-type'), ['int8', 'uint8', 'float32'] as const, 'io-type');
  if (io) options.ioType = io;
  const observer = oneOf(str(args, 'observer'), ['minmax', 'percentile', 'mse'] as const, 'observer');
  if (observer) options.observer = observer;
  const deny = str(args, 'denylist');
  if (deny) options.denylist = deny.split(',').map((s) => s.trim()).filter(Boolean);
  return quantizeModel(model, options);
}

export function printQuantized(io: Io, args: Parsed, out: string, before: number, result: QuantizeResult, extra: object = {}): number {
  if (flag(args, 'json')) {
    io.stdout.write(`${JSON.stringify({ output: out, sizeBytes: result.tflite.byteLength, ratio: result.tflite.byteLength / before, floatNodes: result.floatNodes, report: result.report, ...extra }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`wrote ${out}: ${formatBytes(result.tflite.byteLength)} (${((100 * result.tflite.byteLength) / before).toFixed(1)}% of ${formatBytes(before)})\n`);
  if (result.floatNodes.length) io.stdout.write(`kept in float (${result.floatNodes.length}): ${result.floatNodes.join(', ')}\n`);
  if (result.report) io.stdout.write(`\n${formatReport(result.report, { worst: 20 })}\n`);
  return 0;
}

export const quantize: Command = {
  name: 'quantize',
  usage: USAGE,
  summary: 'post-training quantization of a float .tflite (or a TF model), with a per-layer error report',
  options: {
    output: { type: 'string', short: 'o' },
    mode: { type: 'string' },
    report: { type: 'boolean' },
    'report-json': { type: 'string' },
    json: { type: 'boolean' },
    ...quantizeFlags,
  },
  async run(args, io) {
    const path = onePositional(args, 'model path', USAGE);
    const out = str(args, 'output') ?? usageError(`-o out.tflite is required\nUsage: liteml ${USAGE}`);
    const mode = oneOf(str(args, 'mode'), MODES, 'mode') ?? usageError(`--mode ${MODES.join('|')} is required`);
    const loaded = await loadModel(path);
    const model = loaded.format === 'tflite' ? loaded.model : convert(loaded.model).model;
    const reportJson = str(args, 'report-json');
    const result = await quantizeWithFlags(model, mode, args, flag(args, 'report') || reportJson !== undefined);
    writeFileSync(out, result.tflite);
    if (reportJson && result.report) writeFileSync(reportJson, `${JSON.stringify(result.report, null, 2)}\n`);
    return printQuantized(io, args, out, loaded.sizeBytes, result, { input: path, mode });
  },
};
