// onnxruntime-web peer for the f32 GEMM micro-benchmark in bench/run.mjs: builds one-node ONNX
// models in memory (a hand-written protobuf encoder; no onnx package needed) and runs them on the
// 'wasm' execution provider, single-threaded.
//
//   const g = await ortGemm(M, K, N, weights, 'matmul' | 'conv');  await g.run();  await g.release();
//
// 'matmul': Y[M,N] = MatMul(A[M,K], B[K,N]) with B an initializer.
// 'conv':   Y[1,N,H,W] = Conv(X[1,K,H,W], W[N,K,1,1]) with H·W = M (a 1×1 convolution, NCHW).
// ONNX field numbers (onnx.proto): ModelProto ir_version=1 opset_import=8 graph=7;
// OperatorSetIdProto domain=1 version=2; GraphProto node=1 name=2 initializer=5 input=11
// output=12; NodeProto input=1 output=2 name=3 op_type=4 attribute=5; AttributeProto name=1 i=3
// ints=8 type=20 (INT=2, INTS=7); TensorProto dims=1 data_type=2 (FLOAT=1) name=8 raw_data=9;
// ValueInfoProto name=1 type=2; TypeProto tensor_type=1; TypeProto.Tensor elem_type=1 shape=2;
// TensorShapeProto dim=1; Dimension dim_value=1.
import * as ort from 'onnxruntime-web';

ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';

const IR_VERSION = 8;
const OPSET = 13;
const FLOAT = 1;

// ---- protobuf wire encoding (varint = 0, length-delimited = 2) ----
function varint(n) {
  const out = [];
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}
const cat = (parts) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};
const fInt = (field, n) => Uint8Array.from([...varint(field << 3), ...varint(n)]);
const fBytes = (field, bytes) => cat([Uint8Array.from([...varint((field << 3) | 2), ...varint(bytes.length)]), bytes]);
const fStr = (field, s) => fBytes(field, new TextEncoder().encode(s));
const fMsg = (field, parts) => fBytes(field, cat(parts));

// ---- ONNX messages ----
const valueInfo = (name, dims) => [
  fStr(1, name),
  fMsg(2, [fMsg(1, [fInt(1, FLOAT), fMsg(2, dims.map((d) => fMsg(1, [fInt(1, d)])))])]),
];
const tensor = (name, dims, data) => [
  ...dims.map((d) => fInt(1, d)), fInt(2, FLOAT), fStr(8, name),
  fBytes(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
];
const attrInts = (name, ints) => [fStr(1, name), ...ints.map((v) => fInt(8, v)), fInt(20, 7)];

function model({ op, attrs = [], input, weight, output }) {
  const node = [fStr(1, input.name), fStr(1, weight.name), fStr(2, output.name), fStr(3, op.toLowerCase()), fStr(4, op),
    ...attrs.map((a) => fMsg(5, a))];
  const graph = [
    fMsg(1, node), fStr(2, `liteml_bench_${op.toLowerCase()}`),
    fMsg(5, tensor(weight.name, weight.dims, weight.data)),
    fMsg(11, valueInfo(input.name, input.dims)),
    fMsg(12, valueInfo(output.name, output.dims)),
  ];
  return cat([fInt(1, IR_VERSION), fStr(2, 'liteml-bench'), fMsg(7, graph), fMsg(8, [fStr(1, ''), fInt(2, OPSET)])]);
}

/**
 * Builds and loads the one-node model for an M×K×N GEMM. `weights` is N×K row-major ([out, in],
 * as liteml packs them); it is laid out per op ([K,N] for MatMul, [N,K,1,1] for Conv).
 * `input` is the M×K activation (row-major [M,K]), transposed to NCHW for Conv.
 */
export async function ortGemm(M, K, N, weights, input, kind) {
  let bytes, xDims, xData;
  if (kind === 'matmul') {
    const b = new Float32Array(K * N);
    for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) b[k * N + n] = weights[n * K + k];
    xDims = [M, K];
    xData = input;
    bytes = model({ op: 'MatMul', input: { name: 'A', dims: xDims }, weight: { name: 'B', dims: [K, N], data: b }, output: { name: 'Y', dims: [M, N] } });
  } else if (kind === 'conv') {
    const hw = Math.round(Math.sqrt(M));
    const [H, W] = hw * hw === M ? [hw, hw] : [1, M];
    xDims = [1, K, H, W];
    xData = new Float32Array(M * K);
    for (let m = 0; m < M; m++) for (let k = 0; k < K; k++) xData[k * M + m] = input[m * K + k];
    bytes = model({
      op: 'Conv', attrs: [attrInts('kernel_shape', [1, 1]), attrInts('strides', [1, 1]), attrInts('pads', [0, 0, 0, 0])],
      input: { name: 'X', dims: xDims }, weight: { name: 'W', dims: [N, K, 1, 1], data: weights }, output: { name: 'Y', dims: [1, N, H, W] },
    });
  } else throw new Error(`ortGemm: unknown kind '${kind}' (expected 'matmul' or 'conv')`);
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', xData, xDims) };
  return {
    /** One session.run; returns the output data (row-major [M,N] for MatMul, [N,M] for Conv). */
    run: async () => (await session.run(feeds))[session.outputNames[0]].data,
    release: () => session.release(),
  };
}
