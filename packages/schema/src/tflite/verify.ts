// A bounds-checked walk of a TFLite flatbuffer, driven by the schema reflection data.
// The `flatbuffers` runtime trusts every offset it reads; this runs first so that a malformed
// file becomes a ModelFormatError instead of a RangeError, a hang or a giant allocation.
import { ModelFormatError, type ModelFormatErrorCode } from '../errors';
import { tfliteReflection } from '../generated/tflite-reflection';
import type { ReflBaseType, ReflField, TfliteReflection } from './reflection-types';

/** Limits of the verifier; the defaults suit any real model. */
export interface VerifyLimits {
  /** Deepest nesting of tables (Model → SubGraph → Operator → options … is about 6). Default 64. */
  maxDepth?: number;
  /** Most tables visited. Default 1,000,000. */
  maxTables?: number;
  /**
   * Most objects, strings and vector elements that reading the file may materialize, as a multiple
   * of the file size (shared sub-objects count once per reference). Default 4.
   */
  maxWorkPerByte?: number;
}

const SCALAR_SIZE: Record<string, number> = {
  bool: 1, byte: 1, ubyte: 1, utype: 1, short: 2, ushort: 2, int: 4, uint: 4, float: 4,
  long: 8, ulong: 8, double: 8, string: 4, vector: 4, table: 4, union: 4,
};

/**
 * Vectors that `readTflite` returns as views without decoding them: they cost no work beyond their
 * bounds check. Keyed by `Table.field`.
 */
const ZERO_COPY = new Set(['Buffer.data', 'Operator.customOptions']);

class Walker {
  private readonly view: DataView;
  private readonly len: number;
  private tables = 0;
  private work = 0;
  private readonly maxWork: number;
  private readonly maxTables: number;
  private readonly maxDepth: number;
  private readonly path: string[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly schema: TfliteReflection,
    limits: VerifyLimits,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.len = bytes.byteLength;
    this.maxDepth = limits.maxDepth ?? 64;
    this.maxTables = limits.maxTables ?? 1_000_000;
    this.maxWork = Math.max(100_000, (limits.maxWorkPerByte ?? 4) * this.len);
  }

  fail(code: ModelFormatErrorCode, message: string): never {
    throw new ModelFormatError(code, message, this.path.join('') || 'file header');
  }

  /** Checks that [pos, pos+size) lies in the file. */
  private need(pos: number, size: number, what: string, code: ModelFormatErrorCode = 'BAD_OFFSET'): void {
    if (pos < 0 || pos + size > this.len) {
      this.fail(code, `${what} at byte ${pos} (${size} bytes) lies outside the ${this.len}-byte file`);
    }
  }

  private u32(pos: number): number {
    return this.view.getUint32(pos, true);
  }

  private charge(n: number): void {
    this.work += n;
    if (this.work > this.maxWork) {
      this.fail('TOO_LARGE', `the file references more than ${this.maxWork} objects/elements (shared or repeated offsets?)`);
    }
  }

  /** Follows the uoffset stored at `pos`; returns the absolute target. */
  private deref(pos: number, what: string): number {
    this.need(pos, 4, `offset to ${what}`);
    const target = pos + this.u32(pos);
    if (target >= this.len) this.fail('BAD_OFFSET', `offset to ${what} at byte ${pos} points to byte ${target}, past the end of the ${this.len}-byte file`);
    return target;
  }

  root(): void {
    if (this.len < 8) this.fail('TRUNCATED', `a TFLite file is at least 8 bytes long, this one has ${this.len}`);
    const ident = this.schema.fileIdentifier;
    for (let i = 0; i < 4; i++) {
      if (this.bytes[4 + i] !== ident.charCodeAt(i)) {
        const got = String.fromCharCode(...this.bytes.subarray(4, 8)).replace(/[^\x20-\x7e]/g, '?');
        this.fail('BAD_MAGIC', `not a TFLite model: file identifier is '${got}', expected '${ident}'`);
      }
    }
    this.path.push(this.schema.rootTable);
    this.table(this.schema.rootTable, this.deref(0, 'root table'), 1);
  }

