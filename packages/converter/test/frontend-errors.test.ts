// Unsupported or broken graphs are ConversionErrors that name the nodes, never TypeErrors.
import { verify } from '@liteml/graph-ir';
import { parseGraphDefText } from '@liteml/schema';
import { describe, expect, it } from 'vitest';
import { ConversionError, importGraphDef } from '../src/index';
import { evalTinyGraph, V1_LOOP_PBTXT } from './frontend-helpers';

const f32 = 'attr { key: "T" value { type: DT_FLOAT } }';
const placeholder = (name: string) => `node { name: "${name}" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } } }`;
const op = (name: string, type: string, inputs: string[], extra = f32) =>
  `node { name: "${name}" op: "${type}" ${inputs.map((i) => `input: "${i}"`).join(' ')} ${extra} }`;

function conversionError(text: string, options = {}): ConversionError {
  try {
    importGraphDef(parseGraphDefText(text), options);
  } catch (e) {
    expect(e).toBeInstanceOf(ConversionError);
    return e as ConversionError;
  }
  throw new Error('expected a ConversionError');
}

describe('importGraphDef errors', () => {
  it('a cycle names its nodes', () => {
    const e = conversionError([placeholder('x'), op('a', 'Add', ['x', 'b']), op('b', 'Relu', ['a']), op('out', 'Relu', ['b'])].join('\n'));
    expect(e.code).toBe('CYCLE');
    expect(e.nodes).toEqual(expect.arrayContaining(['a', 'b']));
  });
  it('a malformed TF1 loop (a NextIteration back edge without LoopCond/Switch) is UNSUPPORTED_CONTROL_FLOW', () => {
    const text = [
      placeholder('x'),
      op('enter', 'Enter', ['x'], `${f32} attr { key: "frame_name" value { s: "loop" } }`),
      op('merge', 'Merge', ['enter', 'next'], `${f32} attr { key: "N" value { i: 2 } }`),
      op('body', 'Relu', ['merge']),
      op('next', 'NextIteration', ['body']),
      op('exit', 'Exit', ['merge']),
    ].join('\n');
    const e = conversionError(text);
    expect(e.code).toBe('UNSUPPORTED_CONTROL_FLOW');
    expect(e.message).toContain("'loop'");
    expect(e.nodes).toEqual(['enter']);
  });
  it('a cycle without loop frames is a CYCLE naming its nodes', () => {
    const text = [placeholder('x'), op('m', 'Merge', ['x', 'r'], `${f32} attr { key: "N" value { i: 2 } }`), op('r', 'Relu', ['m']), op('o', 'Tanh', ['r'])].join('\n');
    const e = conversionError(text);
    expect(e.code).toBe('CYCLE');
    expect(e.nodes).toEqual(expect.arrayContaining(['m', 'r']));
  });
  it('an input that names no node', () => {
    const e = conversionError([placeholder('x'), op('y', 'Relu', ['nope'])].join('\n'));
    expect(e.code).toBe('UNKNOWN_TENSOR');
    expect(e.message).toContain("'y'");
  });
  it('an output or input option that names no tensor', () => {
    const g = [placeholder('x'), op('y', 'Relu', ['x'])].join('\n');
    expect(conversionError(g, { outputs: ['z'] }).code).toBe('UNKNOWN_TENSOR');
    expect(conversionError(g, { inputs: ['q'] }).code).toBe('UNKNOWN_TENSOR');
    expect(conversionError(g, { outputs: ['x:3'] }).code).toBe('UNKNOWN_TENSOR');
  });
  it('a call of a function the library lacks names the call node', () => {
    const e = conversionError([placeholder('x'), op('call', 'StatefulPartitionedCall', ['x'], 'attr { key: "f" value { func { name: "missing_fn" } } } attr { key: "Tout" value { list { type: DT_FLOAT } } }')].join('\n'));
    expect(e.code).toBe('UNKNOWN_FUNCTION');
    expect(e.nodes).toEqual(['call']);
  });
  it('a recursive function cannot be inlined', () => {
    const text = `${placeholder('x')}
      ${op('call', 'PartitionedCall', ['x'], 'attr { key: "f" value { func { name: "rec" } } } attr { key: "Tout" value { list { type: DT_FLOAT } } }')}
      library { function {
        signature { name: "rec" input_arg { name: "a" type: DT_FLOAT } output_arg { name: "r" type: DT_FLOAT } }
        node_def { name: "again" op: "PartitionedCall" input: "a" attr { key: "f" value { func { name: "rec" } } } attr { key: "Tout" value { list { type: DT_FLOAT } } } }
        ret { key: "r" value: "again:output:0" }
      } }`;
    const e = conversionError(text);
    expect(e.code).toBe('UNSUPPORTED_FUNCTION');
    expect(e.message).toContain('recursive');
  });
  it('a function call with the wrong number of arguments', () => {
    const text = `${placeholder('x')}
      ${op('call', 'PartitionedCall', ['x', 'x'], 'attr { key: "f" value { func { name: "fn" } } } attr { key: "Tout" value { list { type: DT_FLOAT } } }')}
      library { function {
        signature { name: "fn" input_arg { name: "a" type: DT_FLOAT } output_arg { name: "r" type: DT_FLOAT } }
        node_def { name: "relu" op: "Relu" input: "a" ${f32} }
        ret { key: "r" value: "relu:activations:0" }
      } }`;
    const e = conversionError(text);
    expect(e.code).toBe('UNSUPPORTED_FUNCTION');
    expect(e.nodes).toEqual(['call']);
  });
  it('a Const without a value, and duplicate node names', () => {
    expect(conversionError(`${op('c', 'Const', [], 'attr { key: "dtype" value { type: DT_FLOAT } }')}\n${op('y', 'Relu', ['c'])}`).code).toBe('BAD_MODEL');
    expect(conversionError([placeholder('x'), placeholder('x')].join('\n'), { prune: false }).code).toBe('DUPLICATE_NODE');
  });
  it('an unsupported Placeholder dtype', () => {
    const e = conversionError('node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT8_E5M2 } } }\n' + op('y', 'Relu', ['x']));
    expect(e.code).toBe('UNSUPPORTED_DTYPE');
    expect(e.nodes).toEqual(['x']);
  });
});

