// Loading .tflite bytes into a graph-ir Model.
import { importTflite } from '@liteml/graph-ir';
import type { Model } from './ir';

/** Reads .tflite bytes (verified by @liteml/schema) into a graph-ir Model. */
export function loadModel(bytes: Uint8Array): Model {
  return importTflite(bytes) as unknown as Model;
}
