import type { ParseArgsConfig } from 'node:util';
import type { Io } from '../main';

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** One `liteml` command: its flags (node:util parseArgs config) and what it does. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  help?: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: Parsed, io: Io): Promise<number>;
}

export function str(args: Parsed, key: string): string | undefined {
  const v = args.values[key];
  return typeof v === 'string' ? v : undefined;
}

export function strs(args: Parsed, key: string): string[] {
  const v = args.values[key];
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

export function flag(args: Parsed, key: string): boolean {
  return args.values[key] === true;
}

export function int(args: Parsed, key: string, fallback: number, min = 0): number {
  const v = str(args, key);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) usageError(`--${key} takes an integer ≥ ${min}, got '${v}'`);
  return n;
}

export function onePositional(args: Parsed, what: string, usage: string): string {
  if (args.positionals.length !== 1) usageError(`expected exactly one ${what}\nUsage: liteml ${usage}`);
  return args.positionals[0]!;
}

import { usage as usageError } from '../errors';
export { usageError };
