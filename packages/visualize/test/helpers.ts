// Test helpers: real models through graph-ir's importer, the payload inside a page.
import { readFileSync } from 'node:fs';
import { importTflite, type Model } from '@liteml/graph-ir';
import { manifestEntries, modelPath, type ManifestEntry } from '../../../testing/shared-models';
import type { PagePayload } from '../src/payload-types';

export const MANIFEST_DTYPE: Record<string, string> = {
  float32: 'f32', float16: 'f16', float64: 'f64', int8: 'i8', uint8: 'u8', int16: 'i16', uint16: 'u16', int32: 'i32',
  uint32: 'u32', int64: 'i64', uint64: 'u64', bool: 'bool', string: 'string', complex64: 'complex64',
};

/** Valid .tflite entries of the shared manifest (not the deliberately broken ones). */
export function tfliteEntries(): ManifestEntry[] {
  return manifestEntries().filter((e) => e.format === 'tflite' && e.expect !== 'error');
}

export function loadModel(rel: string): Model {
  return importTflite(new Uint8Array(readFileSync(modelPath(rel))));
}

/** The JSON a generated page carries. */
export function payloadOf(html: string): PagePayload {
  const m = /<script type="application\/json" id="liteml-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no payload in page');
  return JSON.parse(m[1]!) as PagePayload;
}

/** Op name as the manifest writes it: 'CONV_2D', 'CUSTOM:TFLite_Detection_PostProcess'. */
export function manifestOp(op: string, customCode: unknown): string {
  const base = op.replace(/^tfl\./, '');
  return base === 'CUSTOM' ? `CUSTOM:${String(customCode)}` : base;
}
