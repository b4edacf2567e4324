// Control flow and calls: IF, WHILE, CALL_ONCE, CALL. Their outputs are those of a subgraph
// (`outputsFromSubgraph`): inferShapes resolves them from the model; `infer` is the fallback
// without one.
import { bytes, str, subgraph } from '../attrs';
import { declaredOutputs, input, like } from '../infer/util';
import { tflOp } from './op';

export const IF = tflOp('IF', {
  category: 'control',
  inputs: ['cond', 'inputs*'],
  outputs: ['outputs*'],
  optionsTable: 'IfOptions',
  attrs: { thenSubgraphIndex: subgraph(), elseSubgraphIndex: subgraph() },
  outputsFromSubgraph: 'thenSubgraphIndex',
  doc: 'Runs the then or else subgraph on `inputs` by the scalar bool `cond`; outputs are that subgraph\'s (both branches agree on types).',
  infer: (a) => {
    input(a, 0, 'cond');
    return declaredOutputs(a, 'the then/else subgraphs');
  },
});

export const WHILE = tflOp('WHILE', {
  category: 'control',
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  optionsTable: 'WhileOptions',
  attrs: { condSubgraphIndex: subgraph(), bodySubgraphIndex: subgraph() },
  outputsFromSubgraph: 'bodySubgraphIndex',
  doc: 'Loop: while cond(vars) run vars = body(vars). Output i has the type of input i; a dim the body changes is dynamic (inferShapes compares with the body\'s outputs).',
  infer: (a) => a.inputs.map((_, i) => like(a, i)),
});

export const CALL_ONCE = tflOp('CALL_ONCE', {
  category: 'control',
  inputs: [],
  outputs: [],
  optionsTable: 'CallOnceOptions',
  attrs: { initSubgraphIndex: subgraph() },
  doc: 'Runs the init subgraph (e.g. variable or hash-table initialization) on the first invocation only; no inputs or outputs.',
  infer: () => [],
});

export const CALL = tflOp('CALL', {
  category: 'control',
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  optionsTable: 'CallOptions',
  attrs: { subgraph: subgraph() },
  outputsFromSubgraph: 'subgraph',
  doc: 'Calls subgraph `subgraph` with the inputs; outputs are its outputs.',
  infer: (a) => declaredOutputs(a, 'the called subgraph'),
});

export const CUSTOM = tflOp('CUSTOM', {
  category: 'custom',
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  attrs: { customCode: str(''), customOptions: bytes() },
  doc: 'A custom op named by attrs.customCode with raw attrs.customOptions (flexbuffer bytes). Its semantics are the registering kernel\'s, so the declared output types are kept.',
  infer: (a) => declaredOutputs(a, 'the custom kernel'),
});

export const DELEGATE = tflOp('DELEGATE', {
  category: 'custom',
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  doc: 'A node handed to a delegate (a fused partition); the declared output types are kept.',
  infer: (a) => declaredOutputs(a, 'the delegate'),
});

export const PLACEHOLDER_FOR_GREATER_OP_CODES = tflOp('PLACEHOLDER_FOR_GREATER_OP_CODES', {
  category: 'other',
  inputs: ['inputs*'],
  outputs: ['outputs*'],
  doc: 'Not an op: the value 127 of the legacy deprecated_builtin_code byte meaning "see builtin_code". A node never carries it after loading; its declared outputs are kept.',
  infer: (a) => declaredOutputs(a, 'nothing (placeholder code)'),
});
