// GraphDef (.pb / .pbtxt) and the other TensorFlow messages as plain objects.
import type { GraphDef, MetaGraphDef, SavedModel } from '../generated/tf/types';
import { decodeMessage, encodeMessage, completePlain } from './proto';
import { parseTfText } from './text-format';
import { printTfText } from './text-print';

/** Decodes a binary GraphDef (frozen `.pb`). Throws ModelFormatError BAD_PROTO. */
export function decodeGraphDef(bytes: Uint8Array): GraphDef {
  return decodeMessage<GraphDef>('GraphDef', bytes);
}

/** Encodes a GraphDef; missing fields take their defaults. Throws ModelFormatError BAD_VALUE. */
export function encodeGraphDef(graph: Partial<GraphDef>): Uint8Array {
  return encodeMessage('GraphDef', graph);
}

/** Parses a text-format GraphDef (`.pbtxt`). Throws ModelFormatError BAD_TEXT. */
export function parseGraphDefText(text: string): GraphDef {
  return parseTfText<GraphDef>('GraphDef', text);
}

/** Formats a GraphDef as text (`.pbtxt`): fields in number order, map entries sorted by key. */
export function printGraphDefText(graph: GraphDef): string {
  return printTfText('GraphDef', graph);
}

/** Decodes a binary MetaGraphDef (e.g. a TF1 checkpoint's `.meta` file). */
export function decodeMetaGraphDef(bytes: Uint8Array): MetaGraphDef {
  return decodeMessage<MetaGraphDef>('MetaGraphDef', bytes);
}

/** Decodes `saved_model.pb`. */
export function decodeSavedModel(bytes: Uint8Array): SavedModel {
  return decodeMessage<SavedModel>('SavedModel', bytes);
}

/** Encodes a SavedModel message (`saved_model.pb` contents). */
export function encodeSavedModel(model: Partial<SavedModel>): Uint8Array {
  return encodeMessage('SavedModel', model);
}

/**
 * Any TensorFlow message by name (`'NodeDef'`, `'TensorProto'`, `'SignatureDef'`, `'MetaGraphDef.MetaInfoDef'` …):
 * binary decode, encode, text parse and print, and default-filling of a partial plain object.
 */
export const tfProto = {
  decode: <T>(typeName: string, bytes: Uint8Array): T => decodeMessage<T>(typeName, bytes),
  encode: (typeName: string, value: object): Uint8Array => encodeMessage(typeName, value),
  parseText: <T>(typeName: string, text: string): T => parseTfText<T>(typeName, text),
  printText: (typeName: string, value: object): string => printTfText(typeName, value),
  complete: <T>(typeName: string, value: object): T => completePlain<T>(typeName, value),
};
