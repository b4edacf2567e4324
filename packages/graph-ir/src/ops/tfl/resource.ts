// Resources: variables (VAR_HANDLE, READ_VARIABLE, ASSIGN_VARIABLE) and hash tables.
import { str, int, tensorType } from '../attrs';
import { declaredOutputs, input, vt } from '../infer/util';
import { tflOp } from './op';

export const VAR_HANDLE = tflOp('VAR_HANDLE', {
  category: 'variable',
  inputs: [],
  optionsTable: 'VarHandleOptions',
  attrs: { container: str(), sharedName: str() },
  doc: 'A resource handle to the variable named (container, sharedName), shared across subgraphs.',
  infer: () => [vt('resource', [])],
});

export const READ_VARIABLE = tflOp('READ_VARIABLE', {
  category: 'variable',
  inputs: ['resource'],
  optionsTable: 'ReadVariableOptions',
  doc: 'The variable\'s current value. Its dtype and shape are those of whatever was assigned (not visible from the handle), so the declared output type is kept.',
  infer: (a) => declaredOutputs(a, 'the variable\'s value (assigned elsewhere)'),
});

export const ASSIGN_VARIABLE = tflOp('ASSIGN_VARIABLE', {
  category: 'variable',
  inputs: ['resource', 'value'],
  outputs: [],
  optionsTable: 'AssignVariableOptions',
  doc: 'Stores `value` in the variable; no outputs.',
  infer: () => [],
});

export const HASHTABLE = tflOp('HASHTABLE', {
  category: 'variable',
  inputs: [],
  optionsTable: 'HashtableOptions',
  attrs: { tableId: int(), keyDtype: tensorType(), valueDtype: tensorType() },
  doc: 'A resource handle to hash table tableId mapping keyDtype → valueDtype.',
  infer: () => [vt('resource', [])],
});

export const HASHTABLE_FIND = tflOp('HASHTABLE_FIND', {
  category: 'lookup',
  inputs: ['table', 'keys', 'defaultValue'],
  optionsTable: 'HashtableFindOptions',
  doc: 'Value per key (defaultValue when absent); shape of keys, dtype of defaultValue.',
  infer: (a) => [vt(input(a, 2, 'defaultValue').dtype, input(a, 1, 'keys').shape)],
});

export const HASHTABLE_IMPORT = tflOp('HASHTABLE_IMPORT', {
  category: 'variable',
  inputs: ['table', 'keys', 'values'],
  outputs: [],
  optionsTable: 'HashtableImportOptions',
  doc: 'Inserts keys → values into the table; no outputs.',
  infer: () => [],
});

export const HASHTABLE_SIZE = tflOp('HASHTABLE_SIZE', {
  category: 'variable',
  inputs: ['table'],
  optionsTable: 'HashtableSizeOptions',
  doc: 'Number of entries, int64 [1].',
  infer: () => [vt('i64', [1])],
});
