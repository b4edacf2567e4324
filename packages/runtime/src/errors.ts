// The runtime's one error class (docs/contracts.md, "Errors").

export type RuntimeErrorCode =
  | 'UNSUPPORTED_OPS'   // nodes no kernel of the backend can run (all listed at once)
  | 'BAD_MODEL'         // the model is malformed for execution (dangling tensors, bad subgraph index)
  | 'BAD_INPUT'         // a feed of the wrong count, name, dtype or shape
  | 'BAD_ARGUMENT'      // a wrong argument to an API call (unknown tensor, signature, backend)
  | 'SHAPE_MISMATCH'    // a kernel met shapes it cannot combine
  | 'KERNEL_FAILED'     // a kernel threw while running (the cause is attached)
  | 'UNKNOWN_BACKEND'
  | 'NOT_PRESERVED';    // getTensor on an intermediate without preserveAllTensors

export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
  readonly code: RuntimeErrorCode;
  /** Node or tensor names involved. */
  readonly names: string[];
  constructor(code: RuntimeErrorCode, message: string, names: string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.names = names;
  }
}
