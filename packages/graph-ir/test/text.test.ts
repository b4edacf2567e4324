import { describe, expect, it } from 'vitest';
import { GraphBuilder, IRError, Model, Node, parseModel, printModel, typedArrayOf, verify } from '../src/index';

function everything(): Model {
  const b = new GraphBuilder('main');
  const x = b.input('serving_default_x:0', 'i8', ['batch', 4], {
    quant: { scale: [0.5], zeroPoint: [-3] },
    shapeSignature: [-1, 4],
  });
  const shared = new Uint8Array(48).map((_, i) => i);
  const w = b.constant('w', 'i8', [3, 4, 4], shared, { quant: { scale: [0.1, 0.2, 0.30000001192092896], zeroPoint: [0, 0, 0], axis: 0, min: [-1, -2, -3], max: [1, 2, 3] } });
  const w2 = b.constant('w_alias', 'i8', [3, 4, 4], shared);
  const small = b.constant('small', 'f32', [4], [1.5, -0, Infinity, -Infinity]);
  const nan = b.constant('nan', 'f32', [1], [NaN]);
  const i64 = b.constant('big', 'i64', [2], [-(2n ** 62n), 7n]);
  const str = b.constant('labels', 'string', [2], ['a', 'b "quoted"']);
  const state = b.value('state', 'f32', [1, 4], { isVariable: true });
  const [y] = b.op('tfl.CUSTOM', [x, w, undefined, w2, small, nan, i64, str, state], {
    customCode: 'MyOp',
    customOptions: new Uint8Array([1, 2, 255]),
    int: 3, float: 0.1, neg: -2.5e-12, bool: false, str: 'SAME', none: null, big: 12345678901234567890n,
    ints: [1, -2, 3], floats: [0.5, NaN, -0], strs: ['a', 'b'], bools: [true, false], empty: [],
    nested: { type: 'BlockwiseQuantization', value: { blockSize: 32, scales: 1 } },
    'odd key': 1, bytesBig: new Uint8Array(100).fill(7),
  }, { name: 'custom', outputs: [{ dtype: 'f32', shape: ['batch', 4, 1], quant: { scale: [1], zeroPoint: [0] } }], version: 2 });
  const [z] = b.op('tfl.RELU', [y!], {}, { name: 'z' });
  const [u] = b.op('tfl.RELU', [z!], {}, { name: 'u', outputs: [{ dtype: 'f32', shape: undefined }] });
  b.graph.nodes.push(new Node({ op: 'tfl.CALL_ONCE', name: 'init', inputs: [], outputs: [], attrs: { initSubgraphIndex: 1 }, version: 1 }));
  b.graph.nodes[0]!.intermediates = [b.value('scratch', 'i16', [4], { quant: { scale: [0.25], zeroPoint: [0] } })];
  b.output(u!);
  const init = new GraphBuilder('init graph');
  init.constant('unused', 'u8', [0], new Uint8Array(0));
  const g2 = init.graph;
  g2.nodes.push(new Node({ op: 'tfl.VAR_HANDLE', name: 'v', inputs: [], outputs: [init.value('v', 'resource', [], {})], attrs: { container: '', sharedName: 'v' } }));
  const meta = new Uint8Array([1, 2, 3]);
  return new Model({
    graphs: [b.graph, g2],
    signatures: [{ key: 'serving_default', graphIndex: 0, inputs: [{ name: 'x', value: x }], outputs: [{ name: 'out put', value: u! }] }],
    metadata: [{ name: 'min_runtime_version', data: meta }, { name: 'other', data: new Uint8Array(0) }],
    metadataBuffers: [meta],
    description: 'Made by a "test"\nsecond line',
    version: 3,
  });
}

