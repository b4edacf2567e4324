// Graph plumbing and tensor creation: Placeholder, Const, Identity*, NoOp, Cast, Fill, Shape,
// Size, Rank, Range, Where, Select*, OneHot, _Arg/_Retval.
import { broadcastShapes } from '../../shape';
import { bool, int } from '../attrs';
import { typeMismatch } from '../errors';
import { attrDType, attrInt, attrShape, constInts, constScalar, declared, input, like, normAxis, unknownDims, vectorLength, vt } from '../infer/util';
import { inferRange } from '../infer/range';
import { SELECT } from '../tfl/select';
import { T, tfOp } from './op';

const shapeAttr = { kind: 'shape' } as const;

export const Placeholder = tfOp('Placeholder', {
  category: 'io', inputs: [], attrs: { dtype: T, shape: shapeAttr },
  doc: 'A graph input of dtype and (possibly partial or unknown) shape.',
  infer: (a) => [vt(attrDType(a, 'dtype'), attrShape(a, 'shape'))],
});
export const PlaceholderWithDefault = tfOp('PlaceholderWithDefault', {
  category: 'io', inputs: ['input'], attrs: { dtype: T, shape: shapeAttr },
  doc: 'A graph input that takes `input` when not fed; shape attr (may be partial) else the default\'s.',
  infer: (a) => [vt(input(a, 0, 'input').dtype, attrShape(a, 'shape') ?? input(a, 0).shape)],
});
export const Const = tfOp('Const', {
  category: 'constant', inputs: [], attrs: { dtype: T, value: { kind: 'any' } },
  doc: 'A constant: the importer puts its tensor on the output value (data, dtype, shape), which is kept; without it the dtype attr with an unknown shape.',
  infer: (a) => [declared(a, 0) ?? vt(attrDType(a, 'dtype'), undefined)],
});

const passThrough = (name: string, doc: string) =>
  tfOp(name, { category: 'identity', inputs: ['input'], attrs: { T }, doc, infer: (a) => [like(a)] });
export const Identity = passThrough('Identity', 'Returns its input.');
export const StopGradient = passThrough('StopGradient', 'Returns its input (blocks gradients).');
export const Snapshot = passThrough('Snapshot', 'Returns a copy of its input.');
export const PreventGradient = passThrough('PreventGradient', 'Returns its input (gradients are an error).');
export const CheckNumerics = passThrough('CheckNumerics', 'Returns its input, failing on NaN/Inf.');
export const EnsureShape = tfOp('EnsureShape', {
  category: 'identity', inputs: ['input'], attrs: { T, shape: shapeAttr },
  doc: 'Returns its input, asserting the (partial) shape attribute.',
  infer: (a) => [vt(input(a, 0, 'input').dtype, attrShape(a, 'shape') ?? input(a, 0).shape)],
});
export const IdentityN = tfOp('IdentityN', {
  category: 'identity', inputs: ['input*'], outputs: ['output*'], attrs: { T: { kind: 'any' } },
  doc: 'Returns each of its inputs.', infer: (a) => a.inputs.map((_, i) => like(a, i)),
});
export const NoOp = tfOp('NoOp', {
  category: 'identity', inputs: [], outputs: [], doc: 'Does nothing (a control-dependency anchor).', infer: () => [],
});

export const _Arg = tfOp('_Arg', {
  category: 'io', inputs: [], attrs: { T, index: int() },
  doc: 'Function argument `index` (inside a function body); shape from the caller (declared, else unknown).',
  infer: (a) => [declared(a, 0) ?? vt(attrDType(a, 'T'), undefined)],
});
export const _Retval = tfOp('_Retval', {
  category: 'io', inputs: ['input'], outputs: [], attrs: { T, index: int() },
  doc: 'Function result `index`; no outputs.', infer: () => [],
});

export const Cast = tfOp('Cast', {
  category: 'quant', inputs: ['x'], attrs: { SrcT: T, DstT: T, Truncate: bool() },
  doc: 'Converts x to DstT.', infer: (a) => [vt(attrDType(a, 'DstT'), input(a, 0, 'x').shape)],
});

export const Fill = tfOp('Fill', {
  category: 'shape', inputs: ['dims', 'value'], attrs: { T, index_type: T },
  doc: 'A tensor of shape `dims` filled with `value`.',
  infer: (a) => [vt(input(a, 1, 'value').dtype, constInts(a, 0) ?? unknownDims(vectorLength(a.inputs[0])))],
});
export const Shape = tfOp('Shape', {
  category: 'shape', inputs: ['input'], attrs: { T, out_type: { kind: 'dtype', default: 'i32' } },
  doc: 'The input\'s shape as a 1-D out_type tensor.',
  infer: (a) => [vt(attrDType(a, 'out_type', 'i32'), [input(a, 0, 'input').shape?.length ?? -1])],
});
export const Size = tfOp('Size', {
  category: 'shape', inputs: ['input'], attrs: { T, out_type: { kind: 'dtype', default: 'i32' } },
  doc: 'The number of elements as an out_type scalar.', infer: (a) => [vt(attrDType(a, 'out_type', 'i32'), [])],
});
export const Rank = tfOp('Rank', {
  category: 'shape', inputs: ['input'], attrs: { T }, doc: 'The rank as an int32 scalar.', infer: () => [vt('i32', [])],
});
export const Range = tfOp('Range', {
  category: 'shape', inputs: ['start', 'limit', 'delta'], attrs: { Tidx: T },
  doc: 'start, start + delta, … below limit; the length is known when all three are constant.', infer: inferRange,
});
export const Where = tfOp('Where', {
  category: 'shape', inputs: ['input'], attrs: { T },
  doc: 'int64 coordinates [count, rank] of true elements; count depends on the data (-1).',
  infer: (a) => [vt('i64', [-1, input(a, 0, 'input').shape?.length ?? -1])],
});
export const Select = tfOp('Select', {
  category: 'elementwise', inputs: ['condition', 't', 'e'], attrs: { T },
  doc: 'condition ? t : e; condition has their shape, or is 1-D over the first dim.', infer: (a) => SELECT.infer!(a),
});
export const SelectV2 = tfOp('SelectV2', {
  category: 'elementwise', inputs: ['condition', 't', 'e'], attrs: { T },
  doc: 'condition ? t : e with NumPy broadcasting of all three.',
  infer(a) {
    const [c, t, e] = [input(a, 0, 'condition'), input(a, 1, 't'), input(a, 2, 'e')];
    if (t.dtype !== e.dtype) typeMismatch(`t is ${t.dtype}, e ${e.dtype}`);
    return [vt(t.dtype, broadcastShapes(c.shape, t.shape, e.shape))];
  },
});
export const OneHot = tfOp('OneHot', {
  category: 'shape', inputs: ['indices', 'depth', 'on_value', 'off_value'], attrs: { T, TI: T, axis: int(-1) },
  doc: 'One-hot encoding with a new dim of size depth at axis (-1 = last).',
  infer(a) {
    const idx = input(a, 0, 'indices');
    const on = input(a, 2, 'on_value');
    if (!idx.shape) return [vt(on.dtype, undefined)];
    const at = normAxis(attrInt(a, 'axis', -1), idx.shape.length, 'axis', 1);
    return [vt(on.dtype, [...idx.shape.slice(0, at), constScalar(a, 1) ?? -1, ...idx.shape.slice(at)])];
  },
});
