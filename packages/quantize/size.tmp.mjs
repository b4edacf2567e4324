import { readFileSync } from 'node:fs';
import { quantize } from './dist/index.js';
import { readNpy, readTflite } from '@liteml/schema';
const M='/work/shared/models/';
const f = new Uint8Array(readFileSync(M+'support/mobilenet_v1_0.25_224_1_default_1.tflite'));
const x = readNpy(new Uint8Array(readFileSync(M+'support/mobilenet_v1_0.25_224_1_default_1.golden_burger/input_0.npy')));
const r = quantize(f, { mode: 'int8', calibration: [[x]] });
for (const [name, b] of [['float', f], ['int8', r.tflite]]) {
  const m = readTflite(b);
  let data = 0; for (const buf of m.buffers) data += buf.data?.length ?? 0;
  console.log(name, b.length, 'buffers', data, 'meta', (m.metadata??[]).length, 'tensors', m.subgraphs[0].tensors.length);
}
import { importTflite, exportTflite } from '@liteml/graph-ir';
const rt = exportTflite(importTflite(f)); console.log('roundtrip float', rt.length);
const q = readTflite(r.tflite);
let nq = 0; for (const t of q.subgraphs[0].tensors) { const qq = t.quantization; if (qq) nq += (qq.scale?.length ?? 0); }
console.log('quant entries', nq);
console.log(JSON.stringify(q.subgraphs[0].tensors[5], (k, v) => (ArrayBuffer.isView(v) ? `[${v.constructor.name} ${v.length}]` : v)).slice(0, 600));
