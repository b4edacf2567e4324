/** Machine-readable reasons a model file was rejected. */
export type ModelFormatErrorCode =
  | 'TRUNCATED'
  | 'BAD_MAGIC'
  | 'BAD_OFFSET'
  | 'BAD_LENGTH'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'BAD_VALUE'
  | 'UNSUPPORTED_VERSION'
  | 'BAD_PROTO'
  | 'BAD_TEXT'
  | 'BAD_CHECKSUM'
  | 'MISSING_FILE'
  | 'BAD_NPY'
  | 'UNKNOWN_FORMAT';

/** The one error class of @liteml/schema: a model or tensor file that cannot be read. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
  constructor(
    readonly code: ModelFormatErrorCode,
    message: string,
    /** The file, table or field the problem was found in, when known. */
    readonly where?: string,
  ) {
    super(where ? `${message} (at ${where})` : message);
  }
}
