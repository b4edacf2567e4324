// Test-only helpers for the third-party models in ../shared/models (never copied into the repo).
// Suites that need them use `describeModels`; where the folder is absent (a user's fresh clone)
// they say so in one line and are skipped, unless LITEML_REQUIRE_MODELS=1 (CI), where that fails.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const MODELS_DIR = resolve(process.env.LITEML_TEST_MODELS ?? join(repoRoot, '..', 'shared', 'models'));
export const HAS_MODELS = existsSync(join(MODELS_DIR, 'manifest.json'));

if (!HAS_MODELS && process.env.LITEML_REQUIRE_MODELS === '1') {
  throw new Error(`LITEML_REQUIRE_MODELS=1 but no shared models at ${MODELS_DIR} (set LITEML_TEST_MODELS)`);
}

let warned = false;
/** `describe` for suites that read ../shared/models; skipped with one line when they are absent. */
export function describeModels(name: string, fn: () => void): void {
  if (HAS_MODELS) {
    describe(name, fn);
    return;
  }
  if (!warned) {
    warned = true;
    console.log(`[liteml] shared models not found at ${MODELS_DIR}: suites that need them are skipped (set LITEML_TEST_MODELS)`);
  }
  describe.skip(`${name} (needs shared models)`, fn);
}

export interface ManifestTensor {
  name: string;
  dtype: string;
  shape: number[];
  quantization?: { scale: number | number[]; zero_point: number | number[] } | null;
}

export interface ManifestEntry {
  path: string;
  group: string;
  format: string;
  size?: number;
  precision?: string;
  ops?: Record<string, number>;
  n_ops?: number;
  subgraphs?: number;
  inputs?: ManifestTensor[];
  outputs?: ManifestTensor[];
  facts?: string;
  expect?: string;
  golden?: string[];
  [key: string]: unknown;
}

let cached: ManifestEntry[] | undefined;
/** Every entry of shared/models/manifest.json (empty when the folder is absent). */
export function manifestEntries(): ManifestEntry[] {
  if (!HAS_MODELS) return [];
  cached ??= (JSON.parse(readFileSync(join(MODELS_DIR, 'manifest.json'), 'utf8')) as { models: ManifestEntry[] }).models;
  return cached;
}

export function modelPath(rel: string): string {
  return join(MODELS_DIR, rel);
}
