// Running a TensorFlow model as TensorFlow defines it: the ORIGINAL graph, legalized to tfl.* ops
// but NOT optimized (no folding, fusion or weight rewriting), on the runtime's reference backend.
// This is the baseline a converted .tflite is compared against.
import type { Model } from '@liteml/graph-ir';
import { Interpreter, type Feeds, type Tensor } from '@liteml/runtime';
import { cloneModel } from './clone';
import { ConversionError } from './errors';
import { legalize } from './convert';
import { checkTarget } from './target';

export interface EvaluateOptions {
  /** Keep intermediates readable (for per-layer comparison). */
  preserveAllTensors?: boolean;
}

/** An interpreter over the legalized, unoptimized copy of a tf.* model. */
export function tfInterpreter(model: Model, options: EvaluateOptions = {}): Interpreter {
  const m = cloneModel(model);
  checkTarget(m, legalize(m));
  try {
    return Interpreter.createSync(m, { preserveAllTensors: options.preserveAllTensors ?? false });
  } catch (e) {
    throw new ConversionError('EVALUATION_FAILED', `cannot run the legalized model on the reference backend: ${(e as Error).message}`, (e as { nodes?: string[] }).nodes, { cause: e });
  }
}

/**
 * Evaluates a tf.* model on `feeds` (by input name or position) and returns its outputs by name.
 * Runs the original graph (legalized, not optimized) on the reference backend.
 */
export function evaluateTf(model: Model, feeds: Feeds): Record<string, Tensor> {
  return runResized(tfInterpreter(model), feeds);
}

/** Runs with every input first resized to the shape its feed carries (dynamic/unranked inputs). */
export function runResized(interp: Interpreter, feeds: Feeds): Record<string, Tensor> {
  const infos = interp.inputs;
  infos.forEach((info, i) => {
    const f = (Array.isArray(feeds) ? feeds[i] : (feeds as Record<string, unknown>)[info.name]) as { shape?: readonly number[] } | undefined;
    const shape = f && !ArrayBuffer.isView(f) && !Array.isArray(f) ? f.shape : undefined;
    if (shape && shape.join() !== info.shape.join()) interp.resizeInput(i, shape);
  });
  return interp.run(feeds);
}
