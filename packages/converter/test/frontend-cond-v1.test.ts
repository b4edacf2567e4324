// TF1 conditionals (Switch / Merge) → StatelessIf with branch functions → tfl.IF: a hand-written
// TF1 graph with a nested cond, two Merges on one predicate and a constant used inside a branch,
// checked against plain JS on both our runtime and real TFLite, for every predicate combination.
import { parseGraphDefText } from '@liteml/schema';
import { describe, expect, it } from 'vitest';
import { compareModels, convert, importGraphDef } from '../src/index';
import { runRealTflite } from '../../../testing/real-tflite';

const T = (t: string) => `attr { key: "T" value { type: ${t} } }`;
const node = (name: string, op: string, inputs: string[], attrs = T('DT_FLOAT')) =>
  `node { name: "${name}" op: "${op}" ${inputs.map((i) => `input: "${i}"`).join(' ')} ${attrs} }`;
const placeholder = (name: string, type: string, dims: number[]) =>
  `node { name: "${name}" op: "Placeholder" attr { key: "dtype" value { type: ${type} } } attr { key: "shape" value { shape { ${dims.map((d) => `dim { size: ${d} }`).join(' ')} } } } }`;

// out   = p ? (q ? 2x : -x) + x : x²        (nested cond; Merge inputs in TF's (false, true) order)
// out2  = p ? relu(x) : |x|                  (a second Merge on the outer predicate)
const GRAPH = [
  placeholder('x', 'DT_FLOAT', [4]), placeholder('p', 'DT_BOOL', []), placeholder('q', 'DT_BOOL', []),
  'node { name: "two" op: "Const" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape {} float_val: 2 } } } }',
  node('cond/pred_id', 'Identity', ['p'], T('DT_BOOL')),
  node('cond/Switch', 'Switch', ['p', 'p'], T('DT_BOOL')),
  node('cond/switch_t', 'Identity', ['cond/Switch:1'], T('DT_BOOL')),
  node('cond/x', 'Switch', ['x', 'cond/pred_id']),
  node('cond/q', 'Switch', ['q', 'cond/pred_id'], T('DT_BOOL')),
  // inner cond on q, inside the true branch of p
  node('cond/inner/x', 'Switch', ['cond/x:1', 'cond/q:1']),
  node('cond/inner/Mul', 'Mul', ['cond/inner/x:1', 'two']),
  node('cond/inner/Neg', 'Neg', ['cond/inner/x']),
  node('cond/inner/Merge', 'Merge', ['cond/inner/Neg', 'cond/inner/Mul'], `${T('DT_FLOAT')} attr { key: "N" value { i: 2 } }`),
  node('cond/Add', 'AddV2', ['cond/inner/Merge', 'cond/x:1']),
  node('cond/Square', 'Square', ['cond/x']),
  node('cond/Merge', 'Merge', ['cond/Square', 'cond/Add'], `${T('DT_FLOAT')} attr { key: "N" value { i: 2 } }`),
  node('cond/Relu', 'Relu', ['cond/x:1']),
  node('cond/Abs', 'Abs', ['cond/x']),
  node('cond/Merge_1', 'Merge', ['cond/Abs', 'cond/Relu'], `${T('DT_FLOAT')} attr { key: "N" value { i: 2 } }`),
  node('out', 'Identity', ['cond/Merge']),
  node('out2', 'Identity', ['cond/Merge_1']),
].join('\n');

describe('TF1 cond → IF', () => {
  const tf = importGraphDef(parseGraphDefText(GRAPH), { outputs: ['out', 'out2'] });

  it('becomes nested StatelessIf nodes with then/else function graphs', () => {
    expect(tf.main.nodes.map((n) => n.op).sort()).toEqual(['tf.Identity', 'tf.Identity', 'tf.Identity', 'tf.Identity', 'tf.StatelessIf']);
    expect(tf.graphs).toHaveLength(5); // main, outer then/else, inner then/else
    const outerThen = tf.graphs.slice(1).find((g) => g.nodes.some((n) => n.op === 'tf.StatelessIf'))!;
    expect(outerThen.nodes.map((n) => n.op).sort()).toEqual(['tf.AddV2', 'tf.Identity', 'tf.Relu', 'tf.StatelessIf']); // Identity: the inner Merge's name
  });

  it('the .tflite computes both conds right on our runtime and on real TFLite', () => {
    const { tflite, report } = convert(tf);
    expect(report.opCounts).toMatchObject({ IF: 2, MUL: 1, NEG: 1, ADD: 1, SQUARE: 1, RELU: 1, ABS: 1 });
    const x = Float32Array.from([-1.5, 0.25, 2, -3]);
    for (const [p, q] of [[1, 1], [1, 0], [0, 1], [0, 0]] as const) {
      const want = p ? [Array.from(x, (v) => (q ? 2 * v : -v) + v), Array.from(x, (v) => Math.max(0, v))] : [Array.from(x, (v) => v * v), Array.from(x, Math.abs)];
      const cmp = compareModels(tf, tflite, { feeds: [{ data: x, shape: [4] }, { data: Uint8Array.from([p]), shape: [] }, { data: Uint8Array.from([q]), shape: [] }], atol: 0, rtol: 0 });
      expect(cmp.pass, `p=${p} q=${q}`).toBe(true);
      const real = runRealTflite(tflite, [x, [p], [q]]).outputs;
      expect(real.map((o) => o.data), `p=${p} q=${q}`).toEqual(want);
    }
  });

  it('a cycle outside loop frames is left to the importer (CYCLE), not mistaken for a cond', () => {
    const text = [placeholder('x', 'DT_FLOAT', [2]), node('m', 'Merge', ['x', 'r'], `${T('DT_FLOAT')} attr { key: "N" value { i: 2 } }`), node('r', 'Relu', ['m']), node('o', 'Tanh', ['r'])].join('\n');
    expect(() => importGraphDef(parseGraphDefText(text))).toThrow(expect.objectContaining({ code: 'CYCLE' }));
  });
});
