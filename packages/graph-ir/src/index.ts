// @liteml/graph-ir public API (see README.md).

// Data model
export { IRError, type IRErrorCode, type IRProblem } from './errors';
export {
  type DType, type TypedArray, DTYPES, isDType, dtypeByteSize, isFloatDType, isIntDType, typedArrayOf, bytesOf,
  encodeStrings, dtypeFromTflite, dtypeToTflite, dtypeFromTf, dtypeToTf,
} from './dtype';
export {
  type Dim, type Shape, isStaticShape, isKnownDim, shapeSize, shapesEqual, shapesCompatible, formatShape,
  broadcastShapes, staticShapeOf,
} from './shape';
export {
  type AttrValue, type QuantParams, type ValueInit, type NodeInit, type ModelInit, type Signature,
  Value, Node, Graph, Model,
} from './ir';

// Building, walking, checking
export { GraphBuilder, type ValueOptions, type OpOptions } from './builder';
export {
  graphValues, producers, consumers, nextValueId, toposort, subgraphRefs, isSubgraphAttr, replaceAllUses,
} from './walk';
export { verify, type VerifyOptions } from './verify';
export { inferShapes, inferNode, constantValues, type InferOptions, type InferShapesResult } from './infer';

// Op schemas (src/ops)
export {
  defineOp, getOpSchema, allOpSchemas, withDefaultAttrs,
  type AttrSpec, type ValueType, type InferArgs, type OpSchema, type OpSpec,
  tfl, tf,
} from './ops';

// Text form
export { printModel, printGraph, type PrintOptions } from './text/print';
export { parseModel } from './text/parse';

// .tflite adapters
export { importTflite, type ImportOptions } from './tflite/import';
export { exportTflite, toTfliteModel } from './tflite/export';

// Rewriting and passes
export { type Pattern, type Captures } from './rewrite/pattern';
export {
  rewrite, replaceValue, type Rule, type RewriteFn, type RewriteContext, type RewriteOptions, type RewriteResult,
} from './rewrite/rewrite';
export { PassManager, rewritePass, type Pass, type PassManagerOptions, type PassRunResult } from './passes/pass';
export { deadCodeElimination, eliminateDeadCode } from './passes/dce';
export { commonSubexpressionElimination, eliminateCommonSubexpressions } from './passes/cse';
export { deduplicateConstants, deduplicateConstantsIn } from './passes/dedup-constants';
export { inlineComposites } from './passes/inline-composites';
export { hasSideEffects, SIDE_EFFECT_OPS } from './passes/side-effects';
