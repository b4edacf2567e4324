import { describe, expect, it } from 'vitest';
import {
  GraphBuilder, IRError, Model, PassManager, commonSubexpressionElimination, deadCodeElimination, deduplicateConstants,
  exportTflite, importTflite, printModel, rewrite, rewritePass, verify, type Node, type Pass, type Rule, type Value,
} from '../src/index';

/** x → NEG → NEG → RELU → output, plus an unused branch and duplicated work. */
function sample() {
  const b = new GraphBuilder('main');
  const x = b.input('x', 'f32', [2, 3]);
  const [n1] = b.op('tfl.NEG', [x], {}, { name: 'neg1' });
  const [n2] = b.op('tfl.NEG', [n1!], {}, { name: 'neg2' });
  const [r] = b.op('tfl.RELU', [n2!], {}, { name: 'relu' });
  b.op('tfl.TANH', [x], {}, { name: 'unused' });
  const c1 = b.constant('c1', 'f32', [3], [1, 2, 3]);
  const c2 = b.constant('c2', 'f32', [3], [1, 2, 3]);
  const [a1] = b.op('tfl.ADD', [r!, c1], { fusedActivationFunction: 'NONE', potScaleInt16: true }, { name: 'a1' });
  const [a2] = b.op('tfl.ADD', [r!, c2], { fusedActivationFunction: 'NONE', potScaleInt16: true }, { name: 'a2' });
  const [a3] = b.op('tfl.ADD', [r!, c1], { fusedActivationFunction: 'NONE', potScaleInt16: true }, { name: 'a3' });
  const [m] = b.op('tfl.MUL', [a1!, a2!], { fusedActivationFunction: 'NONE' }, { name: 'm' });
  const [out] = b.op('tfl.MUL', [m!, a3!], { fusedActivationFunction: 'NONE' }, { name: 'out' });
  b.output(out!);
  return new Model({ graphs: [b.graph], signatures: [{ key: 's', graphIndex: 0, inputs: [{ name: 'x', value: x }], outputs: [{ name: 'y', value: out! }] }] });
}

const ops = (m: Model) => m.graphs[0]!.nodes.map((n) => n.op.slice(4));

const doubleNeg: Rule = [{ op: 'tfl.NEG', inputs: [{ op: 'tfl.NEG', inputs: [{ bind: 'x' }] }] }, (m) => m.x as Value, 'double-neg'];

