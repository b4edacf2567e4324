#!/usr/bin/env node
// Writes liteml's own sample TensorFlow models, deterministically (seeded PRNG):
//   examples/models/small_cnn.pb          frozen GraphDef of a small MNIST-shaped CNN
//   examples/models/small_savedmodel/     TF1-style SavedModel: y = relu(x·W + b) with variables
// Usage: node examples/make-models.mjs          (re)write the files
//        node examples/make-models.mjs --check  exit 1 if the committed files differ from a fresh build
// Needs the built schema package: pnpm --filter @liteml/schema build
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeGraphDef, encodeSavedModel, encodeTensor, writeTensorBundle } from '../packages/schema/dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'models');

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` float32 values uniform in ±sqrt(6 / (fanIn + fanOut)) (Glorot uniform). */
function glorot(rand, n, fanIn, fanOut) {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (rand() * 2 - 1) * limit;
  return out;
}

function smallBias(rand, n) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (rand() * 2 - 1) * 0.05;
  return out;
}

// ---- attribute helpers (AttrValue plain objects) -------------------------------------------
const text = new TextEncoder();
const type = (t) => ({ type: t });
const ints = (...i) => ({ list: { i } });
const str = (s) => ({ s: text.encode(s) });
const bool = (b) => ({ b });
const shape = (dims) => ({ shape: { dim: dims.map((size) => ({ size })) } });
const F32 = 'DT_FLOAT';

function node(name, op, input, attr) {
  return { name, op, input, attr };
}

function constNode(name, dtype, dims, data) {
  const tensor = encodeTensor({ dtype, shape: dims, data });
  return node(name, 'Const', [], { dtype: type(tensor.dtype), value: { tensor } });
}

// ---- small_cnn.pb --------------------------------------------------------------------------
function smallCnn() {
  const rand = mulberry32(20240611);
  const nhwc = str('NHWC');
  const convAttrs = (padding) => ({
    T: type(F32), strides: ints(1, 1, 1, 1), padding: str(padding), data_format: nhwc,
    dilations: ints(1, 1, 1, 1), explicit_paddings: { list: {} },
  });
  const nodes = [
    node('input', 'Placeholder', [], { dtype: type(F32), shape: shape([1, 28, 28, 1]) }),
    constNode('conv1/weights', 'f32', [3, 3, 1, 8], glorot(rand, 3 * 3 * 1 * 8, 9, 72)),
    constNode('conv1/bias', 'f32', [8], smallBias(rand, 8)),
    node('conv1/Conv2D', 'Conv2D', ['input', 'conv1/weights'], { ...convAttrs('SAME'), use_cudnn_on_gpu: bool(true) }),
    node('conv1/BiasAdd', 'BiasAdd', ['conv1/Conv2D', 'conv1/bias'], { T: type(F32), data_format: nhwc }),
    node('conv1/Relu', 'Relu', ['conv1/BiasAdd'], { T: type(F32) }),
    node('pool1/MaxPool', 'MaxPool', ['conv1/Relu'], {
      T: type(F32), ksize: ints(1, 2, 2, 1), strides: ints(1, 2, 2, 1), padding: str('VALID'), data_format: nhwc,
    }),
    constNode('dw1/depthwise_weights', 'f32', [3, 3, 8, 1], glorot(rand, 3 * 3 * 8, 9, 9)),
    constNode('dw1/bias', 'f32', [8], smallBias(rand, 8)),
    node('dw1/depthwise', 'DepthwiseConv2dNative', ['pool1/MaxPool', 'dw1/depthwise_weights'], convAttrs('SAME')),
    node('dw1/BiasAdd', 'BiasAdd', ['dw1/depthwise', 'dw1/bias'], { T: type(F32), data_format: nhwc }),
    node('dw1/Relu6', 'Relu6', ['dw1/BiasAdd'], { T: type(F32) }),
    constNode('flatten/shape', 'i32', [2], Int32Array.of(1, 14 * 14 * 8)),
    node('flatten/Reshape', 'Reshape', ['dw1/Relu6', 'flatten/shape'], { T: type(F32), Tshape: type('DT_INT32') }),
    constNode('dense/kernel', 'f32', [14 * 14 * 8, 10], glorot(rand, 14 * 14 * 8 * 10, 14 * 14 * 8, 10)),
    constNode('dense/bias', 'f32', [10], smallBias(rand, 10)),
    node('dense/MatMul', 'MatMul', ['flatten/Reshape', 'dense/kernel'], { T: type(F32), transpose_a: bool(false), transpose_b: bool(false) }),
    node('dense/BiasAdd', 'BiasAdd', ['dense/MatMul', 'dense/bias'], { T: type(F32), data_format: nhwc }),
    node('output', 'Softmax', ['dense/BiasAdd'], { T: type(F32) }),
  ];
  return encodeGraphDef({ node: nodes, versions: { producer: 1286, minConsumer: 12 } });
}

// ---- small_savedmodel/ ---------------------------------------------------------------------
function smallSavedModel() {
  const rand = mulberry32(4242);
  const W = glorot(rand, 4 * 3, 4, 3);
  const b = smallBias(rand, 3);
  const varNode = (name, dims) => node(name, 'VariableV2', [], {
    dtype: type(F32), shape: shape(dims), container: str(''), shared_name: str(''),
  });
  const strings = (...s) => ({ list: { s: s.map((x) => text.encode(x)) } });
  const nodes = [
    node('x', 'Placeholder', [], { dtype: type(F32), shape: shape([-1, 4]) }),
    varNode('W', [4, 3]),
    node('W/read', 'Identity', ['W'], { T: type(F32), _class: strings('loc:@W') }),
    varNode('b', [3]),
    node('b/read', 'Identity', ['b'], { T: type(F32), _class: strings('loc:@b') }),
    node('MatMul', 'MatMul', ['x', 'W/read'], { T: type(F32), transpose_a: bool(false), transpose_b: bool(false) }),
    node('add', 'AddV2', ['MatMul', 'b/read'], { T: type(F32) }),
    node('y', 'Relu', ['add'], { T: type(F32) }),
    // Saver: restore W and b from the variables checkpoint (what TF1's tf.train.Saver builds).
    constNode('save/filename', 'string', [], ['model']),
    node('save/Const', 'PlaceholderWithDefault', ['save/filename'], { dtype: type('DT_STRING'), shape: shape([]) }),
    constNode('save/SaveV2/tensor_names', 'string', [2], ['W', 'b']),
    constNode('save/SaveV2/shape_and_slices', 'string', [2], ['', '']),
    node('save/SaveV2', 'SaveV2', ['save/Const', 'save/SaveV2/tensor_names', 'save/SaveV2/shape_and_slices', 'W', 'b'], {
      dtypes: { list: { type: [F32, F32] } },
    }),
    node('save/control_dependency', 'Identity', ['save/Const', '^save/SaveV2'], { T: type('DT_STRING'), _class: strings('loc:@save/Const') }),
    constNode('save/RestoreV2/tensor_names', 'string', [2], ['W', 'b']),
    constNode('save/RestoreV2/shape_and_slices', 'string', [2], ['', '']),
    node('save/RestoreV2', 'RestoreV2', ['save/Const', 'save/RestoreV2/tensor_names', 'save/RestoreV2/shape_and_slices'], {
      dtypes: { list: { type: [F32, F32] } },
    }),
    node('save/Assign', 'Assign', ['W', 'save/RestoreV2'], { T: type(F32), use_locking: bool(true), validate_shape: bool(true), _class: strings('loc:@W') }),
    node('save/Assign_1', 'Assign', ['b', 'save/RestoreV2:1'], { T: type(F32), use_locking: bool(true), validate_shape: bool(true), _class: strings('loc:@b') }),
    node('save/restore_all', 'NoOp', ['^save/Assign', '^save/Assign_1'], {}),
  ];
  const tensorInfo = (name, dims) => ({ name, dtype: F32, tensorShape: { dim: dims.map((size) => ({ size })) } });
  const metaGraph = {
    metaInfoDef: { tags: ['serve'], tensorflowVersion: '2.15.0', tensorflowGitVersion: 'liteml-examples' },
    graphDef: { node: nodes, versions: { producer: 1286, minConsumer: 12 } },
    saverDef: {
      filenameTensorName: 'save/Const:0', saveTensorName: 'save/control_dependency:0', restoreOpName: 'save/restore_all',
      maxToKeep: 5, sharded: false, keepCheckpointEveryNHours: 10000, version: 'V2',
    },
    signatureDef: {
      serving_default: {
        inputs: { x: tensorInfo('x:0', [-1, 4]) },
        outputs: { y: tensorInfo('y:0', [-1, 3]) },
        methodName: 'tensorflow/serving/predict',
      },
    },
  };
  const savedModel = encodeSavedModel({ savedModelSchemaVersion: 1, metaGraphs: [metaGraph] });
  const bundle = writeTensorBundle({ W: { dtype: 'f32', shape: [4, 3], data: W }, b: { dtype: 'f32', shape: [3], data: b } });
  return {
    'small_savedmodel/saved_model.pb': savedModel,
    'small_savedmodel/variables/variables.index': bundle.index,
    'small_savedmodel/variables/variables.data-00000-of-00001': bundle.data,
  };
}

// ---- main ----------------------------------------------------------------------------------
const files = { 'small_cnn.pb': smallCnn(), ...smallSavedModel() };
const check = process.argv.includes('--check');
const stale = [];
for (const [rel, bytes] of Object.entries(files)) {
  const path = join(outDir, rel);
  if (check) {
    const same = existsSync(path) && Buffer.compare(readFileSync(path), Buffer.from(bytes)) === 0;
    if (!same) stale.push(relative(process.cwd(), path));
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    console.log(`wrote ${relative(process.cwd(), path)} (${bytes.length} bytes)`);
  }
}
if (check) {
  if (stale.length) {
    console.error(`example models differ from a fresh build: ${stale.join(', ')}\nrun: node examples/make-models.mjs`);
    process.exit(1);
  }
  console.log(`example models are up to date (${Object.keys(files).length} files)`);
}
