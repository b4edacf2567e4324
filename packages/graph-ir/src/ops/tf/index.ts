// The tf dialect: the TensorFlow ops the converter imports, with TF's attribute names.
export * from './array';
export * from './control';
export * from './math';
export * from './misc';
export * from './nn';
export * from './resource';
export * from './shape';
