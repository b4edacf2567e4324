/** Machine-readable reasons an IR operation failed. */
export type IRErrorCode =
  | 'SHAPE_MISMATCH'
  | 'INVALID_ATTR'
  | 'INVALID_GRAPH'
  | 'DANGLING_VALUE'
  | 'CYCLE'
  | 'NOT_TOPOLOGICAL'
  | 'DUPLICATE_VALUE'
  | 'BAD_SUBGRAPH_REF'
  | 'TYPE_MISMATCH'
  | 'BAD_TENSOR_INDEX'
  | 'BAD_BUFFER_INDEX'
  | 'BAD_OPCODE'
  | 'UNSUPPORTED_DTYPE'
  | 'UNKNOWN_OP'
  | 'PARSE_ERROR'
  | 'REWRITE_LIMIT'
  | 'PASS_FAILED'
  | 'VERIFY_FAILED';

/** One problem found, e.g. by `verify` (which collects all of them before throwing). */
export interface IRProblem {
  code: IRErrorCode | string;
  message: string;
  /** Names of the nodes involved. */
  nodes?: string[];
  /** Names of the values (tensors) involved. */
  values?: string[];
}

/**
 * The one error class of @liteml/graph-ir. `code` says what went wrong, `nodes`/`values` name the
 * nodes and tensors involved; `problems` lists every problem when several were found at once.
 */
export class IRError extends Error {
  override readonly name = 'IRError';
  readonly nodes: string[];
  readonly values: string[];
  readonly problems: IRProblem[];

  constructor(
    readonly code: IRErrorCode | string,
    message: string,
    involved: { nodes?: string[]; values?: string[]; problems?: IRProblem[] } = {},
  ) {
    super(message);
    this.nodes = involved.nodes ?? [];
    this.values = involved.values ?? [];
    this.problems = involved.problems ?? [{ code, message, nodes: this.nodes, values: this.values }];
  }

  /** One IRError for a list of problems (code of the first; message lists them all). */
  static fromProblems(problems: IRProblem[], what = 'graph'): IRError {
    const head = problems[0]!;
    const lines = problems.slice(0, 50).map((p) => `  - [${p.code}] ${p.message}`);
    if (problems.length > 50) lines.push(`  … and ${problems.length - 50} more`);
    return new IRError(
      problems.length === 1 ? head.code : 'VERIFY_FAILED',
      `${what} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
      {
        nodes: [...new Set(problems.flatMap((p) => p.nodes ?? []))],
        values: [...new Set(problems.flatMap((p) => p.values ?? []))],
        problems,
      },
    );
  }
}

/** True for IRError and for errors of the same shape (a `code` string), whatever their class. */
export function isIRErrorLike(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string';
}
