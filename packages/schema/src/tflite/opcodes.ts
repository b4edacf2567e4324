import { BuiltinOperator } from '../generated/tflite/index';

/** The fields of an operator code that name the op (an `OperatorCodeT` or the reader object). */
export interface OpcodeLike {
  deprecatedBuiltinCode: number;
  builtinCode: number;
}

/**
 * The operator's builtin code: the larger of the legacy byte field and the int32 field (old files
 * set only the first, new ones set 127 there when the code does not fit).
 */
export function builtinCodeOf(opcode: OpcodeLike): number {
  return Math.max(opcode.deprecatedBuiltinCode, opcode.builtinCode);
}

/**
 * The `BuiltinOperator` name of an operator code (`'CONV_2D'`, `'CUSTOM'` …), or `'UNKNOWN_<n>'`
 * for a code this schema does not know.
 */
export function builtinOpName(opcode: OpcodeLike | number): string {
  const code = typeof opcode === 'number' ? opcode : builtinCodeOf(opcode);
  return BuiltinOperator[code] ?? `UNKNOWN_${code}`;
}

/** True when `bytes` carries the TFLite file identifier 'TFL3' (no further checks). */
export function isTflite(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[4] === 0x54 && bytes[5] === 0x46 && bytes[6] === 0x4c && bytes[7] === 0x33;
}