describe('rewrite', () => {
  it('applies [pattern, fn] rules to a fixed point', () => {
    const model = sample();
    const g = model.graphs[0]!;
    const r = rewrite(g, [doubleNeg]);
    expect(r).toEqual({ changed: true, iterations: 2, applied: { 'double-neg': 1 } });
    expect(g.nodes.find((n) => n.name === 'relu')!.inputs[0]).toBe(g.inputs[0]);
    expect(ops(model).filter((o) => o === 'NEG')).toEqual(['NEG']); // neg1 is dead, left for DCE
    expect(rewrite(g, [doubleNeg]).changed).toBe(false);
    expect(verify(model)).toEqual([]);
  });

  it('builds replacements with the context and keeps the graph output name', () => {
    const model = sample();
    const g = model.graphs[0]!;
    // replace the final MUL (a graph output) by a new node built through the context
    const rule: Rule = [
      { op: 'tfl.MUL', inputs: [{ op: 'tfl.MUL', bind: 'inner' }, { bind: 'y' }], where: (n) => n.name === 'out' },
      (m, ctx) => ctx.op('tfl.ADD', [(m.inner as Node).outputs[0], m.y as Value], { fusedActivationFunction: 'RELU' }, { name: 'fused' }),
      'mul-to-add',
    ];
    rewrite(g, [rule], { model });
    expect(g.outputs[0]!.name).toBe('out');
    expect(model.signatures[0]!.outputs[0]!.value).toBe(g.outputs[0]);
    expect(g.nodes.at(-1)!.name).toBe('fused');
    expect(verify(model)).toEqual([]);
  });

  it('matches attributes, constants, dtypes, shared captures and single use', () => {
    const model = sample();
    const g = model.graphs[0]!;
    const seen: string[] = [];
    const spy = (name: string): Rule => [
      {
        op: 'tfl.ADD',
        attrs: { fusedActivationFunction: 'NONE', potScaleInt16: (v: unknown) => v === true },
        inputs: [{ op: 'tfl.RELU', bind: 'relu' }, { const: true, dtype: 'f32', bind: 'c' }],
      },
      (m) => {
        seen.push(`${name}:${m.root.name}:${(m.c as { name: string }).name}`);
        return undefined;
      },
    ];
    rewrite(g, [spy('add')]);
    expect(seen).toEqual(['add:a1:c1', 'add:a2:c2', 'add:a3:c1']);
    seen.length = 0;
    const same: Rule = [{ op: 'tfl.MUL', inputs: [{ bind: 'v' }, { bind: 'v' }] }, (m) => (seen.push(m.root.name), undefined)];
    rewrite(g, [same]);
    expect(seen).toEqual([]);
    const oneUse: Rule = [{ op: 'tfl.ADD', inputs: [{ op: 'tfl.RELU', oneUse: true }, null] }, (m) => (seen.push(m.root.name), undefined)];
    rewrite(g, [oneUse]);
    expect(seen).toEqual([]); // relu feeds three ADDs
  });

  it('fuses RELU into a single-use ADD (the README example)', () => {
    const b = new GraphBuilder('main');
    const p = b.input('p', 'f32', [2]);
    const q = b.input('q', 'f32', [2]);
    const [s] = b.op('tfl.ADD', [p, q], { fusedActivationFunction: 'NONE', potScaleInt16: true }, { name: 'sum' });
    const [r] = b.op('tfl.RELU', [s!], {}, { name: 'act' });
    b.output(r!);
    const fuse: Rule = [
      { op: 'tfl.RELU', inputs: [{ op: 'tfl.ADD', oneUse: true, attrs: { fusedActivationFunction: 'NONE' }, bind: 'add' }] },
      (m, ctx) => {
        const add = m.add as Node;
        return ctx.op('tfl.ADD', add.inputs, { ...add.attrs, fusedActivationFunction: 'RELU' }, { name: m.root.name });
      },
      'fuse-relu',
    ];
    const model = new Model({ graphs: [b.graph] });
    new PassManager([rewritePass('fuse', [fuse]), deadCodeElimination], { verify: true }).run(model);
    expect(printModel(model)).toContain('%4: f32[2] "act" = tfl.ADD(%0, %1) {fusedActivationFunction = "RELU", potScaleInt16 = true}');
    expect(b.graph.nodes).toHaveLength(1);
  });

  it('stops rules that undo each other at the iteration cap', () => {
    const model = sample();
    const g = model.graphs[0]!;
    const flip: Rule = [{ op: 'tfl.RELU', bind: 'r' }, (m, ctx) => ctx.op('tfl.RELU6', [m.root.inputs[0]]), 'relu→relu6'];
    const flop: Rule = [{ op: 'tfl.RELU6' }, (m, ctx) => ctx.op('tfl.RELU', [m.root.inputs[0]]), 'relu6→relu'];
    expect(() => rewrite(g, [flip, flop], { maxIterations: 5 })).toThrow(expect.objectContaining({ code: 'REWRITE_LIMIT' }));
  });
});

