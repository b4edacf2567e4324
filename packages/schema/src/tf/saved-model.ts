// SavedModel directories: saved_model.pb (or .pbtxt) + variables/variables.{index,data-*}.
import { ModelFormatError } from '../errors';
import type { MetaGraphDef, SavedModel, TrackableObjectGraph } from '../generated/tf/types';
import { decodeMessage } from './proto';
import { parseTfText } from './text-format';
import { readTensorBundle } from './tensor-bundle';
import type { ReadTensorBundleOptions, TensorBundle } from './tensor-bundle';

/** Files of a SavedModel directory by relative path with `/` separators (`variables/variables.index`). */
export type SavedModelFiles = Record<string, Uint8Array> | ReadonlyMap<string, Uint8Array>;

export interface SavedModelContents {
  /** The decoded saved_model.pb / saved_model.pbtxt. */
  savedModel: SavedModel;
  /** `savedModel.metaGraphs` (one per tag set; TF2 exports have one tagged `serve`). */
  metaGraphs: MetaGraphDef[];
  /** The variables checkpoint, when the model has variables. */
  variables?: TensorBundle;
  /** TF2 checkpoints: the object graph stored under `_CHECKPOINTABLE_OBJECT_GRAPH`. */
  checkpointObjectGraph?: TrackableObjectGraph;
  /** Relative paths of files under `assets/` and `assets.extra/`. */
  assets: string[];
}

const OBJECT_GRAPH_KEY = '_CHECKPOINTABLE_OBJECT_GRAPH';

function getFile(files: SavedModelFiles, path: string): Uint8Array | undefined {
  return files instanceof Map ? files.get(path) : (files as Record<string, Uint8Array>)[path];
}

function fileNames(files: SavedModelFiles): string[] {
  return files instanceof Map ? [...files.keys()] : Object.keys(files);
}

/** Reads a SavedModel from its files (FS-agnostic; see `readSavedModelDir` for Node). */
export function readSavedModel(files: SavedModelFiles, opts: ReadTensorBundleOptions = {}): SavedModelContents {
  const pbBytes = getFile(files, 'saved_model.pb');
  const pbText = getFile(files, 'saved_model.pbtxt');
  let savedModel: SavedModel;
  if (pbBytes) savedModel = decodeMessage<SavedModel>('SavedModel', pbBytes);
  else if (pbText) savedModel = parseTfText<SavedModel>('SavedModel', new TextDecoder().decode(pbText));
  else throw new ModelFormatError('MISSING_FILE', 'a SavedModel needs saved_model.pb or saved_model.pbtxt', 'SavedModel');
  if (savedModel.metaGraphs.length === 0) throw new ModelFormatError('BAD_VALUE', 'saved_model.pb holds no MetaGraphDef', 'saved_model.pb');

  const names = fileNames(files);
  const result: SavedModelContents = {
    savedModel,
    metaGraphs: savedModel.metaGraphs,
    assets: names.filter((n) => n.startsWith('assets/') || n.startsWith('assets.extra/')).sort(),
  };
  const index = getFile(files, 'variables/variables.index');
  if (index) {
    const shards: Uint8Array[] = [];
    for (const n of names) {
      const m = /^variables\/variables\.data-(\d{5})-of-(\d{5})$/.exec(n);
      if (m) shards[Number(m[1])] = getFile(files, n)!;
    }
    const bundle = readTensorBundle(index, shards, opts);
    result.variables = bundle;
    if (bundle.entries[OBJECT_GRAPH_KEY]) {
      const t = bundle.read(OBJECT_GRAPH_KEY);
      if (t.bytes?.length === 1) result.checkpointObjectGraph = decodeMessage<TrackableObjectGraph>('TrackableObjectGraph', t.bytes[0]!);
    }
  }
  return result;
}

/** Node.js: reads a SavedModel directory (or the directory of a given saved_model.pb path). */
export async function readSavedModelDir(path: string, opts: ReadTensorBundleOptions = {}): Promise<SavedModelContents> {
  const fs = await import('node:fs/promises');
  const p = await import('node:path');
  let dir = path;
  const st = await fs.stat(path).catch(() => undefined);
  if (!st) throw new ModelFormatError('MISSING_FILE', `no such file or directory: ${path}`, path);
  if (st.isFile()) dir = p.dirname(path);
  const files = new Map<string, Uint8Array>();
  const walk = async (rel: string, depth: number): Promise<void> => {
    if (depth > 4) return;
    for (const e of await fs.readdir(p.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && (r === 'variables' || r.startsWith('assets'))) await walk(r, depth + 1);
      else if (e.isFile()) {
        const wanted = r === 'saved_model.pb' || r === 'saved_model.pbtxt' || r.startsWith('variables/');
        files.set(r, wanted ? new Uint8Array(await fs.readFile(p.join(dir, r))) : new Uint8Array(0));
      }
    }
  };
  await walk('', 0);
  return readSavedModel(files, opts);
}
