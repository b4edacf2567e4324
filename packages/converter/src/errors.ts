// The converter's one error class (docs/contracts.md "Errors").

/** Codes used by the converter; other UPPER_SNAKE strings may appear for future errors. */
export type ConversionErrorCode =
  | 'BAD_MODEL' | 'UNKNOWN_TENSOR' | 'DUPLICATE_NODE' | 'CYCLE' | 'UNSUPPORTED_CONTROL_FLOW'
  | 'UNKNOWN_FUNCTION' | 'UNSUPPORTED_FUNCTION' | 'MISSING_VARIABLE' | 'UNSUPPORTED_STATEFUL' | 'UNKNOWN_SIGNATURE' | 'UNKNOWN_TAGS'
  | 'UNKNOWN_FORMAT' | 'MISSING_FILE' | 'SHAPE_INFERENCE' | 'UNSUPPORTED_DTYPE'
  | 'UNSUPPORTED_OPS' | 'LEGALIZE_FAILED' | 'BAD_OPTION' | 'EVALUATION_FAILED' | 'INVALID_RESULT' | 'EXPORT_FAILED' | (string & {});

/** A conversion problem: `code`, a message a user can act on, and the TF node names involved. */
export class ConversionError extends Error {
  override name = 'ConversionError';
  readonly code: ConversionErrorCode;
  readonly nodes?: string[];

  constructor(code: ConversionErrorCode, message: string, nodes?: string[], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    if (nodes && nodes.length > 0) this.nodes = nodes;
  }
}
