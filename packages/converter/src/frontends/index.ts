// Frontends: TensorFlow GraphDef / SavedModel / tfjs graph model → graph-ir Model in the tf.* dialect.
export { importGraphDef, type ImportGraphDefOptions, type TensorSpec } from './graphdef';
export { importSavedModel, importMetaGraphDef, type ImportSavedModelOptions, type ImportMetaGraphOptions } from './saved-model';
export { importTfjsModel, type ImportTfjsOptions } from './tfjs';
export { detectFormat, loadTfModelFromPath, type TfModelFormat, type LoadTfModelOptions } from './node';
export type { ConstantData } from './constants';
