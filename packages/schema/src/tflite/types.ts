import type { ModelT, OperatorT, SubGraphT } from '../generated/tflite/index';

/**
 * Raw bytes of a constant tensor (or of a metadata entry).
 * `data` is a zero-copy view into the bytes given to `readTflite`, also when the file stores the
 * data after the flatbuffer (`offset`/`size`, used by files over 2 GB).
 */
export interface TfliteBuffer {
  data: Uint8Array;
  /** As read: absolute file offset of data stored after the flatbuffer (> 1), else 0. */
  offset: bigint;
  /** As read: byte size of data stored after the flatbuffer, else 0. */
  size: bigint;
}

/**
 * An operator as `readTflite` returns it: flatc's `OperatorT`, except that `customOptions` is a
 * zero-copy `Uint8Array` (also for large custom options stored after the flatbuffer).
 */
export type TfliteOperator = Omit<OperatorT, 'customOptions' | 'pack'> & { customOptions: Uint8Array };

/** A subgraph: flatc's `SubGraphT` with `TfliteOperator`s. */
export type TfliteSubGraph = Omit<SubGraphT, 'operators' | 'pack'> & { operators: TfliteOperator[] };

/**
 * A whole .tflite model as a plain object graph. Everything except `buffers` and operators'
 * `customOptions` is flatc's object API (`tflite.TensorT`, `tflite.OperatorCodeT`,
 * `tflite.Conv2DOptionsT` …; camelCase field names; enums are the numeric `tflite.*` enums;
 * 64-bit integers are `bigint`; strings read from a file are always `string`).
 *
 * - `subgraphs[0]` is the main graph; `buffers[0]` is the conventional empty buffer.
 * - `operatorCodes[i].builtinCode` holds the effective operator code (the larger of the two
 *   fields in the file, so also for old files that only set the legacy byte field), and
 *   `deprecatedBuiltinCode` is normalized to `min(builtinCode, 127)`, as `writeTflite` writes it.
 * - Builtin options are `operator.builtinOptions` (tagged by `builtinOptionsType`) or
 *   `operator.builtinOptions2` (tagged by `builtinOptions2Type`, StableHLO and newer ops).
 */
export type TfliteModel = Omit<ModelT, 'subgraphs' | 'buffers' | 'pack'> & {
  subgraphs: TfliteSubGraph[];
  buffers: TfliteBuffer[];
};
