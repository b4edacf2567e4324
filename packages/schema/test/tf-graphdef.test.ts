import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { ModelFormatError } from '../src/errors';
import { decodeGraphDef, decodeTensor, encodeGraphDef, parseGraphDefText, printGraphDefText, tfProto } from '../src/tf/index';
import type { tf } from '../src/tf/index';
import type { GraphDef } from '../src/tf/index';

/** Op histogram of the graph's nodes plus its function bodies (prefix for function ops). */
function histogram(g: GraphDef, fnPrefix: string): Record<string, number> {
  const h: Record<string, number> = {};
  const add = (op: string): void => { h[op] = (h[op] ?? 0) + 1; };
  for (const n of g.node) add(n.op);
  for (const f of g.library?.function ?? []) for (const n of f.nodeDef) add(fnPrefix + n.op);
  return h;
}

describeModels('GraphDef models of the shared corpus', () => {
  const pbs = manifestEntries().filter((e) => e.format === 'graphdef-pb');
  const texts = manifestEntries().filter((e) => e.format === 'graphdef-pbtxt');

  it('the corpus has the binary and text GraphDefs this suite expects', () => {
    expect(pbs.length).toBeGreaterThanOrEqual(6);
    expect(texts.length).toBeGreaterThanOrEqual(18);
  });

  for (const e of pbs) {
    it(`decodes ${e.path} with the manifest's op histogram and re-encodes it byte-identically`, () => {
      const bytes = new Uint8Array(readFileSync(modelPath(e.path)));
      const g = decodeGraphDef(bytes);
      expect(g.node.length).toBe(e.n_ops);
      expect(histogram(g, 'fn:')).toEqual(e.ops);
      for (const n of g.node.filter((x) => x.op === 'Const')) {
        const t = decodeTensor(n.attr.value!.tensor!, n.name);
        const count = t.shape.reduce((a, b) => a * b, 1);
        expect(t.data.length).toBe(t.dtype === 'complex64' ? 2 * count : count);
      }
      expect(Buffer.compare(Buffer.from(encodeGraphDef(g)), Buffer.from(bytes))).toBe(0);
      // text → plain → text is lossless too (exercises the text parser on real graphs; compared
      // as text because deep equality of megabytes of tensor data is slow)
      const text = printGraphDefText(g);
      const parsed = parseGraphDefText(text);
      expect(parsed.node.length).toBe(g.node.length);
      expect(printGraphDefText(parsed) === text).toBe(true);
    });
  }

  for (const e of texts) {
    it(`parses ${e.path} with the manifest's op histogram`, () => {
      const g = parseGraphDefText(readFileSync(modelPath(e.path), 'utf8'));
      expect(histogram(g, '')).toEqual(e.ops);
      // text → binary → plain is lossless
      expect(decodeGraphDef(encodeGraphDef(g))).toEqual(g);
    });
  }

  it('prints and re-parses every SavedModel of the corpus losslessly', () => {
    for (const e of manifestEntries().filter((x) => x.format === 'savedmodel')) {
      const sm = tfProto.decode<tf.SavedModel>('SavedModel', readFileSync(modelPath(e.path)));
      const text = tfProto.printText('SavedModel', sm);
      expect(tfProto.printText('SavedModel', tfProto.parseText('SavedModel', text)) === text, e.path).toBe(true);
    }
  });

  it('reads constants of a frozen graph: the regression model computes 5·W + b ≈ 2.1193', () => {
    const g = decodeGraphDef(readFileSync(modelPath('graphdef/tf2onnx/regression/graphdef/frozen.pb')));
    const consts = g.node.filter((n) => n.op === 'Const').map((n) => decodeTensor(n.attr.value!.tensor!).data[0] as number);
    expect(consts).toHaveLength(2);
    const [w, b] = consts as [number, number];
    expect(5 * w + b).toBeCloseTo(2.1193342, 4);
  });
});