describe('text form', () => {
  it('round-trips every feature exactly', () => {
    const m = everything();
    const text = printModel(m);
    const back = parseModel(text);
    expect(printModel(back)).toBe(text);
    const g = back.graphs[0]!;
    const byName = new Map(g.nodes.flatMap((n) => n.inputs).filter((v) => v).map((v) => [v!.name, v!]));
    // data shared by two constants stays one Uint8Array; metadata and metadata_buffers share too
    expect(byName.get('w')!.data).toBe(byName.get('w_alias')!.data);
    expect(back.metadataBuffers![0]).toBe(back.metadata[0]!.data);
    expect(Array.from(typedArrayOf(byName.get('small')!) as Float32Array)).toEqual([1.5, -0, Infinity, -Infinity]);
    expect(Object.is((typedArrayOf(byName.get('small')!) as Float32Array)[1], -0)).toBe(true);
    expect(Number.isNaN((typedArrayOf(byName.get('nan')!) as Float32Array)[0])).toBe(true);
    expect(Array.from(typedArrayOf(byName.get('big')!) as BigInt64Array)).toEqual([-(2n ** 62n), 7n]);
    expect(typedArrayOf(byName.get('labels')!)).toEqual(['a', 'b "quoted"']);
    expect(byName.get('state')!.isVariable).toBe(true);
    expect(byName.get('w')!.quant).toEqual({ scale: [0.1, 0.2, 0.30000001192092896], zeroPoint: [0, 0, 0], axis: 0, min: [-1, -2, -3], max: [1, 2, 3] });
    const custom = g.nodes[0]!;
    expect(custom.inputs[2]).toBeUndefined();
    expect(custom.version).toBe(2);
    expect(custom.intermediates!.map((v) => v.name)).toEqual(['scratch']);
    expect(custom.attrs).toEqual(m.graphs[0]!.nodes[0]!.attrs);
    expect(custom.attrs.big).toBe(12345678901234567890n);
    expect(custom.attrs.customOptions).toBeInstanceOf(Uint8Array);
    expect(g.nodes[2]!.outputs[0]!.shape).toBeUndefined();
    expect(g.inputs[0]!.shape).toEqual(['batch', 4]);
    expect(g.inputs[0]!.shapeSignature).toEqual([-1, 4]);
    expect(back.graphs[1]!.name).toBe('init graph');
    expect(back.signatures[0]!.outputs[0]!.value).toBe(g.outputs[0]);
    expect(back.description).toBe('Made by a "test"\nsecond line');
    expect(verify(back, { inference: false })).toEqual([]);
  });

  it('is readable: one line per value or node', () => {
    const text = printModel(everything());
    expect(text).toContain('%0: i8[batch,4] "serving_default_x:0" {sig = [-1, 4], quant = {scale = [0.5], zeroPoint = [-3]}}');
    expect(text).toContain('= tfl.RELU(%');
    expect(text).toContain('() = tfl.CALL_ONCE() v1 @"init" {initSubgraphIndex = 1}');
    expect(text).toMatch(/%\d+: f32\[4\] "small" = \[1\.5, -0, inf, -inf\]/);
    expect(text).toMatch(/signature "serving_default" graph 0 \("x" = %0\) -> \("out put" = %\d+\)/);
    expect(text).toMatch(/^blob #0 = hex"/m);
  });

  it('can elide constants for reading, and then refuses to parse', () => {
    const text = printModel(everything(), { constants: 'elide' });
    expect(text).toContain('<48 bytes>');
    expect(() => parseModel(text)).toThrow(expect.objectContaining({ code: 'PARSE_ERROR' }));
  });

  it('reports parse errors with line and column', () => {
    const bad = 'model {}\ngraph 0 "g" (%0) -> (%1) {\n  %0: f32[2] "x"\n  %1: f32[2] "y" = tfl.RELU(%0 %9)\n}\n';
    let err: IRError | undefined;
    try {
      parseModel(bad);
    } catch (e) {
      err = e as IRError;
    }
    expect(err).toBeInstanceOf(IRError);
    expect(err!.code).toBe('PARSE_ERROR');
    expect(err!.message).toMatch(/line \d+:\d+/);
    expect(() => parseModel('model {}\ngraph 0 "g" () -> (%1) {\n}\n')).toThrow(/%1 is used but never declared/);
    expect(() => parseModel('model {}\ngraph 0 "g" () -> () {\n  %0: f99[2] "x"\n}\n')).toThrow(/line 3:.*dtype/);
    expect(() => parseModel('model {}\nfoo\n')).toThrow(/unknown statement 'foo'/);
  });

  it('survives truncated and corrupted input with PARSE_ERROR (fuzz)', () => {
    const text = printModel(everything());
    let seed = 1234;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const junk = ['"', '{', '[', ']', '%', '#', '-', '9', 'n', '\\', '=', ',', '(', '?', 'x', ' ', '\n'];
    let parsed = 0;
    for (let k = 0; k < 400; k++) {
      let t = text;
      const mode = k % 3;
      const at = Math.floor(rand() * t.length);
      if (mode === 0) t = t.slice(0, at);
      else if (mode === 1) t = t.slice(0, at) + junk[Math.floor(rand() * junk.length)] + t.slice(at + 1);
      else t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rand() * 20));
      try {
        parseModel(t);
        parsed++;
      } catch (e) {
        expect(e).toBeInstanceOf(IRError);
        expect((e as IRError).code).toBe('PARSE_ERROR');
      }
    }
    expect(parsed).toBeLessThan(400);
    expect(() => parseModel(`model {a = ${'['.repeat(5000)}`)).toThrow(/nested more than 100/);
  });
});
