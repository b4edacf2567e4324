// quantize(): post-training quantization of a float .tflite model (graph-ir Model in the tfl dialect).
import { type Model, exportTflite } from '@liteml/graph-ir';
import { Interpreter, RuntimeError } from '@liteml/runtime';
import { calibrate } from './calibration/calibrate';
import { sequentialBiasCorrection } from './calibration/sequential-correction';
import type { RangeObserver } from './calibration/observers';
import { randomSamples } from './calibration/random';
import { QuantizationError } from './errors';
import { quantizeDynamic } from './modes/dynamic';
import { quantizeFloat16 } from './modes/float16';
import { type RewriteResult, quantizeInteger } from './modes/integer';
import { quantizationReport } from './report/report';
import type { CalibrationSample, QuantizeOptions, QuantizeResult } from './types';
import { adaptSample } from './util/feeds';
import { inDenylist, loadCopy, modelBytes, normalizeOpName } from './util/graph';

const MODES = ['dynamic', 'float16', 'int8', 'int16x8'];
const OBSERVERS = ['minmax', 'percentile', 'mse'];
const IO_TYPES = ['int8', 'uint8', 'float32'];
/** Rebuilds after the runtime refuses a node at most this many times. */
const MAX_FALLBACK_ROUNDS = 6;

function checkOptions(o: QuantizeOptions): void {
  if (!MODES.includes(o.mode)) throw new QuantizationError('BAD_OPTION', `unknown mode '${String(o.mode)}'; use one of ${MODES.join(', ')}`);
  if (o.observer !== undefined && !OBSERVERS.includes(o.observer)) {
    throw new QuantizationError('BAD_OPTION', `unknown observer '${String(o.observer)}'; use one of ${OBSERVERS.join(', ')}`);
  }
  if (o.ioType !== undefined && !IO_TYPES.includes(o.ioType)) {
    throw new QuantizationError('BAD_OPTION', `unknown ioType '${String(o.ioType)}'; use one of ${IO_TYPES.join(', ')}`);
  }
  if (o.ioType !== undefined && o.ioType !== 'float32' && o.mode !== 'int8') {
    throw new QuantizationError('BAD_OPTION', `ioType '${o.ioType}' needs mode 'int8' (${o.mode} models keep float inputs and outputs)`);
  }
}

/** Node names the runtime refuses (no kernel for these dtypes, or a kernel that throws). */
function runtimeProblems(bytes: Uint8Array, sample: CalibrationSample | undefined): { names: string[]; message: string } | undefined {
  try {
    const model = loadCopy(bytes);
    const it = Interpreter.createSync(model);
    if (sample) it.run(adaptSample(sample, model.graphs[0]!));
    return undefined;
  } catch (e) {
    if (e instanceof RuntimeError && (e.code === 'UNSUPPORTED_OPS' || e.code === 'KERNEL_FAILED' || e.code === 'SHAPE_MISMATCH')) {
      return { names: e.names, message: e.message };
    }
    throw e;
  }
}

/** Value ids of the data inputs of the nodes whose bias absorbs the weight-quantization shift. */
function biasCorrectionInputs(model: Model): Set<number> {
  const ids = new Set<number>();
  for (const n of model.graphs[0]!.nodes) {
    if ((n.op === 'tfl.CONV_2D' || n.op === 'tfl.DEPTHWISE_CONV_2D' || n.op === 'tfl.FULLY_CONNECTED') && n.inputs[0] && n.inputs[2]) ids.add(n.inputs[0].id);
  }
  return ids;
}