describe('our example models (examples/models)', () => {
  const root = join(__dirname, '..', '..', '..', 'examples', 'models');
  it('small_cnn.pb is the documented CNN with realistic attributes', () => {
    const g = decodeGraphDef(readFileSync(join(root, 'small_cnn.pb')));
    expect(g.node.map((n) => n.op).filter((op) => op !== 'Const')).toEqual([
      'Placeholder', 'Conv2D', 'BiasAdd', 'Relu', 'MaxPool', 'DepthwiseConv2dNative', 'BiasAdd', 'Relu6', 'Reshape',
      'MatMul', 'BiasAdd', 'Softmax',
    ]);
    const conv = g.node.find((n) => n.op === 'Conv2D')!;
    expect(new TextDecoder().decode(conv.attr.padding!.s)).toBe('SAME');
    expect(conv.attr.strides!.list!.i).toEqual([1, 1, 1, 1]);
    expect(conv.attr.T!.type).toBe('DT_FLOAT');
    const input = g.node.find((n) => n.name === 'input')!;
    expect(input.attr.shape!.shape!.dim.map((d) => d.size)).toEqual([1, 28, 28, 1]);
    const kernel = decodeTensor(g.node.find((n) => n.name === 'dense/kernel')!.attr.value!.tensor!);
    expect(kernel.shape).toEqual([1568, 10]);
    expect(g.node.find((n) => n.name === 'output')!.op).toBe('Softmax');
  });
});

describe('generated TensorFlow proto modules', () => {
  it('are up to date with proto/**/*.proto', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'generate-protos.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('GraphDef text format', () => {
  it('parses nested messages, maps, lists, enums, escapes and comments', () => {
    const g = parseGraphDefText(`
      # a comment
      node {
        name: "c"  op: 'Const'
        attr { key: "value" value { tensor { dtype: DT_INT32 tensor_shape { dim { size: 3 } } int_val: [1, -2, 0x10] } } }
        attr { key: "dtype" value < type: 3 > }
        attr { key: "s" value { s: "a\\001\\x41\\n\\"q\\u00e9" "tail" } }
        attr { key: "f" value { f: -inf } }
        attr { key: "l" value { list { i: 1 i: 2 s: ["x", 'y'] } } }
      }
      node { name: "n", op: "NoOp", input: "^c"; }
      versions { producer: 27 bad_consumers: 1 bad_consumers: 2 }
    `);
    expect(g.node).toHaveLength(2);
    const c = g.node[0]!;
    expect(decodeTensor(c.attr.value!.tensor!).data).toEqual(Int32Array.of(1, -2, 16));
    expect(c.attr.dtype!.type).toBe('DT_INT32');
    expect(Array.from(c.attr.s!.s!)).toEqual([...Buffer.from('a\x01A\n"q'), 0xc3, 0xa9, ...Buffer.from('tail')]);
    expect(c.attr.f!.f).toBe(-Infinity);
    expect(c.attr.l!.list!.i).toEqual([1, 2]);
    expect(c.attr.l!.list!.s.map((b) => new TextDecoder().decode(b))).toEqual(['x', 'y']);
    expect(g.node[1]!.input).toEqual(['^c']);
    expect(g.versions).toEqual({ producer: 27, minConsumer: 0, badConsumers: [1, 2] });
    expect(g.node[1]!.attr).toEqual({});
  });

  it('keeps int64 values past 2^53 exact as bigint', () => {
    const g = parseGraphDefText('node { name: "a" op: "X" attr { key: "i" value { i: 9007199254740993 } } }');
    expect(g.node[0]!.attr.i!.i).toBe(9007199254740993n);
    expect(decodeGraphDef(encodeGraphDef(g)).node[0]!.attr.i!.i).toBe(9007199254740993n);
  });

  it.each([
    ['node { name: "a" bogus: 1 }', /NodeDef has no field 'bogus'.*line 1:18/],
    ['node { name: "a"', /missing '}'/],
    ['node { name: "unterminated }', /unterminated string/],
    ['versions { producer: 99999999999 }', /out of range for int32/],
    ['node { attr { key: "x" value { type: DT_NOPE } } }', /DT_NOPE is not a DataType value/],
    ['node { name: "\\q" }', /unknown escape/],
    ['node { name: 5 }', /expected a quoted string/],
  ])('rejects %s with a located BAD_TEXT error', (text, message) => {
    let err: unknown;
    try { parseGraphDefText(text); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ModelFormatError);
    expect((err as ModelFormatError).code).toBe('BAD_TEXT');
    expect((err as Error).message).toMatch(message);
  });

  it('rejects bytes that are not a GraphDef with BAD_PROTO', () => {
    expect(() => decodeGraphDef(Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0x0f, 1))).toThrow(ModelFormatError);
    try { decodeGraphDef(Uint8Array.of(0x0f)); } catch (e) { expect((e as ModelFormatError).code).toBe('BAD_PROTO'); }
  });

  it('encodeGraphDef validates its input', () => {
    expect(() => encodeGraphDef({ node: [{ name: 3 } as never] })).toThrow(/expected a string/);
    expect(() => encodeGraphDef({ node: [{ name: 'x', attr: { T: { type: 'DT_NOPE' as never } } } as never] })).toThrow(/not a DataType value/);
  });
});
