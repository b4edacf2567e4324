// tfjs graph models (model.json + weight shards) → tf.* Model. The topology is a GraphDef; the
// manifest's weights become the values of their Const nodes (quantized weights dequantized).
// tfjs's fused ops (_FusedConv2D, _FusedMatMul, FusedDepthwiseConv2dNative with `fused_ops`)
// stay tf.* nodes for legalization.
import { Model } from '@liteml/graph-ir';
import { ModelFormatError, readTfjsModel } from '@liteml/schema';
import type { TfjsModel } from '@liteml/schema';
import { ConversionError } from '../errors';
import { shapeToDims, toDType } from './attrs';
import { importGraphDef, type ImportGraphDefOptions, type TensorSpec } from './graphdef';

export type ImportTfjsOptions = ImportGraphDefOptions;

/**
 * Imports a tfjs graph model: `modelJson` (text, bytes or parsed object) and the weight shards
 * (in manifest order, or keyed by their manifest path). The model.json signature, when present,
 * gives the inputs/outputs (unless the options name them) and the Model's signature.
 */
export function importTfjsModel(
  modelJson: string | Uint8Array | Record<string, unknown>,
  shards: readonly Uint8Array[] | Record<string, Uint8Array> = [],
  options: ImportTfjsOptions = {},
): Model {
  let tfjs: TfjsModel;
  try {
    tfjs = readTfjsModel(modelJson, shards);
  } catch (e) {
    if (e instanceof ModelFormatError) throw new ConversionError('BAD_MODEL', `cannot read the tfjs model: ${e.message}`, undefined, { cause: e });
    throw e;
  }
  const sig = tfjs.signature;
  const useSig = sig !== undefined && options.inputs === undefined && options.outputs === undefined;
  const inKeys = useSig ? Object.keys(sig.inputs) : [];
  const outKeys = useSig ? Object.keys(sig.outputs) : [];
  const spec = (info: (typeof sig & object)['inputs'][string], key: string): TensorSpec => {
    const s: TensorSpec = { name: info.name ?? key };
    if (info.dtype !== undefined && info.dtype !== 'DT_INVALID') s.dtype = toDType(info.dtype, s.name);
    const shape = shapeToDims(info.tensorShape);
    if (shape) s.shape = shape;
    return s;
  };
  const model = importGraphDef(tfjs.graph, useSig
    ? { ...options, inputs: inKeys.map((k) => spec(sig.inputs[k]!, k)), outputs: outKeys.map((k) => spec(sig.outputs[k]!, k).name) }
    : options);
  if (useSig) {
    const g = model.graphs[0]!;
    model.signatures = [{
      key: 'serving_default',
      graphIndex: 0,
      inputs: inKeys.map((k, i) => ({ name: k, value: g.inputs[i]! })),
      outputs: outKeys.map((k, i) => ({ name: k, value: g.outputs[i]! })),
    }];
  }
  return model;
}