describe('importGraphDef semantics on small graphs', () => {
  it('inlines a call, resolving `node:out_arg:idx` of multi-output ops', () => {
    const text = `${placeholder('x')}
      ${op('call', 'PartitionedCall', ['x'], 'attr { key: "f" value { func { name: "fn" } } } attr { key: "Tout" value { list { type: DT_FLOAT type: DT_FLOAT } } }')}
      ${op('out', 'AddV2', ['call', 'call:1'])}
      library { function {
        signature { name: "fn" input_arg { name: "a" type: DT_FLOAT } output_arg { name: "lo" type: DT_FLOAT } output_arg { name: "hi" type: DT_FLOAT } }
        node_def { name: "dim" op: "Const" attr { key: "dtype" value { type: DT_INT32 } } attr { key: "value" value { tensor { dtype: DT_INT32 tensor_shape {} int_val: 0 } } } }
        node_def { name: "split" op: "Split" input: "dim:output:0" input: "a" ${f32} attr { key: "num_split" value { i: 2 } } }
        ret { key: "lo" value: "split:output:0" }
        ret { key: "hi" value: "split:output:1" }
      } }`;
    const m = importGraphDef(parseGraphDefText(text), { inputShapes: { x: [4, 2] } });
    const g = m.graphs[0]!;
    expect(g.nodes.map((n) => `${n.op} ${n.name}`)).toEqual(['tf.Split call/split', 'tf.AddV2 out']);
    const split = g.nodes[0]!;
    expect(split.outputs.map((v) => v.name)).toEqual(['call/split', 'call/split:1']);
    expect(g.nodes[1]!.inputs).toEqual(split.outputs);
    expect(split.outputs[1]!.shape).toEqual([2, 2]);
    expect(g.outputs[0]!.shape).toEqual([2, 2]);
  });
  it('converts attributes: strings, ints, floats, bools, types, shapes, lists, tensors, bigints, bytes', () => {
    const text = `${placeholder('x')}
      node { name: "y" op: "Custom" input: "x" input: "^x"
        attr { key: "s" value { s: "héllo" } }
        attr { key: "bytes" value { s: "\\377\\376" } }
        attr { key: "i" value { i: 7 } }
        attr { key: "big" value { i: 9007199254740993 } }
        attr { key: "f" value { f: 0.5 } }
        attr { key: "b" value { b: true } }
        attr { key: "T" value { type: DT_HALF } }
        attr { key: "shape" value { shape { dim { size: -1 } dim { size: 3 } } } }
        attr { key: "unranked" value { shape { unknown_rank: true } } }
        attr { key: "ints" value { list { i: 1 i: 2 } } }
        attr { key: "types" value { list { type: DT_INT32 type: DT_BOOL } } }
        attr { key: "empty" value { list {} } }
        attr { key: "fn" value { func { name: "g" attr { key: "k" value { i: 1 } } } } }
        attr { key: "t" value { tensor { dtype: DT_FLOAT tensor_shape { dim { size: 2 } } float_val: 1.5 } } }
      }`;
    const m = importGraphDef(parseGraphDefText(text));
    const a = m.graphs[0]!.nodes[0]!.attrs;
    expect(a['s']).toBe('héllo');
    expect(a['bytes']).toEqual(new Uint8Array([255, 254]));
    expect(a['i']).toBe(7);
    expect(a['big']).toBe(9007199254740993n);
    expect(a['f']).toBe(0.5);
    expect(a['b']).toBe(true);
    expect(a['T']).toBe('f16');
    expect(a['shape']).toEqual([-1, 3]);
    expect(a['unranked']).toBe(undefined);
    expect(a['ints']).toEqual([1, 2]);
    expect(a['types']).toEqual(['i32', 'bool']);
    expect(a['empty']).toEqual([]);
    expect(a['fn']).toEqual({ name: 'g', attr: { k: 1 } });
    const t = a['t'] as { dtype: string; shape: number[]; data: Uint8Array };
    expect(t.dtype).toBe('f32');
    expect(t.shape).toEqual([2]);
    expect(Array.from(new Float32Array(t.data.slice().buffer))).toEqual([1.5, 1.5]);
    expect(a['_control_inputs']).toEqual(['x']);
  });
  it('cuts the graph at an inner tensor named as input, and drops what the outputs do not need', () => {
    const text = [placeholder('x'), op('a', 'Relu', ['x']), op('b', 'Tanh', ['a']), op('c', 'Sigmoid', ['b']), op('unused', 'Relu', ['x'])].join('\n');
    const m = importGraphDef(parseGraphDefText(text), { inputs: [{ name: 'a:0', shape: [3] }], outputs: ['c'] });
    const g = m.graphs[0]!;
    expect(g.inputs.map((v) => [v.name, v.dtype, v.shape])).toEqual([['a', 'f32', [3]]]);
    expect(g.nodes.map((n) => n.name)).toEqual(['b', 'c']);
    expect(g.outputs[0]!.shape).toEqual([3]);
  });
  it('likely outputs skip Const/NoOp/Assign/Save nodes; a Placeholder without shape is unranked, -1 dims stay', () => {
    const text = [
      'node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "shape" value { shape { dim { size: -1 } dim { size: 4 } } } } }',
      placeholder('u'),
      op('y', 'Relu', ['x']), op('z', 'Relu', ['u']),
      'node { name: "c" op: "Const" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape {} float_val: 1 } } } }',
      'node { name: "init" op: "NoOp" input: "^y" }',
    ].join('\n');
    const m = importGraphDef(parseGraphDefText(text));
    const g = m.graphs[0]!;
    expect(g.outputs.map((v) => v.name)).toEqual(['z']);
    const full = importGraphDef(parseGraphDefText(text), { outputs: ['y', 'z'] }).graphs[0]!;
    expect(full.inputs.map((v) => [v.name, v.shape])).toEqual([['x', [-1, 4]], ['u', undefined]]);
    expect(full.outputs[0]!.shape).toEqual([-1, 4]);
    const fixed = importGraphDef(parseGraphDefText(text), { outputs: ['y'], inputShapes: { x: [2, 4] } }).graphs[0]!;
    expect(fixed.outputs[0]!.shape).toEqual([2, 4]);
  });
});

