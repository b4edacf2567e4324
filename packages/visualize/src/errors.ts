/** Machine-readable reasons visualize refused its input. */
export type VisualizeErrorCode = 'INVALID_PROFILE' | 'INVALID_QUANT_REPORT' | 'INVALID_MODEL' | 'INVALID_OPTION';

/** The one error class of @liteml/visualize: bad overlay JSON, a model it cannot draw, bad options. */
export class VisualizeError extends Error {
  readonly code: VisualizeErrorCode;
  /** Names (fields, nodes, tensors) involved. */
  readonly names: string[];

  constructor(code: VisualizeErrorCode, message: string, names: string[] = []) {
    super(message);
    this.name = 'VisualizeError';
    this.code = code;
    this.names = names;
  }
}
