// StableHLO ops carried in TFLite files (BuiltinOptions2).
export * from './compute';
export * from './control';
export * from './elementwise';
export * from './layout';
