import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, EXIT } from './errors';
import { commands, type Command } from './commands/index';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const KNOWN_ERRORS = new Set([
  'ModelFormatError',
  'IRError',
  'RuntimeError',
  'ConversionError',
  'QuantizationError',
  'CliError',
  'VisualizeError',
]);

function helpText(): string {
  const rows = commands.map((c) => `  ${c.usage.padEnd(46)} ${c.summary}`);
  return `liteml: TensorFlow Lite tools in TypeScript\n\nUsage:\n${rows.join('\n')}\n\nCommon flags: --json, --verbose, --help\nExit codes: 0 ok, 1 check failed, 2 usage error, 3 model/input error\n`;
}

/** Runs one `liteml` invocation and returns its exit code (never throws for user errors). */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${__LITEML_VERSION__}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`liteml: unknown command '${name}'\n\n${helpText()}`);
    return EXIT.usage;
  }
  const verbose = rest.includes('--verbose');
  try {
    const parsed = parse(command, rest);
    if (parsed.values.help) {
      io.stdout.write(`Usage: liteml ${command.usage}\n\n${command.summary}\n${command.help ?? ''}`);
      return EXIT.ok;
    }
    return await command.run(parsed, io);
  } catch (err) {
    return reportError(err, io, verbose);
  }
}

function parse(command: Command, args: string[]) {
  const options: ParseArgsConfig['options'] = {
    ...command.options,
    help: { type: 'boolean', short: 'h' },
    verbose: { type: 'boolean' },
  };
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError('USAGE', `${(err as Error).message}\nUsage: liteml ${command.usage}`);
  }
}

function reportError(err: unknown, io: Io, verbose: boolean): number {
  const e = err as Error & { code?: string };
  if (e instanceof CliError) {
    io.stderr.write(`liteml: ${e.message}\n`);
    if (verbose && e.stack) io.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  if (e && (KNOWN_ERRORS.has(e.name) || e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'ENOTDIR')) {
    const code = e.code && !e.code.startsWith('E') ? ` [${e.code}]` : '';
    io.stderr.write(`liteml: ${e.name === 'Error' ? '' : `${e.name}${code}: `}${e.message}\n`);
    if (verbose && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT.model;
  }
  io.stderr.write(`liteml: unexpected error: ${e?.message ?? String(err)}\n`);
  io.stderr.write(verbose && e?.stack ? `${e.stack}\n` : '(run again with --verbose for a stack trace)\n');
  return EXIT.model;
}

declare const __LITEML_VERSION__: string;
