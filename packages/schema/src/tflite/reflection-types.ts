/** Scalar and composite base types of the TFLite schema, as flatbuffers stores them. */
export type ReflScalarType =
  | 'bool' | 'byte' | 'ubyte' | 'short' | 'ushort' | 'int' | 'uint' | 'long' | 'ulong' | 'float' | 'double';
export type ReflBaseType = ReflScalarType | 'string' | 'vector' | 'table' | 'union' | 'utype';

/** One field of a table, in declaration order. */
export interface ReflField {
  /** The camelCase name flatc's TypeScript object API uses (`strideW`, `builtinOptionsType`). */
  name: string;
  /** The snake_case name in fbs/tflite.fbs (`stride_w`). */
  fbsName: string;
  /** Slot id: the index of the field in the table's vtable (union fields take two: `_type`, value). */
  id: number;
  /** Base type. Enum-valued fields have their underlying scalar type and `ref` = the enum name. */
  type: ReflBaseType;
  /** For vectors: the element base type. */
  element?: ReflBaseType;
  /** Enum (scalars), union (`union`/`utype`) or table (`table`, vectors of tables) this field refers to. */
  ref?: string;
  /** Schema default of scalar fields (numbers also for 64-bit fields; the TS API uses bigint there). */
  default?: number | boolean;
  /** Deprecated fields keep their slot but have no accessor. */
  deprecated?: boolean;
  /** Alignment the writer must give a vector's data (`force_align`). */
  forceAlign?: number;
}

export interface ReflEnum {
  underlying: ReflScalarType;
  /** Member name → value. */
  values: Record<string, number>;
}

/** The whole schema as data (generated into src/generated/tflite-reflection.ts). */
export interface TfliteReflection {
  fileIdentifier: string;
  rootTable: string;
  /** Table name → fields in slot order. */
  tables: Record<string, ReflField[]>;
  enums: Record<string, ReflEnum>;
  /** Union name → member table names indexed by type tag (index 0 is `'NONE'`). */
  unions: Record<string, string[]>;
}
