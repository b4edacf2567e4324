// The optimization pipeline, in order. Each entry is a named pass over the whole model.
import { deadCodeElimination, deduplicateConstants, type Pass } from '@liteml/graph-ir';
import { eliminateTransposes } from './passes/eliminate-transposes';
import { foldConstants, type FoldConstantsOptions } from './passes/fold-constants';
import { foldScaleAndBias } from './passes/fold-scale-bias';
import { fuseActivations } from './passes/fuse-activations';
import { removeIdentities } from './passes/remove-identities';

export interface PipelineOptions extends FoldConstantsOptions {}

/** The passes `optimize` runs on a legalized (tfl.*) model. */
export function optimizationPipeline(options: PipelineOptions = {}): Pass[] {
  return [
    foldConstants(options), //       weight transposes/reshapes, batch-norm factors, shape arithmetic
    removeIdentities, //             no-op casts, reshapes, transposes, +0, *1
    eliminateTransposes, //          transpose/reshape chains
    foldConstants(options), //       what the rewrites above exposed
    foldScaleAndBias, //             batch norm, bias add, scale into conv/FC weights and bias
    deadCodeElimination,
    fuseActivations, //              RELU/RELU6/RELU_N1_TO_1 into the producer
    deadCodeElimination,
    deduplicateConstants, //         one buffer per distinct constant
  ];
}
