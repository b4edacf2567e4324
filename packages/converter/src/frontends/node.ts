// Node.js conveniences: detect a TensorFlow model's format from its path and load it.
// node:fs / node:path are imported lazily so browser bundles of the package stay clean.
import type { Model } from '@liteml/graph-ir';
import { decodeGraphDef, decodeMetaGraphDef, ModelFormatError, parseGraphDefText, readSavedModelDir, readTensorBundle } from '@liteml/schema';
import { ConversionError } from '../errors';
import { importGraphDef, type ImportGraphDefOptions } from './graphdef';
import { importMetaGraphDef, importSavedModel, type ImportMetaGraphOptions } from './saved-model';
import { importTfjsModel } from './tfjs';

export type TfModelFormat = 'graphdef-pb' | 'graphdef-pbtxt' | 'savedmodel' | 'tfjs-graph-model' | 'tf-checkpoint-metagraph';

export type LoadTfModelOptions = ImportGraphDefOptions & ImportMetaGraphOptions;

/**
 * The format of the TF model at `path`: a SavedModel directory (or its saved_model.pb/.pbtxt), a
 * tfjs model.json (or its directory), a binary `.pb` GraphDef, a text `.pbtxt` GraphDef, or a TF1
 * checkpoint's `.meta`. Throws ConversionError UNKNOWN_FORMAT / MISSING_FILE.
 */
export async function detectFormat(path: string): Promise<TfModelFormat> {
  const fs = await import('node:fs/promises');
  const p = await import('node:path');
  const st = await fs.stat(path).catch(() => undefined);
  if (!st) throw new ConversionError('MISSING_FILE', `no such file or directory: ${path}`);
  if (st.isDirectory()) {
    const names = await fs.readdir(path);
    if (names.includes('saved_model.pb') || names.includes('saved_model.pbtxt')) return 'savedmodel';
    if (names.includes('model.json')) return 'tfjs-graph-model';
    throw new ConversionError('UNKNOWN_FORMAT', `${path} is a directory without saved_model.pb, saved_model.pbtxt or model.json`);
  }
  const base = p.basename(path).toLowerCase();
  if (base === 'saved_model.pb' || base === 'saved_model.pbtxt') return 'savedmodel';
  if (base.endsWith('.json')) {
    const json = JSON.parse(await fs.readFile(path, 'utf8').catch(() => 'null')) as Record<string, unknown> | null;
    if (json && typeof json === 'object' && 'modelTopology' in json) {
      const topo = json['modelTopology'] as Record<string, unknown> | null;
      if (json['format'] === 'layers-model' || (topo && 'class_name' in topo)) {
        throw new ConversionError('UNKNOWN_FORMAT', `${path} is a tfjs layers model (Keras topology); convert it to a tfjs graph model or a SavedModel`);
      }
      return 'tfjs-graph-model';
    }
    throw new ConversionError('UNKNOWN_FORMAT', `${path} is JSON but not a tfjs model.json (no modelTopology)`);
  }
  if (base.endsWith('.pbtxt') || base.endsWith('.txt') || base.endsWith('.prototxt')) return 'graphdef-pbtxt';
  if (base.endsWith('.meta')) return 'tf-checkpoint-metagraph';
  if (base.endsWith('.pb') || base.endsWith('.graphdef')) return 'graphdef-pb';
  if (base.endsWith('.tflite')) throw new ConversionError('UNKNOWN_FORMAT', `${path} is already a .tflite model; load it with importTflite from @liteml/graph-ir`);
  throw new ConversionError('UNKNOWN_FORMAT', `cannot tell the format of ${path}: expected a SavedModel directory, model.json, .pb, .pbtxt or .meta`);
}

/** Loads a TensorFlow model from disk (any format `detectFormat` knows) as a tf.* Model. */
export async function loadTfModelFromPath(path: string, options: LoadTfModelOptions = {}): Promise<Model> {
  const fs = await import('node:fs/promises');
  const p = await import('node:path');
  const format = await detectFormat(path);
  const read = async (file: string): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await fs.readFile(file));
    } catch {
      throw new ConversionError('MISSING_FILE', `cannot read ${file}`);
    }
  };
  try {
    switch (format) {
      case 'graphdef-pb':
        return importGraphDef(decodeGraphDef(await read(path)), options);
      case 'graphdef-pbtxt':
        return importGraphDef(parseGraphDefText(new TextDecoder().decode(await read(path))), options);
      case 'savedmodel':
        return importSavedModel(await readSavedModelDir(path), options);
      case 'tfjs-graph-model': {
        const file = (await fs.stat(path)).isDirectory() ? p.join(path, 'model.json') : path;
        const json = JSON.parse(new TextDecoder().decode(await read(file))) as { weightsManifest?: { paths?: string[] }[] };
        const shards: Record<string, Uint8Array> = {};
        for (const group of json.weightsManifest ?? []) {
          for (const rel of group.paths ?? []) shards[rel] = await read(p.join(p.dirname(file), rel));
        }
        return importTfjsModel(json as Record<string, unknown>, shards, options);
      }
      case 'tf-checkpoint-metagraph': {
        const mg = decodeMetaGraphDef(await read(path));
        const prefix = path.slice(0, -'.meta'.length);
        const dir = p.dirname(prefix);
        const stem = p.basename(prefix);
        const names = await fs.readdir(dir);
        let bundle;
        if (names.includes(`${stem}.index`)) {
          const shards: Uint8Array[] = [];
          for (const n of names) {
            const m = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.data-(\\d{5})-of-(\\d{5})$`).exec(n);
            if (m) shards[Number(m[1])] = await read(p.join(dir, n));
          }
          bundle = readTensorBundle(await read(`${prefix}.index`), shards);
        }
        return importMetaGraphDef(mg, { bundle }, options);
      }
    }
  } catch (e) {
    if (e instanceof ModelFormatError) throw new ConversionError('BAD_MODEL', `${path}: ${e.message}`, undefined, { cause: e });
    throw e;
  }
}