describe('functional control flow', () => {
  it('If branches become graphs of the Model; shapes flow into the branches and back out', () => {
    const text = `
      node { name: "p" op: "Placeholder" attr { key: "dtype" value { type: DT_BOOL } } attr { key: "shape" value { shape {} } } }
      node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "shape" value { shape { dim { size: 2 } dim { size: 3 } } } } }
      node { name: "if" op: "StatelessIf" input: "p" input: "x"
        attr { key: "Tcond" value { type: DT_BOOL } } attr { key: "Tin" value { list { type: DT_FLOAT } } } attr { key: "Tout" value { list { type: DT_FLOAT } } }
        attr { key: "then_branch" value { func { name: "yes" } } } attr { key: "else_branch" value { func { name: "no" } } } }
      node { name: "out" op: "Relu" input: "if" ${f32} }
      library {
        function { signature { name: "yes" input_arg { name: "a" type: DT_FLOAT } output_arg { name: "r" type: DT_FLOAT } }
          node_def { name: "neg" op: "Neg" input: "a" ${f32} } ret { key: "r" value: "neg:y:0" } }
        function { signature { name: "no" input_arg { name: "a" type: DT_FLOAT } output_arg { name: "r" type: DT_FLOAT } }
          node_def { name: "sq" op: "Square" input: "a" ${f32} } ret { key: "r" value: "sq:y:0" } }
      }`;
    const m = importGraphDef(parseGraphDefText(text));
    expect(m.graphs.map((g) => g.name)).toEqual(['main', 'yes', 'no']);
    const node = m.graphs[0]!.nodes.find((n) => n.name === 'if')!;
    expect((node.attrs['then_branch'] as { graph: number }).graph).toBe(1);
    expect((node.attrs['else_branch'] as { graph: number }).graph).toBe(2);
    expect(m.graphs[1]!.inputs.map((v) => [v.name, v.shape])).toEqual([['a', [2, 3]]]);
    expect(m.graphs[1]!.outputs[0]!.shape).toEqual([2, 3]);
    expect(m.graphs[0]!.outputs[0]!.shape).toEqual([2, 3]);
  });
  it('a branch that names a function the library lacks is a ConversionError', () => {
    const text = `${placeholder('x')}
      node { name: "if" op: "If" input: "x" input: "x" attr { key: "Tout" value { list { type: DT_FLOAT } } }
        attr { key: "then_branch" value { func { name: "gone" } } } attr { key: "else_branch" value { func { name: "gone" } } } }`;
    const e = conversionError(text);
    expect(e.code).toBe('UNKNOWN_FUNCTION');
    expect(e.nodes).toEqual(['if']);
  });
});

