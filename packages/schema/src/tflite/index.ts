// Public TFLite API of @liteml/schema.
export * as tflite from '../generated/tflite/index';
export { tfliteReflection } from '../generated/tflite-reflection';
export type { ReflBaseType, ReflEnum, ReflField, ReflScalarType, TfliteReflection } from './reflection-types';
export type { TfliteBuffer, TfliteModel, TfliteOperator, TfliteSubGraph } from './types';
export { readTflite, type ReadTfliteOptions } from './read';
export { writeTflite, type WriteTfliteOptions } from './write';
export { verifyTflite, type VerifyLimits } from './verify';
export { builtinCodeOf, builtinOpName, isTflite, type OpcodeLike } from './opcodes';
