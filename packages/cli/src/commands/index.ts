import type { Command } from './types';
import { inspect } from './inspect';
import { run } from './run';
import { benchmark } from './benchmark';
import { visualize } from './visualize';
import { ops } from './ops';
import { convert } from './convert';
import { compare } from './compare';
import { quantize } from './quantize';

export type { Command } from './types';

/** Every `liteml` command, in the order `liteml --help` lists them. */
export const commands: Command[] = [inspect, convert, run, compare, quantize, benchmark, visualize, ops];