describe('TF1 while loops', () => {
  const loop = V1_LOOP_PBTXT;

  it('become a functional While with cond/body graphs that compute the loop', () => {
    const m = importGraphDef(parseGraphDefText(loop));
    verify(m);
    const g = m.graphs[0]!;
    // the Exits become Identities of the While's outputs (while/Exit, unread, is a likely output as in TF)
    expect(g.nodes.map((n) => `${n.op} ${n.name}`)).toEqual(['tf.While while', 'tf.Identity while/Exit', 'tf.Identity while/Exit_1', 'tf.Identity out']);
    expect(g.outputs.map((v) => v.name)).toEqual(['while/Exit', 'out']);
    const w = g.nodes[0]!;
    const cond = m.graphs[(w.attrs['cond'] as { graph: number }).graph]!;
    const body = m.graphs[(w.attrs['body'] as { graph: number }).graph]!;
    expect([cond.name, body.name]).toEqual(['while_cond', 'while_body']);
    expect(body.inputs.map((v) => v.dtype)).toEqual(['i32', 'f32', 'i32']);
    expect(g.outputs[1]!.shape).toEqual([2]);
    // run it: the loop variables go round until cond says stop
    let state: (number[] | bigint[])[] = w.inputs.map((v) => (v!.data ? Array.from(new Int32Array(v!.data.slice().buffer)) : [1.5, -2]));
    let steps = 0;
    while (Number(evalTinyGraph(cond, state)[0]![0]) === 1 && steps++ < 10) state = evalTinyGraph(body, state);
    expect(steps).toBe(3);
    expect(state[0]).toEqual([3]);
    expect(state[1]).toEqual([12, -16]);
  });
  it('nested loops are UNSUPPORTED_CONTROL_FLOW', () => {
    const nested = `${loop}\n${op('inner/Enter', 'Enter', ['while/Identity_1'], `${f32} attr { key: "frame_name" value { s: "inner" } }`)}`;
    expect(conversionError(nested).code).toBe('UNSUPPORTED_CONTROL_FLOW');
  });
});
