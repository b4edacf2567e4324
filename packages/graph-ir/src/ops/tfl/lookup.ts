// Lookups and text features: EMBEDDING_LOOKUP, EMBEDDING_LOOKUP_SPARSE, HASHTABLE_LOOKUP,
// LSH_PROJECTION, SKIP_GRAM, CONCAT_EMBEDDINGS.
import { bool, enumOf, int, ints } from '../attrs';
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { attrStr, constInts, declared, declaredOutputs, fmt, input, vt } from '../infer/util';
import { tflOp } from './op';

export const EMBEDDING_LOOKUP = tflOp('EMBEDDING_LOOKUP', {
  category: 'lookup',
  inputs: ['lookup', 'value'],
  doc: 'Rows of `value` at the 1-D int32 ids in `lookup`: [len(lookup), ...value[1:]]. Hybrid models store int8/uint8 rows and output float32 (the declared output dtype is kept).',
  infer(a) {
    const ids = input(a, 0, 'lookup');
    const v = input(a, 1, 'value');
    if (ids.shape && ids.shape.length !== 1) shapeMismatch(`lookup must be 1-D, got ${fmt(ids.shape)}`);
    const shape = v.shape ? [ids.shape?.[0] ?? -1, ...v.shape.slice(1)] : undefined;
    return [vt(declared(a, 0)?.dtype ?? v.dtype, shape)];
  },
});

export const EMBEDDING_LOOKUP_SPARSE = tflOp('EMBEDDING_LOOKUP_SPARSE', {
  category: 'lookup',
  inputs: ['ids', 'indices', 'denseShape', 'weights', 'params'],
  optionsTable: 'EmbeddingLookupSparseOptions',
  attrs: { combiner: enumOf(['SUM', 'MEAN', 'SQRTN'], 'SUM', 'CombinerType') },
  doc: 'Weighted combination of params rows per sparse row: [...denseShape[:-1], ...params[1:]] (the leading dims come from the constant denseShape).',
  infer(a) {
    const p = input(a, 4, 'params');
    const dense = constInts(a, 2);
    const lead: Dim[] | undefined = dense ? dense.slice(0, -1) : undefined;
    if (!lead || !p.shape) return [vt(p.dtype, undefined)];
    return [vt(p.dtype, [...lead, ...p.shape.slice(1)])];
  },
});

export const HASHTABLE_LOOKUP = tflOp('HASHTABLE_LOOKUP', {
  category: 'lookup',
  inputs: ['lookup', 'key', 'value'],
  outputs: ['output', 'hits'],
  doc: 'Looks the 1-D `lookup` ids up among the sorted `key`s: rows of `value` [n, ...value[1:]] and a uint8 hit flag per id.',
  infer(a) {
    const ids = input(a, 0, 'lookup');
    const v = input(a, 2, 'value');
    const n = ids.shape?.[0] ?? -1;
    return [vt(v.dtype, v.shape ? [n, ...v.shape.slice(1)] : undefined), vt('u8', [n])];
  },
});

export const LSH_PROJECTION = tflOp('LSH_PROJECTION', {
  category: 'lookup',
  inputs: ['hash', 'input', 'weight?'],
  optionsTable: 'LSHProjectionOptions',
  attrs: { type: enumOf(['UNKNOWN', 'SPARSE', 'DENSE'], 'UNKNOWN', 'LSHProjectionType') },
  doc: 'Locality-sensitive hashing of the input with hash [numHash, numBits] seeds: int32 [numHash] (SPARSE) or [numHash * numBits] (DENSE).',
  infer(a) {
    const h = input(a, 0, 'hash');
    const [nh, nb] = [h.shape?.[0] ?? -1, h.shape?.[1] ?? -1];
    if (attrStr(a, 'type') === 'DENSE') {
      return [vt('i32', [typeof nh === 'number' && typeof nb === 'number' && nh >= 0 && nb >= 0 ? nh * nb : -1])];
    }
    return [vt('i32', [nh])];
  },
});

export const SKIP_GRAM = tflOp('SKIP_GRAM', {
  category: 'lookup',
  inputs: ['input'],
  optionsTable: 'SkipGramOptions',
  attrs: { ngramSize: int(), maxSkipSize: int(), includeAllNgrams: bool() },
  doc: 'Skip-gram n-grams of a string tensor of words; the count depends on the text (-1).',
  infer: () => [vt('string', [-1])],
});

export const CONCAT_EMBEDDINGS = tflOp('CONCAT_EMBEDDINGS', {
  category: 'lookup',
  inputs: ['inputs*'],
  optionsTable: 'ConcatEmbeddingsOptions',
  attrs: { numChannels: int(), numColumnsPerChannel: ints([]), embeddingDimPerChannel: ints([]) },
  doc: 'A legacy op with no TFLite kernel and no documented semantics; its outputs keep their declared types.',
  infer: (a) => declaredOutputs(a, 'the model (CONCAT_EMBEDDINGS has no defined semantics)'),
});