describe('standard passes', () => {
  it('DCE removes unused nodes but keeps side effects', () => {
    const model = sample();
    rewrite(model.graphs[0]!, [doubleNeg]);
    expect(deadCodeElimination.run(model)).toBe(true);
    expect(ops(model)).toEqual(['RELU', 'ADD', 'ADD', 'ADD', 'MUL', 'MUL']);
    expect(deadCodeElimination.run(model)).toBe(false);
  });

  it('DCE keeps side effects, CSE leaves graph outputs alone', () => {
    const b = new GraphBuilder('main');
    const x = b.input('x', 'f32', [2]);
    const [h] = b.op('tfl.VAR_HANDLE', [], { container: '', sharedName: 'v' }, { name: 'h', outputs: [{ dtype: 'resource', shape: [] }] });
    b.op('tfl.ASSIGN_VARIABLE', [h!, x], {}, { name: 'assign', outputs: [] });
    b.op('tfl.CUSTOM', [x], { customCode: 'Log', customOptions: new Uint8Array(0) }, { name: 'log', outputs: [{ dtype: 'f32', shape: [2] }] });
    const [r1] = b.op('tfl.RELU', [x], {}, { name: 'r1' });
    const [r2] = b.op('tfl.RELU', [x], {}, { name: 'r2' });
    b.output(r1!, r2!);
    const model = new Model({ graphs: [b.graph] });
    expect(deadCodeElimination.run(model)).toBe(false);
    expect(commonSubexpressionElimination.run(model)).toBe(false);
    expect(b.graph.nodes.map((n) => n.name)).toEqual(['h', 'assign', 'log', 'r1', 'r2']);
  });

  it('constant dedup merges equal constants, then CSE merges equal nodes', () => {
    const model = sample();
    expect(commonSubexpressionElimination.run(model)).toBe(true); // a3 == a1
    expect(ops(model).filter((o) => o === 'ADD')).toHaveLength(2);
    expect(deduplicateConstants.run(model)).toBe(true); // c2 == c1
    expect(commonSubexpressionElimination.run(model)).toBe(true); // now a2 == a1
    deadCodeElimination.run(model);
    expect(ops(model)).toEqual(['NEG', 'NEG', 'RELU', 'ADD', 'MUL', 'MUL']);
    expect(verify(model)).toEqual([]);
    // the exported file holds one buffer for the two equal constants
    const reimported = importTflite(exportTflite(model));
    expect(reimported.graphs[0]!.nodes.map((n) => n.op.slice(4))).toEqual(ops(model));
  });
});

describe('PassManager', () => {
  it('runs a named pipeline with verification and snapshots', () => {
    const model = sample();
    const pm = new PassManager(
      [rewritePass('fold-negations', [doubleNeg]), deduplicateConstants, commonSubexpressionElimination, deadCodeElimination],
      { verify: true, snapshots: true },
    );
    const r = pm.run(model);
    expect(r.passes.map((p) => [p.name, p.changed])).toEqual([
      ['fold-negations', true], ['dedup-constants', true], ['cse', true], ['dce', true],
    ]);
    expect(r.snapshots.map((s) => s.pass)).toEqual(['input', 'fold-negations', 'dedup-constants', 'cse', 'dce']);
    expect(r.snapshots[0]!.text).toContain('tfl.NEG');
    expect(r.snapshots.at(-1)!.text).not.toContain('tfl.NEG');
    expect(r.snapshots.at(-1)!.text).toBe(printModel(model, { constants: 'elide' }));
    expect(ops(model)).toEqual(['RELU', 'ADD', 'MUL', 'MUL']);
  });

  it('names the pass that broke the model', () => {
    const model = sample();
    const breaker: Pass = { name: 'breaker', run: (m) => (m.graphs[0]!.nodes.reverse(), true) };
    let err: IRError | undefined;
    try {
      new PassManager([deadCodeElimination, breaker], { verify: true }).run(model);
    } catch (e) {
      err = e as IRError;
    }
    expect(err).toBeInstanceOf(IRError);
    expect(err!.code).toBe('PASS_FAILED');
    expect(err!.message).toMatch(/after pass 'breaker'/);
    expect(err!.problems.map((p) => p.code)).toContain('NOT_TOPOLOGICAL');
  });
});
