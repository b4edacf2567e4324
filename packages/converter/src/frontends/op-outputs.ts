// How many outputs a TF node has and where a named output arg starts: from the model's own OpDefs
// (SavedModel `stripped_op_list`), else from this table of ops with several or list-sized output
// args, else from the graph-ir op schema; ops known nowhere have one output arg.
import { getOpSchema } from '@liteml/graph-ir';
import type { AttrValue, OpDef } from '@liteml/schema';

/** One output arg: a single tensor, `number` tensors (int attr), or one per type of a list attr. */
export interface OutputArg {
  name: string;
  numberAttr?: string;
  typeListAttr?: string;
}

const one = (...names: string[]): OutputArg[] => names.map((name) => ({ name }));
const n = (name: string, numberAttr: string): OutputArg => ({ name, numberAttr });
const list = (name: string, typeListAttr: string): OutputArg => ({ name, typeListAttr });

const bn = one('y', 'batch_mean', 'batch_variance', 'reserve_space_1', 'reserve_space_2');
const calls = [list('output', 'Tout')];

/** Output args of TF ops whose outputs are not one plain `output`. */
export const OUTPUT_ARGS: Record<string, OutputArg[]> = {
  NoOp: [], _Retval: [], Assert: [], SaveV2: [], Save: [], SaveSlices: [], MergeV2Checkpoints: [],
  AssignVariableOp: [], AssignAddVariableOp: [], AssignSubVariableOp: [], DisableCopyOnRead: [],
  InitializeTableV2: [], InitializeTableFromTextFileV2: [], PrintV2: [], DestroyResourceOp: [],
  Split: [n('output', 'num_split')], SplitV: [n('output', 'num_split')], Unpack: [n('output', 'num')],
  IdentityN: [list('output', 'T')], RestoreV2: [list('tensors', 'dtypes')],
  PartitionedCall: calls, StatefulPartitionedCall: calls, If: calls, StatelessIf: calls,
  While: [list('output', 'T')], StatelessWhile: [list('output', 'T')],
  DynamicPartition: [n('outputs', 'num_partitions')],
  Switch: one('output_false', 'output_true'), RefSwitch: one('output_false', 'output_true'),
  Merge: one('output', 'value_index'), RefMerge: one('output', 'value_index'),
  TopKV2: one('values', 'indices'), TopK: one('values', 'indices'),
  Unique: one('y', 'idx'), UniqueV2: one('y', 'idx'), UniqueWithCounts: one('y', 'idx', 'count'),
  FusedBatchNorm: bn, FusedBatchNormV2: bn, FusedBatchNormV3: [...bn, { name: 'reserve_space_3' }],
  _FusedBatchNormEx: [...bn, { name: 'reserve_space_3' }],
  NonMaxSuppressionV4: one('selected_indices', 'valid_outputs'),
  NonMaxSuppressionV5: one('selected_indices', 'selected_scores', 'valid_outputs'),
  CombinedNonMaxSuppression: one('nmsed_boxes', 'nmsed_scores', 'nmsed_classes', 'valid_detections'),
  BroadcastGradientArgs: one('r0', 'r1'),
  MaxPoolWithArgmax: one('output', 'argmax'),
  QuantizeV2: one('output', 'output_min', 'output_max'),
  Svd: one('s', 'u', 'v'), Qr: one('q', 'r'),
  LSTMBlockCell: one('i', 'cs', 'f', 'o', 'ci', 'co', 'h'), BlockLSTM: one('i', 'cs', 'f', 'o', 'ci', 'co', 'h'),
  BlockLSTMV2: one('i', 'cs', 'f', 'o', 'ci', 'co', 'h'), GRUBlockCell: one('r', 'u', 'c', 'h'),
  CudnnRNN: one('output', 'output_h', 'output_c', 'reserve_space'),
  CudnnRNNV3: one('output', 'output_h', 'output_c', 'reserve_space', 'host_reserved'),
  CTCGreedyDecoder: [n('decoded_indices', 'top_paths'), n('decoded_values', 'top_paths'), n('decoded_shape', 'top_paths'), { name: 'log_probability' }],
  StringSplit: one('indices', 'values', 'shape'), StringSplitV2: one('indices', 'values', 'shape'),
  TensorArrayV3: one('handle', 'flow'), TensorArrayGradV3: one('grad_handle', 'flow_out'),
  TensorListPopBack: one('output_handle', 'tensor'),
  IteratorGetNext: [list('components', 'output_types')], OptionalGetValue: [list('components', 'output_types')],
  ParseExample: [n('sparse_indices', 'Nsparse'), list('sparse_values', 'sparse_types'), n('sparse_shapes', 'Nsparse'), list('dense_values', 'Tdense')],
  ParseExampleV2: [
    n('sparse_indices', 'num_sparse'), list('sparse_values', 'sparse_types'), n('sparse_shapes', 'num_sparse'),
    list('dense_values', 'Tdense'), list('ragged_values', 'ragged_value_types'), list('ragged_row_splits', 'ragged_split_types'),
  ],
  ParseSingleExample: [n('sparse_indices', 'num_sparse'), list('sparse_values', 'sparse_types'), n('sparse_shapes', 'num_sparse'), list('dense_values', 'Tdense')],
};

