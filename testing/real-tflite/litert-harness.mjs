// Runs a .tflite on Google's LiteRT.js (@litertjs/core: the LiteRT CompiledModel compiled to WASM,
// CPU accelerator) in a separate Node process. LiteRT.js does not throw when the interpreter fails
// to prepare or invoke (it hands back stale buffers), so every console line the runtime prints is
// captured and any ERROR / Abort line fails the run.
//   Usage: node litert-harness.mjs <request.json>
//   request: { model: "<path>", inputs: [{ data: number[] }] }  →  stdout: { inputs, outputs: [{ name, dtype, shape, data }] }
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// Resolve the runtime from the package whose tests run (its exact devDependency), not from here.
const require = createRequire(`${process.cwd()}/package.json`);
const wasmDir = `${path.join(path.dirname(require.resolve('@litertjs/core/package.json')), 'wasm')}/`;

const logs = [];
for (const k of ['log', 'warn', 'error', 'info', 'debug']) {
  console[k] = (...a) => logs.push(a.map(String).join(' '));
}
const failure = () => logs.find((l) => /(^|\n)\s*ERROR|Aborted|Failed to (invoke|allocate|prepare|apply|load|compile)/.test(l) && !/WebGPU/.test(l));
const die = (msg) => {
  process.stderr.write(`${msg}\n${logs.join('\n')}\n`);
  process.exit(1);
};

// the emscripten glue is loaded the worker way: importScripts evaluates it from disk
globalThis.require = require;
globalThis.__dirname = wasmDir;
globalThis.self = globalThis;
globalThis.importScripts = (u) => {
  const file = u.startsWith('file://') ? new URL(u).pathname : u;
  vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
};

const ARRAYS = { float32: Float32Array, int32: Int32Array, uint8: Uint8Array };
const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
try {
  const { loadLiteRt, loadAndCompile, Tensor } = await import(pathToFileURL(require.resolve('@litertjs/core')).href);
  await loadLiteRt(wasmDir);
  const model = await loadAndCompile(new Uint8Array(fs.readFileSync(req.model)), { accelerator: 'wasm' });
  if (failure()) die(`LiteRT failed to compile the model: ${failure()}`);
  const describe = (t) => ({ name: t.name, dtype: t.dtype, shape: Array.from(t.shape, Number) });
  const ins = model.getInputDetails().map(describe);
  if (ins.length !== req.inputs.length) die(`model has ${ins.length} inputs, request has ${req.inputs.length}`);
  const tensors = ins.map((d, i) => {
    const T = ARRAYS[d.dtype];
    if (!T) die(`input ${i} (${d.name}): LiteRT.js tensors cannot be ${d.dtype}`);
    const n = d.shape.reduce((a, b) => a * b, 1);
    if (req.inputs[i].data.length !== n) die(`input ${i} (${d.name}): ${req.inputs[i].data.length} values for a tensor of ${n}`);
    return new Tensor(T.from(req.inputs[i].data), d.shape);
  });
  const outs = await model.run(tensors);
  if (failure()) die(`LiteRT failed to run the model: ${failure()}`);
  const outDetails = model.getOutputDetails().map(describe);
  const outputs = outs.map((o, i) => ({ ...outDetails[i], data: Array.from(o.toTypedArray(), Number) }));
  process.stdout.write(JSON.stringify({ inputs: ins, outputs }));
  process.exit(0);
} catch (e) {
  die(`LiteRT.js: ${e?.stack ?? e}`);
}
