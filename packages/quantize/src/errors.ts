// The package's one error class (docs/contracts.md, "Errors").

export type QuantizationErrorCode =
  | 'NO_CALIBRATION_DATA' // int8/int16x8 without a calibration set (pass one, or 'random' explicitly)
  | 'BAD_CALIBRATION_DATA' // a calibration sample that does not fit the model's inputs
  | 'NOT_QUANTIZABLE' // strictInt8: nodes without an integer kernel
  | 'BAD_MODEL' // the input is not a float model this package can quantize
  | 'BAD_OPTION'; // an unknown mode, observer or ioType

export class QuantizationError extends Error {
  override readonly name = 'QuantizationError';
  readonly code: QuantizationErrorCode;
  /** Node or tensor names involved. */
  readonly names: string[];
  constructor(code: QuantizationErrorCode, message: string, names: string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.names = names;
  }
}