/** Output args of `op`: the model's OpDef, the table, the op schema (fixed outputs only), else one `output`. */
export function outputArgs(op: string, opDefs?: ReadonlyMap<string, OpDef>): OutputArg[] {
  const def = opDefs?.get(op);
  if (def) {
    return def.outputArg.map((a) => ({
      name: a.name,
      ...(a.numberAttr ? { numberAttr: a.numberAttr } : {}),
      ...(a.typeListAttr ? { typeListAttr: a.typeListAttr } : {}),
    }));
  }
  const known = OUTPUT_ARGS[op];
  if (known) return known;
  const schema = getOpSchema(`tf.${op}`);
  if (schema && !schema.outputs.some((o) => o.endsWith('*') || o.endsWith('?'))) return schema.outputs.map((name) => ({ name }));
  return [{ name: 'output' }];
}

function argCount(arg: OutputArg, attrs: Record<string, AttrValue>, def: OpDef | undefined): number | undefined {
  if (arg.numberAttr) {
    const v = attrs[arg.numberAttr]?.i ?? def?.attr.find((a) => a.name === arg.numberAttr)?.defaultValue?.i;
    return v === undefined ? undefined : Number(v);
  }
  if (arg.typeListAttr) {
    const v = attrs[arg.typeListAttr] ?? def?.attr.find((a) => a.name === arg.typeListAttr)?.defaultValue;
    return v?.list ? v.list.type.length : undefined;
  }
  return 1;
}

/**
 * Tensors per output arg for a node (`undefined` where an attribute the count depends on is
 * missing: the caller then relies on what consumers reference).
 */
export function outputArgCounts(op: string, attrs: Record<string, AttrValue>, opDefs?: ReadonlyMap<string, OpDef>): { args: OutputArg[]; counts: (number | undefined)[] } {
  const args = outputArgs(op, opDefs);
  return { args, counts: args.map((a) => argCount(a, attrs, opDefs?.get(op))) };
}

/** The flat output index of `arg:idx` of a node (FunctionDef references `node:arg:idx`), or undefined. */
export function flatOutputIndex(op: string, attrs: Record<string, AttrValue>, arg: string, idx: number, opDefs?: ReadonlyMap<string, OpDef>): number | undefined {
  const { args, counts } = outputArgCounts(op, attrs, opDefs);
  let base = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.name === arg) return base + idx;
    const c = counts[i];
    if (c === undefined) return undefined;
    base += c;
  }
  // One output arg (whatever TF calls it: `z`, `y`, `product` …): the index is the flat index.
  return args.length === 1 ? idx : undefined;
}

/** The number of outputs a node's attributes imply (undefined when unknown). */
export function declaredOutputCount(op: string, attrs: Record<string, AttrValue>, opDefs?: ReadonlyMap<string, OpDef>): number | undefined {
  const { counts } = outputArgCounts(op, attrs, opDefs);
  let total = 0;
  for (const c of counts) {
    if (c === undefined) return undefined;
    total += c;
  }
  return total;
}
