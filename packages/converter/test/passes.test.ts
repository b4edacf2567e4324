// Optimization passes on small tfl.* graphs: each must change the graph as intended and keep its
// results (checked by running before and after on the reference backend).
import { GraphBuilder, Model, PassManager, type Pass } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { optimizationPipeline } from '../src/index';
import { eliminateTransposes } from '../src/passes/eliminate-transposes';
import { foldConstants } from '../src/passes/fold-constants';
import { foldScaleAndBias } from '../src/passes/fold-scale-bias';
import { fuseActivations } from '../src/passes/fuse-activations';
import { removeIdentities } from '../src/passes/remove-identities';
import { cloneModel } from '../src/clone';
import { floats, valuesOf } from './support/tf-graphs';

function model(build: (b: GraphBuilder) => void): Model {
  const b = new GraphBuilder('main');
  build(b);
  return new Model({ graphs: [b.graph] });
}

/** Runs `passes`; asserts the outputs on `feeds` are unchanged (within 1e-5); returns the ops left. */
function check(m: Model, passes: Pass[], feeds: Float32Array[]): string[] {
  const before = Object.values(Interpreter.createSync(cloneModel(m)).run(feeds));
  new PassManager(passes, { verify: true }).run(m);
  const after = Object.values(Interpreter.createSync(m).run(feeds));
  expect(after.length).toBe(before.length);
  after.forEach((t, i) => {
    const a = Array.from(t.data as Float32Array);
    const b = Array.from(before[i]!.data as Float32Array);
    expect(t.shape).toEqual(before[i]!.shape);
    a.forEach((v, k) => expect(Math.abs(v - b[k]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(b[k]!))));
  });
  return m.main.nodes.map((n) => n.op.slice(4));
}

