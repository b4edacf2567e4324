/** Exit codes of the `liteml` command (contract: docs/cli.md). */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, model: 3 } as const;

/** The one error class of @liteml/cli: a usage problem (exit 2) or a model/input problem (exit 3). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: 'USAGE' | 'BAD_INPUT' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
  get exitCode(): number {
    return this.code === 'USAGE' ? EXIT.usage : EXIT.model;
  }
}

export function usage(message: string): never {
  throw new CliError('USAGE', message);
}
