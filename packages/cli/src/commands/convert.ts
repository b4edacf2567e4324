import { writeFileSync } from 'node:fs';
import { convert as convertModel, type ConvertOptions } from '@liteml/converter';
import { loadModel } from '../load';
import { CliError } from '../errors';
import { flag, onePositional, str, strs, usageError, type Command } from './types';
import { formatBytes } from './inspect';
import { printQuantized, quantizeFlags, quantizeWithFlags } from './quantize';
import type { QuantizationMode } from '@liteml/quantize';

const USAGE = 'convert <model> -o out.tflite [--inputs a,b] [--outputs x,y] [--input-shape name=1,224,224,3] [--signature KEY] [--allow-custom-ops] [--no-optimize] [--quantize MODE [--calibration DIR]] [--json]';

function list(v: string | undefined): string[] | undefined {
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `--input-shape name=1,224,224,3` (repeatable; `name:0=…` accepted). */
export function parseInputShapes(specs: string[]): Record<string, number[]> | undefined {
  if (specs.length === 0) return undefined;
  const out: Record<string, number[]> = {};
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0) usageError(`--input-shape takes NAME=d0,d1,…, got '${spec}'`);
    const dims = spec.slice(eq + 1).split(',').map((d) => Number(d.trim()));
    if (dims.some((d) => !Number.isInteger(d) || d < -1)) usageError(`--input-shape ${spec}: dims must be integers ≥ -1`);
    out[spec.slice(0, eq)] = dims;
  }
  return out;
}

export const convert: Command = {
  name: 'convert',
  usage: USAGE,
  summary: 'TensorFlow model (.pb, .pbtxt, SavedModel, tfjs) → optimized .tflite',
  options: {
    output: { type: 'string', short: 'o' },
    inputs: { type: 'string' },
    outputs: { type: 'string' },
    'input-shape': { type: 'string', multiple: true },
    signature: { type: 'string' },
    'allow-custom-ops': { type: 'boolean' },
    'no-optimize': { type: 'boolean' },
    json: { type: 'boolean' },
    quantize: { type: 'string' },
    ...quantizeFlags,
  },
  async run(args, io) {
    const path = onePositional(args, 'model path', USAGE);
    const out = str(args, 'output') ?? usageError(`-o out.tflite is required\nUsage: liteml ${USAGE}`);
    const json = flag(args, 'json');
    const signature = str(args, 'signature');
    const loaded = await loadModel(path, signature === undefined ? {} : { signature });
    if (loaded.format === 'tflite') throw new CliError('BAD_INPUT', `${path} is already a .tflite (use 'liteml quantize' to quantize it)`);
    const options: ConvertOptions = { allowCustomOps: flag(args, 'allow-custom-ops'), optimize: !flag(args, 'no-optimize') };
    const inputs = list(str(args, 'inputs'));
    if (inputs) options.inputs = inputs;
    const outputs = list(str(args, 'outputs'));
    if (outputs) options.outputs = outputs;
    const shapes = parseInputShapes(strs(args, 'input-shape'));
    if (shapes) options.inputShapes = shapes;
    if (signature) options.signature = signature;
    if (!json && loaded.model.main.nodes.length > 500) {
      options.onProgress = (stage, f) => io.stderr.write(`  ${(f * 100).toFixed(0).padStart(3)}%  ${stage}\n`);
    }
    const t0 = performance.now();
    const result = convertModel(loaded.model, options);
    const ms = performance.now() - t0;
    const mode = str(args, 'quantize');
    if (mode !== undefined) {
      if (!['dynamic', 'float16', 'int8', 'int16x8'].includes(mode)) usageError(`--quantize takes dynamic|float16|int8|int16x8, got '${mode}'`);
      const q = await quantizeWithFlags(result.model, mode as QuantizationMode, args, false);
      writeFileSync(out, q.tflite);
      const floatSize = result.tflite.byteLength;
      return printQuantized(io, args, out, floatSize, q, { input: path, format: loaded.format, mode, floatSizeBytes: floatSize, ...result.report });
    }
    writeFileSync(out, result.tflite);
    const summary = {
      input: path,
      format: loaded.format,
      output: out,
      sizeBytes: result.tflite.byteLength,
      ms,
      nodesBefore: loaded.model.main.nodes.length,
      nodesAfter: result.model.main.nodes.length,
      ...result.report,
    };
    if (json) {
      io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(`converted ${path} (${loaded.format}, ${summary.nodesBefore} nodes) → ${out} (${formatBytes(summary.sizeBytes)}, ${summary.nodesAfter} ops) in ${ms.toFixed(0)} ms\n`);
    const ops = Object.entries(result.report.opCounts).sort((a, b) => b[1] - a[1]);
    io.stdout.write(`ops: ${ops.map(([op, n]) => `${op.replace(/^tfl\./, '')}×${n}`).join(', ')}\n`);
    for (const w of result.report.warnings) io.stderr.write(`warning: ${w}\n`);
    return 0;
  },
};