  table(name: string, pos: number, depth: number): void {
    if (depth > this.maxDepth) this.fail('TOO_DEEP', `tables nest deeper than ${this.maxDepth} levels`);
    if (++this.tables > this.maxTables) this.fail('TOO_LARGE', `more than ${this.maxTables} tables`);
    this.charge(1);
    this.need(pos, 4, `${name} table`);
    const vt = pos - this.view.getInt32(pos, true);
    this.need(vt, 4, `vtable of ${name}`);
    const vtSize = this.view.getUint16(vt, true);
    const tableSize = this.view.getUint16(vt + 2, true);
    if (vtSize < 4 || vtSize % 2 !== 0) this.fail('BAD_LENGTH', `vtable of ${name} has an invalid size ${vtSize}`);
    this.need(vt, vtSize, `vtable of ${name}`, 'BAD_LENGTH');
    if (tableSize < 4) this.fail('BAD_LENGTH', `${name} table claims a size of ${tableSize} bytes`);
    this.need(pos, tableSize, `${name} table`, 'BAD_LENGTH');
    const slots = (vtSize - 4) >> 1;
    const fields = this.schema.tables[name];
    if (!fields) throw new Error(`reflection data has no table ${name}`);
    let unionTag = 0;
    for (const f of fields) {
      const voff = f.id < slots ? this.view.getUint16(vt + 4 + 2 * f.id, true) : 0;
      if (f.type === 'utype') unionTag = voff ? this.bytes[pos + voff]! : 0;
      if (voff === 0) continue;
      const size = SCALAR_SIZE[f.type] ?? 1;
      if (voff + size > tableSize) {
        this.path.push(`.${f.name}`);
        this.fail('BAD_OFFSET', `field lies outside its ${tableSize}-byte table`);
      }
      if (f.deprecated) continue;
      const at = pos + voff;
      switch (f.type) {
        case 'string':
        case 'vector':
        case 'table':
          this.path.push(`.${f.name}`);
          this.field(name, f, at, depth);
          this.path.pop();
          break;
        case 'union':
          this.path.push(`.${f.name}`);
          this.union(f, unionTag, at, depth);
          this.path.pop();
          break;
        default:
          break;
      }
    }
  }

  private union(f: ReflField, tag: number, at: number, depth: number): void {
    const members = this.schema.unions[f.ref!]!;
    if (tag === 0) return; // a value without a type is ignored by every reader
    if (tag >= members.length) {
      this.fail('BAD_VALUE', `unknown ${f.ref} type ${tag} (this schema knows 1..${members.length - 1}; is the file from a newer TFLite?)`);
    }
    const member = members[tag]!;
    this.table(member, this.deref(at, member), depth + 1);
  }

  private field(owner: string, f: ReflField, at: number, depth: number): void {
    if (f.type === 'string') return this.string(this.deref(at, 'string'));
    if (f.type === 'table') return this.table(f.ref!, this.deref(at, f.ref!), depth + 1);
    const vec = this.deref(at, 'vector');
    this.need(vec, 4, 'vector length', 'TRUNCATED');
    const count = this.u32(vec);
    const el = f.element as ReflBaseType;
    const elSize = SCALAR_SIZE[el]!;
    if (count * elSize > this.len - vec - 4) {
      this.fail('BAD_LENGTH', `vector claims ${count} elements of ${elSize} bytes but only ${this.len - vec - 4} bytes follow`);
    }
    if (el === 'string' || el === 'table') {
      this.charge(count);
      for (let i = 0; i < count; i++) {
        this.path.push(`[${i}]`);
        const p = this.deref(vec + 4 + 4 * i, el === 'string' ? 'string' : f.ref!);
        if (el === 'string') this.string(p);
        else this.table(f.ref!, p, depth + 1);
        this.path.pop();
      }
    } else if (!ZERO_COPY.has(`${owner}.${f.name}`)) {
      this.charge(count);
    }
  }

  private string(pos: number): void {
    this.need(pos, 4, 'string length', 'TRUNCATED');
    const n = this.u32(pos);
    if (n + 1 > this.len - pos - 4) this.fail('BAD_LENGTH', `string claims ${n} bytes but only ${this.len - pos - 4} follow`);
    if (this.bytes[pos + 4 + n] !== 0) this.fail('BAD_VALUE', 'string is not zero-terminated');
    this.charge(1);
  }
}

/**
 * Verifies that `bytes` is a structurally sound TFLite flatbuffer: identifier 'TFL3', every table,
 * vtable, vector, string and union reachable from the Model root lies inside the file, union types
 * are known, nesting and total size stay within `limits`. Throws ModelFormatError otherwise.
 * Alignment is not required (files read from arbitrary offsets are fine).
 */
export function verifyTflite(bytes: Uint8Array, limits: VerifyLimits = {}): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new ModelFormatError('BAD_VALUE', `expected the model as a Uint8Array, got ${Object.prototype.toString.call(bytes)}`);
  }
  new Walker(bytes, tfliteReflection, limits).root();
}