describe('passes', () => {
  it('fold-constants evaluates constant subgraphs with the reference kernels', () => {
    const m = model((b) => {
      const x = b.input('x', 'f32', [3, 2]);
      const w = b.constant('w', 'f32', [2, 3], [1, 2, 3, 4, 5, 6]);
      const [wt] = b.op('tfl.TRANSPOSE', [w, b.constant('p', 'i32', [2], [1, 0])]);
      const [s] = b.op('tfl.ADD', [wt!, b.constant('one', 'f32', [], [1])]);
      const [y] = b.op('tfl.MUL', [x, s!], {}, { name: 'y' });
      b.output(y!);
    });
    expect(check(m, [foldConstants()], [floats(6)])).toEqual(['MUL']);
    expect(valuesOf(m.main.nodes[0]!.inputs[1]!)).toEqual([2, 5, 3, 6, 4, 7]);
  });

  it('fold-constants leaves results above the size cap (and larger than their inputs) alone', () => {
    const m = model((b) => {
      const x = b.input('x', 'f32', [1000]);
      const [big] = b.op('tfl.FILL', [b.constant('dims', 'i32', [1], [1000]), b.constant('v', 'f32', [], [2])]);
      const [y] = b.op('tfl.MUL', [x, big!]);
      b.output(y!);
    });
    expect(check(m, [foldConstants({ maxElements: 100 })], [floats(1000)])).toEqual(['FILL', 'MUL']);
    expect(check(m, [foldConstants({ maxElements: 1000 })], [floats(1000)])).toEqual(['MUL']);
  });

  it('eliminate-transposes cancels inverse pairs and merges chains', () => {
    const m = model((b) => {
      const x = b.input('x', 'f32', [1, 2, 3, 4]);
      const p = (n: string, v: number[]) => b.constant(n, 'i32', [4], v);
      const [t1] = b.op('tfl.TRANSPOSE', [x, p('p1', [0, 2, 3, 1])]);
      const [t2] = b.op('tfl.TRANSPOSE', [t1!, p('p2', [0, 3, 1, 2])]);
      const [r] = b.op('tfl.RELU', [t2!]);
      const [t3] = b.op('tfl.TRANSPOSE', [r!, p('p3', [1, 0, 2, 3])]);
      const [t4] = b.op('tfl.TRANSPOSE', [t3!, p('p4', [0, 1, 3, 2])], {}, { name: 'out' });
      b.output(t4!);
    });
    expect(check(m, [eliminateTransposes, ...optimizationPipeline().filter((p) => p.name === 'dce')], [floats(24)])).toEqual(['RELU', 'TRANSPOSE']);
    expect(m.main.nodes[0]!.inputs[0]).toBe(m.main.inputs[0]);
    expect(m.main.outputs[0]!.name).toBe('out');
  });

  it('remove-identities drops same-dtype casts, same-shape reshapes, +0 and *1', () => {
    const m = model((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const [c] = b.op('tfl.CAST', [x], { inDataType: 'FLOAT32', outDataType: 'FLOAT32' }, { outputs: [{ dtype: 'f32', shape: [2, 3] }] });
      const [r] = b.op('tfl.RESHAPE', [c!, b.constant('s', 'i32', [2], [2, 3])]);
      const [a] = b.op('tfl.ADD', [r!, b.constant('z', 'f32', [3], [0, 0, 0])]);
      const [mm] = b.op('tfl.MUL', [a!, b.constant('o', 'f32', [], [1])]);
      const [y] = b.op('tfl.TANH', [mm!], {}, { name: 'y' });
      b.output(y!);
    });
    expect(check(m, [removeIdentities], [floats(6)])).toEqual(['TANH']);
  });

  it('fold-scale-bias folds per-channel MUL and ADD into FULLY_CONNECTED weights and bias', () => {
    const m = model((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const [fc] = b.op('tfl.FULLY_CONNECTED', [x, b.constant('w', 'f32', [4, 3], floats(12, 3)), undefined], { fusedActivationFunction: 'NONE' });
      const [s] = b.op('tfl.MUL', [fc!, b.constant('scale', 'f32', [4], [2, -1, 0.5, 3])]);
      const [t] = b.op('tfl.ADD', [b.constant('shift', 'f32', [4], [1, 2, 3, 4]), s!]);
      const [u] = b.op('tfl.SUB', [t!, b.constant('k', 'f32', [1], [0.5])], {}, { name: 'y' });
      b.output(u!);
    });
    expect(check(m, [foldScaleAndBias, ...optimizationPipeline().filter((p) => p.name === 'dce')], [floats(6, 9)])).toEqual(['FULLY_CONNECTED']);
    expect(m.main.nodes[0]!.inputs[2]!.data).toBeDefined();
    expect(m.main.outputs[0]!.name).toBe('y');
  });

  it('fold-scale-bias leaves a MUL that is not per output channel', () => {
    const m = model((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const [fc] = b.op('tfl.FULLY_CONNECTED', [x, b.constant('w', 'f32', [4, 3], floats(12, 3)), undefined], { fusedActivationFunction: 'NONE' });
      const [s] = b.op('tfl.MUL', [fc!, b.constant('scale', 'f32', [2, 1], [2, 3])]);
      b.output(s!);
    });
    expect(check(m, [foldScaleAndBias], [floats(6, 9)])).toEqual(['FULLY_CONNECTED', 'MUL']);
  });

  it('fuse-activations moves RELU6 into the conv but not past a second reader', () => {
    const m = model((b) => {
      const x = b.input('x', 'f32', [1, 4, 4, 2]);
      const [c] = b.op('tfl.CONV_2D', [x, b.constant('w', 'f32', [3, 1, 1, 2], floats(6, 2)), b.constant('b', 'f32', [3], [0.1, 0.2, 0.3])],
        { padding: 'SAME', strideH: 1, strideW: 1, fusedActivationFunction: 'NONE' });
      const [r] = b.op('tfl.RELU6', [c!], {}, { name: 'r' });
      const [a] = b.op('tfl.ADD', [x, x]);
      const [r2] = b.op('tfl.RELU', [a!]);
      b.output(r!, r2!, a!);
    });
    expect(check(m, [fuseActivations, ...optimizationPipeline().filter((p) => p.name === 'dce')], [floats(32, 4)])).toEqual(['CONV_2D', 'ADD', 'RELU']);
    expect(m.main.nodes[0]!.attrs.fusedActivationFunction).toBe('RELU6');
    expect(m.main.nodes[0]!.outputs[0]!.name).toBe('r');
  });
});
