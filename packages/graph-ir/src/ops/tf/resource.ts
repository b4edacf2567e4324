// Variables (resource and TF1 ref variables) and TensorList ops.
import { bool, str } from '../attrs';
import type { InferArgs } from '../define';
import type { Dim } from '../ir';
import { attrDType, attrShape, constInts, declared, like, vt } from '../infer/util';
import { T, tfOp } from './op';

const shapeAttr = { kind: 'shape' } as const;

export const VarHandleOp = tfOp('VarHandleOp', {
  category: 'variable', inputs: [], attrs: { container: str(''), shared_name: str(''), dtype: T, shape: shapeAttr, allowed_devices: { kind: 'strings' } },
  doc: 'A resource handle to the variable (container, shared_name) of dtype and shape.', infer: () => [vt('resource', [])],
});
export const ReadVariableOp = tfOp('ReadVariableOp', {
  category: 'variable', inputs: ['resource'], attrs: { dtype: T },
  doc: 'The variable\'s value: dtype from the attribute; the shape is the handle\'s (VarHandleOp shape), kept from the declared output when known.',
  infer: (a) => [vt(attrDType(a, 'dtype'), declared(a, 0)?.shape)],
});
export const AssignVariableOp = tfOp('AssignVariableOp', {
  category: 'variable', inputs: ['resource', 'value'], outputs: [], attrs: { dtype: T, validate_shape: bool() },
  doc: 'Stores value in the variable; no outputs.', infer: () => [],
});
export const VarIsInitializedOp = tfOp('VarIsInitializedOp', {
  category: 'variable', inputs: ['resource'], doc: 'Whether the variable holds a value (bool scalar).', infer: () => [vt('bool', [])],
});
export const DisableCopyOnRead = tfOp('DisableCopyOnRead', {
  category: 'variable', inputs: ['resource'], outputs: [], doc: 'A runtime hint on a resource variable; no outputs.', infer: () => [],
});
export const VariableV2 = tfOp('VariableV2', {
  category: 'variable', inputs: [], attrs: { shape: shapeAttr, dtype: T, container: str(''), shared_name: str('') },
  doc: 'A TF1 ref variable of dtype and shape.', infer: (a) => [vt(attrDType(a, 'dtype'), attrShape(a, 'shape'))],
});
export const Assign = tfOp('Assign', {
  category: 'variable', inputs: ['ref', 'value'], attrs: { T, validate_shape: bool(true), use_locking: bool(true) },
  doc: 'ref = value; returns the ref (with value\'s shape when validate_shape is false).', infer: (a) => [like(a, a.attrs['validate_shape'] === false ? 1 : 0)],
});
export const AssignAdd = tfOp('AssignAdd', {
  category: 'variable', inputs: ['ref', 'value'], attrs: { T, use_locking: bool() },
  doc: 'ref += value; returns the ref.', infer: (a) => [like(a, 0)],
});
export const AssignSub = tfOp('AssignSub', {
  category: 'variable', inputs: ['ref', 'value'], attrs: { T, use_locking: bool() },
  doc: 'ref -= value; returns the ref.', infer: (a) => [like(a, 0)],
});
export const ApplyGradientDescent = tfOp('ApplyGradientDescent', {
  category: 'variable', inputs: ['var', 'alpha', 'delta'], attrs: { T, use_locking: bool() },
  doc: 'var -= alpha * delta (training); returns var.', infer: (a) => [like(a, 0)],
});

const listAttrs = { element_dtype: T, shape_type: T };
const listOut = () => [vt('variant', [])];

export const TensorListReserve = tfOp('TensorListReserve', {
  category: 'tensorlist', inputs: ['element_shape', 'num_elements'], attrs: listAttrs,
  doc: 'A list of num_elements uninitialized tensors of element_shape (a variant scalar).', infer: listOut,
});
export const TensorListFromTensor = tfOp('TensorListFromTensor', {
  category: 'tensorlist', inputs: ['tensor', 'element_shape'], attrs: listAttrs,
  doc: 'A list of the slices of tensor along dim 0 (a variant scalar).', infer: listOut,
});
export const TensorListSetItem = tfOp('TensorListSetItem', {
  category: 'tensorlist', inputs: ['input_handle', 'index', 'item'], attrs: { element_dtype: T, resize_if_index_out_of_bounds: bool() },
  doc: 'The list with item at index (a variant scalar).', infer: listOut,
});
export const TensorListPushBack = tfOp('TensorListPushBack', {
  category: 'tensorlist', inputs: ['input_handle', 'tensor'], attrs: { element_dtype: T },
  doc: 'The list with tensor appended (a variant scalar).', infer: listOut,
});
export const TensorListLength = tfOp('TensorListLength', {
  category: 'tensorlist', inputs: ['input_handle'], doc: 'The number of elements (int32 scalar).', infer: () => [vt('i32', [])],
});

/** The element shape operand (-1 entries unknown; a scalar -1 means unranked). */
function elementShape(a: InferArgs, i: number): Dim[] | undefined {
  const s = constInts(a, i);
  if (!s) return undefined;
  if (a.inputs[i]?.shape?.length === 0) return undefined;
  return s;
}

export const TensorListGetItem = tfOp('TensorListGetItem', {
  category: 'tensorlist', inputs: ['input_handle', 'index', 'element_shape'], attrs: { element_dtype: T },
  doc: 'Element `index` of the list: element_dtype, shape from the constant element_shape.',
  infer: (a) => [vt(attrDType(a, 'element_dtype'), elementShape(a, 2))],
});
export const TensorListStack = tfOp('TensorListStack', {
  category: 'tensorlist', inputs: ['input_handle', 'element_shape'], attrs: { element_dtype: T, num_elements: { kind: 'int', default: -1 } },
  doc: 'The list stacked into one tensor [num_elements, ...element_shape].',
  infer(a) {
    const es = elementShape(a, 1);
    const n = typeof a.attrs['num_elements'] === 'number' ? (a.attrs['num_elements'] as number) : -1;
    return [vt(attrDType(a, 'element_dtype'), es ? [n, ...es] : undefined)];
  },
});
