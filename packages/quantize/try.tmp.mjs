import { readFileSync } from 'node:fs';
import { quantize, formatReport } from './dist/index.js';
import { readNpy } from '@liteml/schema';
const M='/work/shared/models/';
const f = new Uint8Array(readFileSync(M+'support/mobilenet_v1_0.25_224_1_default_1.tflite'));
const x = readNpy(new Uint8Array(readFileSync(M+'support/mobilenet_v1_0.25_224_1_default_1.golden_burger/input_0.npy')));
for (const mode of process.argv.slice(2)) {
  const t = performance.now();
  const r = quantize(f, { mode, calibration: [[x]], report: false });
  console.log(mode, r.tflite.length / f.length, (performance.now()-t).toFixed(0)+'ms', r.floatNodes);
  
}
