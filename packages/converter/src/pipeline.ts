// The optimization pipeline, in order. Each entry is a named pass over the whole model.
import { deadCodeElimination, deduplicateConstants, inferShapes, type Pass } from '@liteml/graph-ir';
import { eliminateTransposes } from './passes/eliminate-transposes';
import { foldConstants, type FoldConstantsOptions } from './passes/fold-constants';
import { foldScaleAndBias } from './passes/fold-scale-bias';
import { fuseActivations } from './passes/fuse-activations';
import { removeIdentities } from './passes/remove-identities';

export interface PipelineOptions extends FoldConstantsOptions {}

/** Re-infers every shape: folding turns shape computations into constants, which makes more dims static. */
export const refineShapes: Pass = {
  name: 'infer-shapes',
  run: (model) => {
    const before = model.graphs.map((g) => g.nodes.map((n) => n.outputs.map((o) => String(o.shape)).join()).join());
    inferShapes(model);
    return model.graphs.some((g, i) => g.nodes.map((n) => n.outputs.map((o) => String(o.shape)).join()).join() !== before[i]);
  },
};

/** The passes `optimize` runs on a legalized (tfl.*) model. */
export function optimizationPipeline(options: PipelineOptions = {}): Pass[] {
  return [
    foldConstants(options), //       weight transposes/reshapes, batch-norm factors, shape arithmetic
    refineShapes, //                 dims that folded shape arithmetic made static
    foldConstants(options), //       SHAPE of what became static
    removeIdentities, //             no-op casts, reshapes, transposes, +0, *1
    eliminateTransposes, //          transpose/reshape chains
    foldConstants(options), //       what the rewrites above exposed
    refineShapes,
    foldScaleAndBias, //             batch norm, bias add, scale into conv/FC weights and bias
    deadCodeElimination,
    fuseActivations, //              RELU/RELU6/RELU_N1_TO_1 into the producer
    deadCodeElimination,
    deduplicateConstants, //         one buffer per distinct constant
  ];
}