export function quantize(model: Model | Uint8Array, options: QuantizeOptions): QuantizeResult {
  checkOptions(options);
  const floatBytes = modelBytes(model);
  const progress = options.onProgress;
  const deny = new Set((options.denylist ?? []).flatMap((d) => [d, normalizeOpName(d)]));
  const integer = options.mode === 'int8' || options.mode === 'int16x8';
  let samples: CalibrationSample[] | undefined;
  if (options.calibration === 'random') samples = randomSamples(loadCopy(floatBytes), 8);
  else if (options.calibration !== undefined) samples = Array.from(options.calibration);
  if (integer && samples === undefined) {
    throw new QuantizationError('NO_CALIBRATION_DATA',
      `${options.mode} quantization needs representative inputs to choose activation ranges: pass calibration: [...samples] ` +
      `(100+ real inputs), or calibration: 'random' explicitly (random data gives useless ranges; smoke tests only)`);
  }

  let ranges: Map<number, RangeObserver> | undefined;
  let inputMeans = new Map<number, Float64Array>();
  let floatMeansOf = new Set<number>();
  if (integer) {
    const calib = loadCopy(floatBytes);
    const meansOf = options.biasCorrection === false ? new Set<number>() : biasCorrectionInputs(calib);
    floatMeansOf = meansOf;
    const result = calibrate(calib, samples!, options.observer ?? 'minmax', options.percentile, progress, meansOf);
    ranges = result.ranges;
    inputMeans = result.means;
  }

  // Nodes the runtime cannot run even in float (custom ops without a kernel …) are not ours to judge.
  const preexisting = new Set(runtimeProblems(floatBytes, undefined)?.names ?? []);
  const forceFloat = new Set<string>();
  const perTensor = options.perTensor ?? false;
  for (let round = 0; ; round++) {
    progress?.({ stage: 'rewrite', done: round });
    const work = loadCopy(floatBytes);
    let result: RewriteResult;
    if (options.mode === 'dynamic') result = quantizeDynamic(work, { perTensor, deny, forceFloat });
    else if (options.mode === 'float16') result = quantizeFloat16(work, { deny, forceFloat });
    else {
      result = quantizeInteger(work, ranges!, {
        bits: options.mode === 'int8' ? 8 : 16, perTensor, ioType: options.ioType ?? 'float32', deny, forceFloat, inputMeans,
      });
    }
    // int8 activations are coarse enough for their error to shift layer means; with int16 the
    // weight-only correction (already in the biases) measured better.
    if (options.mode === 'int8' && floatMeansOf.size > 0) sequentialBiasCorrection(work, inputMeans, samples!);
    const tflite = exportTflite(work);
    progress?.({ stage: 'verify', done: round });
    const problem = runtimeProblems(tflite, preexisting.size > 0 ? undefined : samples?.[0]);
    const names = problem ? problem.names.map((n) => result.renamed?.get(n) ?? n).filter((n) => !preexisting.has(n)) : [];
    const blocking = problem !== undefined && (problem.names.length === 0 || names.length > 0);
    const refused = names.filter((n) => result.quantizedNodes.includes(n) && !forceFloat.has(n));
    if (problem && blocking && (refused.length === 0 || round >= MAX_FALLBACK_ROUNDS)) {
      throw new QuantizationError('NOT_QUANTIZABLE', `the quantized model does not run: ${problem.message}`, problem.names);
    }
    if (refused.length > 0) {
      refused.forEach((n) => forceFloat.add(n));
      continue;
    }
    if (options.strictInt8 && integer) {
      const floating = new Set([...result.floatNodes, ...forceFloat]);
      const floatOps = work.graphs[0]!.nodes.filter((n) => floating.has(n.name) && !inDenylist(n, deny)).map((n) => n.name);
      if (floatOps.length > 0) {
        throw new QuantizationError('NOT_QUANTIZABLE',
          `strictInt8: ${floatOps.length} node(s) have no ${options.mode} kernel and would stay float: ${floatOps.join(', ')}` +
          ' (drop strictInt8 to keep them float behind QUANTIZE/DEQUANTIZE, or denylist them)', floatOps);
      }
    }
    const out: QuantizeResult = { tflite, model: loadCopy(tflite), floatNodes: [...result.floatNodes] };
    if (options.report) {
      progress?.({ stage: 'report', done: 0 });
      out.report = quantizationReport(floatBytes, tflite, samples ?? 'random', { fakeQuantTensors: result.fakeQuantTensors });
    }
    return out;
  }
}
