// The Interpreter API on hand-built models and shared models: feeds, errors, resize + re-plan,
// signatures, intermediates, profiler, memory planning, variables and control flow.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Interpreter, registerCustomOp, RuntimeError, type NodeTiming, type Tensor } from '../src/index';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { GraphBuilder, model, out } from './helpers/models';

const vals = (t: Tensor | undefined) => Array.from(t!.data as ArrayLike<number>, Number);

// Test-only custom ops (registered for every backend under their own custom codes).
registerCustomOp('TestAddOne', { run(ctx) { const x = ctx.inputs[0]!; const y = ctx.output(0, x.shape); (x.data as Float32Array).forEach((v, i) => { (y.data as Float32Array)[i] = v + 1; }); } });
registerCustomOp('TestLess', { run(ctx) { const [a, b] = ctx.inputs; (ctx.output(0, [], 'bool').data as Uint8Array)[0] = Number(a!.data[0]) < Number(b!.data[0]) ? 1 : 0; } });

/** x [N, 2, 3] → transpose → reshape [N, 6] → addOne → output */
function chain(dynamic = false) {
  const b = new GraphBuilder('main');
  const n = dynamic ? -1 : 1;
  const x = b.input('x', 'f32', [1, 2, 3], { shapeSignature: [n, 2, 3] });
  const perm = b.constant('perm', 'i32', [3], [0, 2, 1]);
  const shape = b.constant('shape', 'i32', [2], [-1, 6]);
  const [t] = b.op('tfl.TRANSPOSE', [x, perm], {}, { name: 'transposed', outputs: [out('f32', [1, 3, 2])] });
  const [r] = b.op('tfl.RESHAPE', [t, shape], {}, { name: 'reshaped', outputs: [out('f32', [1, 6])] });
  const [y] = b.op('tfl.CUSTOM', [r], { customCode: 'TestAddOne', customOptions: new Uint8Array() }, { name: 'y', outputs: [out('f32', [1, 6])] });
  b.output(y!);
  return model([b.graph]);
}

