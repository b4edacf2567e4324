// TensorFlow formats: GraphDef (.pb/.pbtxt), SavedModel + TensorBundle variables, tfjs graph models.
export type * as tf from '../generated/tf/types';
export type {
  GraphDef, NodeDef, AttrValue, TensorProto, TensorShapeProto, FunctionDef, FunctionDefLibrary, OpDef,
  MetaGraphDef, DataType, BundleEntryProto, BundleHeaderProto, TensorInfo,
} from '../generated/tf/types';
export {
  decodeGraphDef, encodeGraphDef, parseGraphDefText, printGraphDefText, decodeMetaGraphDef, decodeSavedModel, encodeSavedModel, tfProto,
} from './graphdef';
export { decodeTensor, encodeTensor, shapeDims } from './tensor';
export type { TfTensor, TfTensorInput } from './tensor';
export { tfDataTypeToElementType, elementTypeToTfDataType, tfElementByteSize } from './dtypes';
export type { TfElementType, TfTypedArray } from './dtypes';
export { readTensorBundle, writeTensorBundle, dataShardName } from './tensor-bundle';
export type { TensorBundle, ReadTensorBundleOptions } from './tensor-bundle';
export { readSavedModel, readSavedModelDir } from './saved-model';
export type { SavedModelContents, SavedModelFiles } from './saved-model';
export { readTfjsModel, float16ToNumber } from './tfjs';
export type { TfjsModel, TfjsWeight, TfjsQuantization } from './tfjs';
export { crc32c, maskCrc } from './crc32c';
