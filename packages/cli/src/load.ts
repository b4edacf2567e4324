// Reads any model file the CLI accepts into graph-ir. The only place that touches model files.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isTflite } from '@liteml/schema';
import { importTflite, type Model } from '@liteml/graph-ir';
import { loadTfModelFromPath } from '@liteml/converter';
import { CliError } from './errors';

export type ModelFormat = 'tflite' | 'graphdef' | 'graphdef-text' | 'savedmodel' | 'tfjs';

export interface LoadedModel {
  path: string;
  format: ModelFormat;
  /** File size (a SavedModel/tfjs model: all its files). */
  sizeBytes: number;
  model: Model;
  /** The .tflite bytes, for .tflite files. */
  bytes?: Uint8Array;
}

export function detectFormat(path: string): ModelFormat {
  if (!existsSync(path)) throw new CliError('NOT_FOUND', `no such file or directory: ${path}`);
  const st = statSync(path);
  if (st.isDirectory()) {
    if (existsSync(join(path, 'saved_model.pb')) || existsSync(join(path, 'saved_model.pbtxt'))) return 'savedmodel';
    if (existsSync(join(path, 'model.json'))) return 'tfjs';
    throw new CliError('BAD_INPUT', `${path} is a directory but neither a SavedModel (saved_model.pb) nor a tfjs model (model.json)`);
  }
  const name = basename(path);
  if (name.endsWith('.json')) return 'tfjs';
  if (name.endsWith('.pbtxt')) return 'graphdef-text';
  const head = new Uint8Array(8);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (isTflite(head)) return 'tflite';
  if (name === 'saved_model.pb') return 'savedmodel';
  if (name.endsWith('.tflite') || name.endsWith('.bin')) return 'tflite';
  return 'graphdef';
}

function dirSize(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += dirSize(join(path, entry));
  return total;
}

/** Loads a .tflite, .pb, .pbtxt, SavedModel dir or tfjs model.json into graph-ir. */
export async function loadModel(path: string, options: { signature?: string } = {}): Promise<LoadedModel> {
  const format = detectFormat(path);
  if (format === 'tflite') {
    const raw = readFileSync(path);
    const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    return { path, format, sizeBytes: bytes.byteLength, model: importTflite(bytes), bytes };
  }
  const model = await loadTfModelFromPath(path, options);
  return { path, format, sizeBytes: dirSize(path), model };
}
