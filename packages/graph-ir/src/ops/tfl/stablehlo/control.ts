// StableHLO ops driven by subgraphs or external code: while, case, composite, custom_call, rng.
import { bool, bytes, enumOf, int, ints, str, subgraph } from '../../attrs';
import { declaredOutputs, like, vt } from '../../infer/util';
import { all, hlo } from './common';

export const STABLEHLO_CUSTOM_CALL = hlo('STABLEHLO_CUSTOM_CALL', {
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  optionsTable: 'StablehloCustomCallOptions',
  attrs: {
    callTargetName: str(''), hasSideEffect: bool(), backendConfig: str(''), apiVersion: int(),
    calledComputations: ints([]), customAttributes: bytes(),
  },
  doc: 'stablehlo.custom_call to callTargetName: semantics are the target\'s, so the declared outputs are kept.',
  infer: (a) => declaredOutputs(a, 'the custom-call target'),
});

export const STABLEHLO_WHILE = hlo('STABLEHLO_WHILE', {
  inputs: ['operands*'],
  outputs: ['outputs*'],
  optionsTable: 'StablehloWhileOptions',
  attrs: { condSubgraphIndex: subgraph(), bodySubgraphIndex: subgraph() },
  outputsFromSubgraph: 'bodySubgraphIndex',
  doc: 'stablehlo.while: loop-carried operands keep their types.',
  infer: (a) => all(a).map((t) => vt(t.dtype, t.shape)),
});

export const STABLEHLO_CASE = hlo('STABLEHLO_CASE', {
  inputs: ['index'],
  outputs: ['outputs*'],
  optionsTable: 'StablehloCaseOptions',
  attrs: { branchSubgraphIndices: ints([]) },
  outputsFromSubgraph: 'branchSubgraphIndices',
  doc: 'stablehlo.case: runs branch `index` (clamped to the last) of branchSubgraphIndices; outputs are those of the branches (all agree; the first is used).',
  infer: (a) => declaredOutputs(a, 'the branch subgraphs'),
});

export const STABLEHLO_COMPOSITE = hlo('STABLEHLO_COMPOSITE', {
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  optionsTable: 'StableHLOCompositeOptions',
  attrs: {
    name: str(''), decompositionSubgraphIndex: subgraph(), compositeAttributes: bytes(),
    compositeAttributesFormat: enumOf(['FLEXBUFFERS'], 'FLEXBUFFERS', 'CustomOptionsFormat'), version: int(),
  },
  outputsFromSubgraph: 'decompositionSubgraphIndex',
  doc: 'stablehlo.composite `name` (e.g. odml.rms_norm): behaves as its decomposition subgraph, whose outputs are its outputs.',
  infer: (a) => declaredOutputs(a, 'the decomposition subgraph'),
});

export const STABLEHLO_RNG_BIT_GENERATOR = hlo('STABLEHLO_RNG_BIT_GENERATOR', {
  inputs: ['initialState'],
  outputs: ['outputState', 'output'],
  optionsTable: 'StablehloRngBitGeneratorOptions',
  attrs: { algorithm: enumOf(['DEFAULT', 'PHILOX', 'THREEFRY'], 'DEFAULT', 'RngAlgorithm') },
  doc: 'stablehlo.rng_bit_generator: the next state (type of the initial state) and random bits whose shape is only in the result type (declared output kept).',
  infer: (a) => [like(a, 0), declaredOutputs(a, 'the result type')[1] ?? vt('u32', undefined)],
});