describe('Interpreter on a hand-built model', () => {
  it('reports inputs/outputs and runs with named or positional feeds', async () => {
    const interp = await Interpreter.create(chain());
    expect(interp.inputs).toEqual([{ name: 'x', index: 0, dtype: 'f32', shape: [1, 2, 3], shapeSignature: [1, 2, 3], quant: undefined }]);
    expect(interp.outputs.map((o) => o.name)).toEqual(['y']);
    const x = new Float32Array([0, 1, 2, 3, 4, 5]);
    const expected = [1, 4, 2, 5, 3, 6];
    expect(vals(interp.run({ x })['y'])).toEqual(expected);
    expect(vals(interp.run([Array.from(x)])['y'])).toEqual(expected);
    expect(interp.run({ x: { data: x, shape: [1, 2, 3] } })['y']!.shape).toEqual([1, 6]);
  });

  it('rejects bad feeds with BAD_INPUT and a clear message', async () => {
    const interp = await Interpreter.create(chain());
    const bad = (feeds: Parameters<Interpreter['run']>[0], msg: RegExp) => {
      try { interp.run(feeds); } catch (e) {
        expect(e).toBeInstanceOf(RuntimeError);
        expect((e as RuntimeError).code).toBe('BAD_INPUT');
        expect((e as Error).message).toMatch(msg);
        return;
      }
      throw new Error('no error');
    };
    bad({}, /missing input\(s\) 'x'/);
    bad({ x: new Float32Array(6), z: new Float32Array(1) }, /unknown input\(s\) 'z'/);
    bad([], /expected 1 input/);
    bad({ x: new Int32Array(6) }, /expected a Float32Array/);
    bad({ x: new Float32Array(5) }, /got 5 values but the input holds 6/);
    bad({ x: { data: new Float32Array(12), shape: [2, 2, 3] } }, /resizeInput\('x', \[2, 2, 3\]\)/);
  });

  it('resizes inputs and re-plans (dynamic batch via the shape signature or resizeInput)', async () => {
    const interp = await Interpreter.create(chain(true));
    const before = interp.arenaBytes;
    const x = Float32Array.from({ length: 12 }, (_, i) => i);
    // A feed whose shape fits the signature [-1, 2, 3] resizes automatically.
    const y = interp.run({ x: { data: x, shape: [2, 2, 3] } })['y']!;
    expect(y.shape).toEqual([2, 6]);
    expect(vals(y)).toEqual([1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12]);
    expect(interp.inputs[0]!.shape).toEqual([2, 2, 3]);
    interp.resizeInput('x', [16, 2, 3]);
    expect(interp.inputs[0]!.shape).toEqual([16, 2, 3]);
    expect(interp.run({ x: new Float32Array(96) })['y']!.shape).toEqual([16, 6]);
    // Re-planned: the arena holds at least the 16-batch input (384 bytes), more than before.
    expect(interp.arenaBytes).toBeGreaterThanOrEqual(384);
    expect(interp.arenaBytes).toBeGreaterThan(before);
    expect(() => interp.resizeInput('nope', [1])).toThrow(/has no input 'nope'/);
  });

  it('feeds graph inputs that are marked as variables (litert sub.bin has one)', async () => {
    const b = new GraphBuilder('main');
    const x = b.input('x', 'f32', [2]);
    const v = b.input('v', 'f32', [2], { isVariable: true });
    const [c] = b.op('tfl.CONCATENATION', [x, v], { axis: 0 }, { name: 'c', outputs: [out('f32', [4])] });
    b.output(c!);
    const interp = await Interpreter.create(model([b.graph]));
    expect(vals(interp.run({ x: [1, 2], v: [3, 4] })['c'])).toEqual([1, 2, 3, 4]);
    expect(vals(interp.run({ x: [1, 2], v: [5, 6] })['c'])).toEqual([1, 2, 5, 6]);
  });

  it('plans int64 and string tensors (bigint arena views, string arrays)', async () => {
    const b = new GraphBuilder('main');
    const x = b.input('x', 'f32', [3]);
    const [c] = b.op('tfl.CAST', [x], {}, { name: 'as_i64', outputs: [out('i64', [3])] });
    const [r] = b.op('tfl.REVERSE_V2', [c, b.constant('ax', 'i32', [1], [0])], {}, { name: 'rev', outputs: [out('i64', [3])] });
    const s = b.input('s', 'string', [2]);
    const [g] = b.op('tfl.GATHER', [s, b.constant('i', 'i32', [1], [1])], { axis: 0 }, { name: 'pick', outputs: [out('string', [1])] });
    b.output(r!, g!);
    const interp = await Interpreter.create(model([b.graph]));
    const res = interp.run({ x: [1.5, -2.5, 3], s: ['a', 'b'] });
    expect(res['rev']!.data).toEqual(new BigInt64Array([3n, -2n, 1n]));
    expect(res['pick']!.data).toEqual(['b']);
  });

  it('rejects unknown backends and bad options', async () => {
    await expect(Interpreter.create(chain(), { backend: 'gpu9000' })).rejects.toMatchObject({ code: 'UNKNOWN_BACKEND' });
    await expect(Interpreter.create(chain(), { numThreads: 0 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  it('collects every unsupported node into one UNSUPPORTED_OPS error', () => {
    const b = new GraphBuilder('main');
    const x = b.input('x', 'f32', [2]);
    const [a] = b.op('tfl.CUSTOM', [x], { customCode: 'NoSuchOp' }, { name: 'first', outputs: [out('f32', [2])] });
    const [c] = b.op('tfl.CUSTOM', [a], { customCode: 'AlsoMissing' }, { name: 'second', outputs: [out('f32', [2])] });
    const [d] = b.op('tfl.GATHER', [c, b.constant('i', 'i32', [1], [0])], { axis: 0 }, { name: 'third', outputs: [out('f32', [1])] });
    b.output(d!);
    (b.graph.nodes[2]!.inputs[0] as { dtype: string }).dtype = 'resource';
    try {
      Interpreter.createSync(model([b.graph]));
      throw new Error('created');
    } catch (e) {
      expect((e as RuntimeError).code).toBe('UNSUPPORTED_OPS');
      expect((e as RuntimeError).names).toEqual(['first', 'second', 'third']);
      expect((e as Error).message).toMatch(/'first' tfl.CUSTOM:NoSuchOp: no kernel for custom op 'NoSuchOp'/);
      expect((e as Error).message).toMatch(/'second' tfl.CUSTOM:AlsoMissing/);
      expect((e as Error).message).toMatch(/'third' tfl.GATHER: dtype resource of input 0 is not supported/);
    }
  });

  it('keeps intermediates only with preserveAllTensors, and shares memory otherwise', async () => {
    const plain = await Interpreter.create(chain());
    plain.run({ x: new Float32Array(6) });
    expect(() => plain.getTensor('transposed')).toThrow(/preserveAllTensors/);
    expect(vals(plain.getTensor('perm'))).toEqual([0, 2, 1]);
    const keep = await Interpreter.create(chain(), { preserveAllTensors: true });
    keep.run({ x: Float32Array.from([0, 1, 2, 3, 4, 5]) });
    expect(vals(keep.getTensor('transposed'))).toEqual([0, 3, 1, 4, 2, 5]);
    // x (input), transposed, reshaped, y: 4 × 24 bytes, each aligned to 64. Sharing needs fewer.
    expect(keep.arenaBytes).toBe(4 * 64);
    expect(plain.arenaBytes).toBeLessThan(keep.arenaBytes);
  });

  it('reports per-node timings to the profiler', async () => {
    const events: NodeTiming[] = [];
    const interp = await Interpreter.create(chain(), { profiler: (e) => events.push(e) });
    interp.run({ x: new Float32Array(6) });
    expect(events.map((e) => [e.node, e.op, e.backend])).toEqual([
      ['transposed', 'tfl.TRANSPOSE', 'reference'], ['reshaped', 'tfl.RESHAPE', 'reference'], ['y', 'tfl.CUSTOM:TestAddOne', 'reference'],
    ]);
    expect(events.every((e) => e.ms >= 0)).toBe(true);
  });

  it('wraps kernel failures in RuntimeError naming the node', async () => {
    const b = new GraphBuilder('main');
    const x = b.input('x', 'f32', [2]);
    const [g] = b.op('tfl.GATHER', [x, b.input('i', 'i32', [1])], { axis: 0 }, { name: 'gather', outputs: [out('f32', [1])] });
    b.output(g!);
    const interp = await Interpreter.create(model([b.graph]));
    expect(vals(interp.run({ x: [5, 6], i: [1] })['gather'])).toEqual([6]);
    expect(() => interp.run({ x: [5, 6], i: [7] })).toThrow(/'gather'.*index 7 is out of range/);
  });

  it('runs WHILE loops through subgraphs (cond and body use custom ops)', async () => {
    const cond = new GraphBuilder('cond');
    const ci = cond.input('i', 'f32', [1]);
    const [lt] = cond.op('tfl.CUSTOM', [ci, cond.constant('limit', 'f32', [1], [5])], { customCode: 'TestLess' }, { name: 'lt', outputs: [out('bool', [])] });
    cond.output(lt!);
    const body = new GraphBuilder('body');
    const bi = body.input('i', 'f32', [1]);
    const [next] = body.op('tfl.CUSTOM', [bi], { customCode: 'TestAddOne' }, { name: 'next', outputs: [out('f32', [1])] });
    body.output(next!);
    const main = new GraphBuilder('main');
    const start = main.input('start', 'f32', [1]);
    const [res] = main.op('tfl.WHILE', [start], { condSubgraphIndex: 1, bodySubgraphIndex: 2 }, { name: 'loop', outputs: [out('f32', [1])] });
    main.output(res!);
    const interp = await Interpreter.create(model([main.graph, cond.graph, body.graph]));
    expect(vals(interp.run({ start: [0.5] })['loop'])).toEqual([5.5]);
    expect(vals(interp.run({ start: [9] })['loop'])).toEqual([9]);
  });

  it('runs IF: the then or else subgraph on the remaining inputs', async () => {
    const then = new GraphBuilder('then');
    const tx = then.input('x', 'f32', [2]);
    const [ty] = then.op('tfl.CUSTOM', [tx], { customCode: 'TestAddOne' }, { name: 'plus', outputs: [out('f32', [2])] });
    then.output(ty!);
    const els = new GraphBuilder('else');
    const ex = els.input('x', 'f32', [2]);
    const [ey] = els.op('tfl.REVERSE_V2', [ex, els.constant('ax', 'i32', [1], [0])], {}, { name: 'rev', outputs: [out('f32', [2])] });
    els.output(ey!);
    const main = new GraphBuilder('main');
    const c = main.input('c', 'bool', []);
    const x = main.input('x', 'f32', [2]);
    const [y] = main.op('tfl.IF', [c, x], { thenSubgraphIndex: 1, elseSubgraphIndex: 2 }, { name: 'branch', outputs: [out('f32', [2])] });
    main.output(y!);
    const interp = await Interpreter.create(model([main.graph, then.graph, els.graph]));
    expect(vals(interp.run({ c: [1], x: [1, 2] })['branch'])).toEqual([2, 3]);
    expect(vals(interp.run({ c: [0], x: [1, 2] })['branch'])).toEqual([2, 1]);
  });

  it('keeps resource variables across runs; CALL_ONCE initializes them once', async () => {
    const init = new GraphBuilder('init');
    const [h0] = init.op('tfl.VAR_HANDLE', [], { container: '', sharedName: 'counter' }, { name: 'h0', outputs: [out('resource', [])] });
    init.op('tfl.ASSIGN_VARIABLE', [h0, init.constant('zero', 'f32', [1], [0])], {}, { name: 'assign0', outputs: [] });
    const main = new GraphBuilder('main');
    const x = main.input('x', 'f32', [1]);
    main.op('tfl.CALL_ONCE', [], { initSubgraphIndex: 1 }, { name: 'once', outputs: [] });
    const [h] = main.op('tfl.VAR_HANDLE', [], { container: '', sharedName: 'counter' }, { name: 'h', outputs: [out('resource', [])] });
    const [v] = main.op('tfl.READ_VARIABLE', [h], {}, { name: 'read', outputs: [out('f32', [1])] });
    const [inc] = main.op('tfl.CUSTOM', [v], { customCode: 'TestAddOne' }, { name: 'inc', outputs: [out('f32', [1])] });
    main.op('tfl.ASSIGN_VARIABLE', [h, inc], {}, { name: 'assign', outputs: [] });
    const [t] = main.op('tfl.CONCATENATION', [inc, x], { axis: 0 }, { name: 'result', outputs: [out('f32', [2])] });
    main.output(t!);
    const interp = await Interpreter.create(model([main.graph, init.graph]));
    expect(vals(interp.run({ x: [7] })['result'])).toEqual([1, 7]);
    expect(vals(interp.run({ x: [7] })['result'])).toEqual([2, 7]);
    interp.resetVariables();
    expect(vals(interp.run({ x: [7] })['result'])).toEqual([1, 7]);
  });

  it('runs signatures on their own subgraphs', async () => {
    const g0 = new GraphBuilder('rev');
    const a = g0.input('a_in', 'f32', [3]);
    const [r] = g0.op('tfl.REVERSE_V2', [a, g0.constant('ax', 'i32', [1], [0])], {}, { name: 'a_out', outputs: [out('f32', [3])] });
    g0.output(r!);
    const g1 = new GraphBuilder('tile');
    const b = g1.input('b_in', 'f32', [2]);
    const [t] = g1.op('tfl.TILE', [b, g1.constant('m', 'i32', [1], [2])], {}, { name: 'b_out', outputs: [out('f32', [4])] });
    g1.output(t!);
    const m = model([g0.graph, g1.graph], [
      { key: 'reverse', graphIndex: 0, inputs: [{ name: 'values', value: a }], outputs: [{ name: 'reversed', value: r! }] },
      { key: 'tile', graphIndex: 1, inputs: [{ name: 'values', value: b }], outputs: [{ name: 'tiled', value: t! }] },
    ]);
    const interp = await Interpreter.create(m);
    expect(interp.signatureKeys).toEqual(['reverse', 'tile']);
    const tile = interp.getSignatureRunner('tile');
    expect(tile.inputs.map((i) => [i.name, i.shape])).toEqual([['values', [2]]]);
    expect(vals(tile.run({ values: [1, 2] })['tiled'])).toEqual([1, 2, 1, 2]);
    expect(vals(interp.getSignatureRunner('reverse').run({ values: [1, 2, 3] })['reversed'])).toEqual([3, 2, 1]);
    expect(() => interp.getSignatureRunner()).toThrow(/has 2 signatures/);
    expect(() => interp.getSignatureRunner('nope')).toThrow(/no signature 'nope'/);
  });
});

describeModels('Interpreter on shared models', () => {
  it('loads .tflite bytes, reports quantization and runs a seanet int16 model bit-exactly', async () => {
    const interp = await Interpreter.create(readFileSync(modelPath('seanet/strided_slice/strided_slice3.tflite')));
    const [inp] = interp.inputs;
    expect(inp!.dtype).toBe('i16');
    expect(inp!.quant!.scale.length).toBe(1);
    expect(interp.memory.arenaBytes).toBeGreaterThan(0);
  });

  it('runs every signature of a multi-signature model on its own subgraph', async () => {
    const interp = await Interpreter.create(readFileSync(modelPath('litert/litert/js/packages/core/testdata/multi_signature_model.tflite')));
    expect(interp.signatureKeys).toEqual(['add', 'mul', 'sub']);
    const a = Float32Array.from({ length: 100 }, (_, i) => i / 10);
    const b = Float32Array.from({ length: 100 }, (_, i) => 1 + (i % 7));
    const expectOp = (key: string, f: (x: number, y: number) => number) => {
      const y = interp.getSignatureRunner(key).run({ a, b })['output']!;
      expect(y.shape).toEqual([10, 10]);
      Array.from(y.data as Float32Array).forEach((v, i) => expect(v).toBeCloseTo(f(a[i]!, b[i]!), 5));
    };
    expectOp('add', (x, y) => x + y);
    expectOp('mul', (x, y) => x * y);
    expectOp('sub', (x, y) => x - y);
  });

  it('maps signature names to graph inputs/outputs in any order (reverse_signature_model)', async () => {
    const interp = await Interpreter.create(readFileSync(modelPath('litert/tflite/testdata/reverse_signature_model.bin')));
    const runner = interp.getSignatureRunner('serving_default');
    expect(runner.inputs.map((i) => i.name)).toEqual(['x', 'y']);
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const y = Float32Array.from([2, 2, 2, 2, 3, 3, 3, 3]);
    const out = runner.run({ x, y });
    expect(Array.from(out['sum']!.data as Float32Array)).toEqual(Array.from(x, (v, i) => v + y[i]!));
    expect(Array.from(out['prod']!.data as Float32Array)).toEqual(Array.from(x, (v, i) => v * y[i]!));
  });

  it('rejects a model that is not a flatbuffer with a typed error', async () => {
    await expect(Interpreter.create(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).rejects.toThrow();
  });
});

describeModels('malformed models', () => {
  it('every manifest model marked expect: error is rejected with a typed error (no crash, no output)', async () => {
    const { manifestEntries } = await import('../../../testing/shared-models');
    // Those with a golden (empty_model.bin, topo_sort_fork_violation.tflite: "the oracle nevertheless
    // ran it") are valid to run and are checked by goldens.test.ts instead.
    const bad = manifestEntries().filter((e) => e.format === 'tflite' && e.expect === 'error' && !e.golden?.length);
    expect(bad.length).toBeGreaterThan(0);
    const outcomes: string[] = [];
    for (const e of bad) {
      let name = 'no error';
      try {
        const interp = await Interpreter.create(readFileSync(modelPath(e.path)));
        // Some are only invalid to run (e.g. empty graphs): running must fail cleanly too.
        interp.run(interp.inputs.map((i) => ({ data: new (i.dtype === 'f32' ? Float32Array : Uint8Array)(i.shape.reduce((a, b) => a * b, 1)), shape: i.shape })));
      } catch (err) {
        name = (err as Error).name;
      }
      outcomes.push(`${e.path}: ${name}`);
    }
    const untyped = outcomes.filter((o) => !/(ModelFormatError|IRError|RuntimeError)$/.test(o));
    expect(untyped).toEqual([]);
  });
});

describe('runNode (constant folding without a model)', () => {
  it('evaluates one node on tensors and reports unsupported nodes', async () => {
    const { runNode } = await import('../src/index');
    const b = new GraphBuilder('g');
    const x = b.input('x', 'f32', [2, 2]);
    const [t] = b.op('tfl.TRANSPOSE', [x, b.constant('p', 'i32', [2], [1, 0])], {}, { name: 't', outputs: [out('f32', [2, 2])] });
    const node = b.graph.nodes[0]!;
    const [y] = runNode(node, [{ name: 'x', dtype: 'f32', shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) }, { name: 'p', dtype: 'i32', shape: [2], data: new Int32Array([1, 0]) }]);
    expect(y!.name).toBe(t!.name);
    expect(vals(y)).toEqual([1, 3, 2, 4]);
    b.op('tfl.CUSTOM', [x], { customCode: 'Nope' }, { name: 'nope', outputs: [out('f32', [2, 2])] });
    expect(() => runNode(b.graph.nodes[1]!, [undefined])).toThrow(/'nope' tfl.CUSTOM:Nope/);
  });
});
