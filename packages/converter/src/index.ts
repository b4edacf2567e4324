// @liteml/converter public API.
export * from './errors';
export * from './frontends/index';
export { convert, legalize, optimize, selectTensors, type ConvertOptions, type ConvertResult, type ConversionReport } from './convert';
export { evaluateTf, tfInterpreter, type EvaluateOptions } from './evaluate';
export { compareModels, randomFeeds, type CompareOptions, type ComparisonResult, type TensorComparison } from './compare';
export { legalizableTfOps, rule, rules, TfNode, LegalizeBuilder, type LegalizeRule, type LegalizeFn } from './legalize/index';
export { optimizationPipeline, type PipelineOptions } from './pipeline';
export { checkTarget, findIllegalNodes, whyIllegal, emitCustomOps, type IllegalNode } from './target';
export { opVersion, assignOpVersions } from './versions';
export { cloneModel } from './clone';
