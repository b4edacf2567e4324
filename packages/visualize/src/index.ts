// @liteml/visualize: IR model → self-contained interactive HTML page, text summary, model diff.
export { renderHtml } from './html';
export { summarizeModel, type ModelSummary, type GraphSummary, type TensorSummary, type OpCount } from './summary';
export { formatSummary } from './format-summary';
export { diffModels, type ModelDiff, type GraphDiff, type NodeChange } from './diff';
export type { RenderOptions } from './render-options';
export type { ProfileReport, QuantReport } from './overlays';
export { VisualizeError, type VisualizeErrorCode } from './errors';
