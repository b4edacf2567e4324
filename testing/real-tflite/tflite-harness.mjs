// Runs a .tflite on the REAL TensorFlow Lite runtime (@tensorflow/tfjs-tflite's WASM build of the
// TFLite interpreter, single thread) in a separate Node process, so its browser shims never touch
// the test process.  Usage: node tflite-harness.mjs <request.json>
//   request: { model: "<path>", inputs: [{ data: number[] }] }  →  stdout: { inputs, outputs: [{ name, dtype, shape, data }] }
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';

// Resolve the runtime from the package whose tests run (its exact devDependency), not from here.
const require = createRequire(`${process.cwd()}/package.json`);

async function loadRunner(bytes) {
  const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-tflite/package.json')), 'wasm');
  // tfjs-tflite expects a browser worker: give it `self`, `location` and an importScripts that
  // evaluates the emscripten glue from disk with the wasm binary preloaded.
  globalThis.self = globalThis;
  globalThis.location = { origin: 'http://localhost', href: 'http://localhost/' };
  globalThis.MessageChannel = undefined; // selects the single-threaded build
  globalThis.require = require;
  globalThis.__dirname = wasmDir;
  globalThis.importScripts = (url) => {
    const file = path.join(wasmDir, path.basename(url));
    vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
    const factory = globalThis.tflite_web_api_ModuleFactory;
    const wasmBinary = fs.readFileSync(file.replace(/\.js$/, '.wasm'));
    globalThis.tflite_web_api_ModuleFactory = (opts) => factory({ ...opts, wasmBinary, locateFile: (f) => path.join(wasmDir, f) });
  };
  const tf = require('@tensorflow/tfjs-core');
  require('@tensorflow/tfjs-backend-cpu');
  const tflite = require('@tensorflow/tfjs-tflite');
  await tf.setBackend('cpu');
  tflite.setWasmPath('http://localhost/');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const model = await tflite.loadTFLiteModel(buffer, { numThreads: 1 });
  return model.modelRunner;
}

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const runner = await loadRunner(new Uint8Array(fs.readFileSync(req.model)));
const describe = (t) => ({ name: t.name, dtype: t.dataType, shape: t.shape === '' ? [] : String(t.shape).split(',').map(Number) });
const ins = runner.getInputs();
if (ins.length !== req.inputs.length) throw new Error(`model has ${ins.length} inputs, request has ${req.inputs.length}`);
ins.forEach((t, i) => {
  const buf = t.data();
  const data = req.inputs[i].data;
  if (buf.length !== data.length) throw new Error(`input ${i} (${t.name}): ${data.length} values for a tensor of ${buf.length}`);
  buf.set(data);
});
if (!runner.infer()) throw new Error('TFLite infer() failed');
const outputs = runner.getOutputs().map((t) => ({ ...describe(t), data: Array.from(t.data(), Number) }));
process.stdout.write(JSON.stringify({ inputs: ins.map(describe), outputs }));
