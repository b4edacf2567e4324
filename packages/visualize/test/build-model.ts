// A small hand-built model (graph-ir's GraphBuilder) used across the suites: a quantized conv →
// relu → fully-connected chain, an IF with two branch subgraphs, a signature and metadata.
import { GraphBuilder, Model } from '@liteml/graph-ir';

export function smallModel(): Model {
  const b = new GraphBuilder('main');
  const x = b.input('image', 'i8', [1, 8, 8, 3], { quant: { scale: [0.5], zeroPoint: [-1] } });
  const w = b.constant('conv/weights', 'i8', [4, 3, 3, 3], Int8Array.from({ length: 108 }, (_, i) => (i % 11) - 5), {
    quant: { scale: [0.1, 0.2, 0.3, 0.4], zeroPoint: [0, 0, 0, 0], axis: 0 },
  });
  const bias = b.constant('conv/bias', 'i32', [4], [10, -20, 30, -40]);
  const [c] = b.op('tfl.CONV_2D', [x, w, bias], { padding: 'SAME', strideH: 1, strideW: 1, fusedActivationFunction: 'NONE', dilationHFactor: 1, dilationWFactor: 1 }, {
    name: 'conv', outputs: [{ dtype: 'i8', shape: [1, 8, 8, 4], quant: { scale: [0.25], zeroPoint: [3] } }], version: 3,
  });
  const [r] = b.op('tfl.RELU', [c!], {}, { name: 'relu', outputs: [{ dtype: 'i8', shape: [1, 8, 8, 4], quant: { scale: [0.25], zeroPoint: [3] } }] });
  const shape = b.constant('flat/shape', 'i32', [2], [1, 256]);
  const [f] = b.op('tfl.RESHAPE', [r!, shape], {}, { name: 'flat', outputs: [{ dtype: 'i8', shape: [1, 256] }] });
  const fw = b.constant('fc/weights', 'f16', [2, 256], Uint16Array.from({ length: 512 }, (_, i) => (i % 2 ? 0x3c00 : 0xbc00)));
  const [y] = b.op('tfl.FULLY_CONNECTED', [f!, fw, undefined], { fusedActivationFunction: 'NONE', keepNumDims: false }, {
    name: 'logits', outputs: [{ dtype: 'f32', shape: [1, 2] }],
  });
  const flag = b.input('flag', 'bool', []);
  const [z] = b.op('tfl.IF', [flag, y!], { thenSubgraphIndex: 1, elseSubgraphIndex: 2 }, { name: 'branch', outputs: [{ dtype: 'f32', shape: [1, 2] }] });
  b.output(z!);

  const t = new GraphBuilder('then');
  const ti = t.input('then_in', 'f32', [1, 2]);
  const [to] = t.op('tfl.NEG', [ti], {}, { name: 'neg', outputs: [{ dtype: 'f32', shape: [1, 2] }] });
  t.output(to!);
  const e = new GraphBuilder('else');
  const ei = e.input('else_in', 'f32', [1, 2]);
  const [e1] = e.op('tfl.ABS', [ei], {}, { name: 'abs', outputs: [{ dtype: 'f32', shape: [1, 2] }] });
  const [e2] = e.op('tfl.EXP', [e1!], {}, { name: 'exp', outputs: [{ dtype: 'f32', shape: [1, 2] }] });
  e.output(e2!);

  return new Model({
    graphs: [b.graph, t.graph, e.graph],
    signatures: [{ key: 'serving_default', graphIndex: 0, inputs: [{ name: 'x', value: x }, { name: 'flag', value: flag }], outputs: [{ name: 'y', value: z! }] }],
    metadata: [{ name: 'min_runtime_version', data: new TextEncoder().encode('2.3.0') }],
    description: 'hand-built test model',
    version: 3,
  });
}
