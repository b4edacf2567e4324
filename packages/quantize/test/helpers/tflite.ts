// Runs a .tflite model on the REAL TensorFlow Lite interpreter (tfjs-tflite's WASM build, one
// thread, its default XNNPACK delegate) in Node, reading and writing tensor bytes exactly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

interface WasmTensor { name: string; dataType: string; shape: string; data(): ArrayLike<number> & { set(a: ArrayLike<number>): void; constructor: new (a: ArrayLike<number>) => ArrayLike<number> } }
interface ModelRunner { getInputs(): WasmTensor[]; getOutputs(): WasmTensor[]; infer(): boolean }

export interface TfliteModel {
  inputs: { name: string; dtype: string; shape: number[] }[];
  outputs: { name: string; dtype: string; shape: number[] }[];
  run(inputs: ArrayLike<number>[]): ArrayLike<number>[];
}

let loader: Promise<(bytes: Uint8Array) => Promise<TfliteModel>> | undefined;

async function init(): Promise<(bytes: Uint8Array) => Promise<TfliteModel>> {
  const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-tflite/package.json')), 'wasm');
  const g = globalThis as Record<string, unknown>;
  g.self = globalThis;
  g.location = { origin: 'http://local', href: 'http://local/' };
  g.MessageChannel = undefined; // the single-threaded WASM variant
  g.importScripts = (url: string) => {
    const file = join(wasmDir, basename(url));
    vm.runInThisContext(readFileSync(file, 'utf8'), { filename: file });
    const factory = g.tflite_web_api_ModuleFactory as (o: object) => unknown;
    const wasmBinary = readFileSync(join(wasmDir, basename(url).replace(/\.js$/, '.wasm')));
    g.tflite_web_api_ModuleFactory = (opts: object) => factory({ ...opts, locateFile: (w: string) => join(wasmDir, w), wasmBinary });
  };
  g.require = require;
  g.__dirname = wasmDir;
  const tf = require('@tensorflow/tfjs-core') as { setBackend(b: string): Promise<boolean> };
  require('@tensorflow/tfjs-backend-cpu');
  const tflite = require('@tensorflow/tfjs-tflite') as {
    setWasmPath(p: string): void;
    loadTFLiteModel(m: ArrayBuffer, o: object): Promise<{ modelRunner: ModelRunner }>;
  };
  await tf.setBackend('cpu');
  tflite.setWasmPath('http://local/');
  return async (bytes) => {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const m = await tflite.loadTFLiteModel(buf, { numThreads: 1 });
    const runner = m.modelRunner;
    const desc = (t: WasmTensor) => ({ name: t.name, dtype: t.dataType, shape: t.shape === '' ? [] : t.shape.split(',').map(Number) });
    return {
      inputs: runner.getInputs().map(desc),
      outputs: runner.getOutputs().map(desc),
      run(arrays) {
        runner.getInputs().forEach((t, i) => {
          const target = t.data();
          if (target.length !== arrays[i]!.length) throw new Error(`input ${i}: ${arrays[i]!.length} values, the model wants ${target.length}`);
          target.set(arrays[i]!);
        });
        if (!runner.infer()) throw new Error('TFLite infer() failed');
        return runner.getOutputs().map((t) => { const d = t.data(); return new d.constructor(d); });
      },
    };
  };
}

/** Loads a model into real TFLite (throws what TFLite reports when it refuses the model). */
export async function loadRealTflite(bytes: Uint8Array): Promise<TfliteModel> {
  loader ??= init();
  return (await loader)(bytes);
}
