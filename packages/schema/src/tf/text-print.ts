// Protocol-buffer text format output (what TensorFlow writes as .pbtxt): fields in number order,
// map entries sorted by key, bytes C-escaped (octal for non-printable), floats in their shortest form.
import type * as protobufNs from 'protobufjs/light.js';
import { pb, tfType } from './proto';
import type { PbField, PbType } from './proto';

type Obj = Record<string, unknown>;

/** The .proto spelling of a field (`tensorShape` → `tensor_shape`). */
export function protoFieldName(field: { name: string }): string {
  return field.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

let escapes: string[] | undefined;
function escapeBytes(b: Uint8Array): string {
  escapes ??= Array.from({ length: 256 }, (_, c) => {
    if (c === 0x22) return '\\"';
    if (c === 0x5c) return '\\\\';
    if (c === 0x0a) return '\\n';
    if (c === 0x0d) return '\\r';
    if (c === 0x09) return '\\t';
    if (c >= 0x20 && c < 0x7f) return String.fromCharCode(c);
    return '\\' + c.toString(8).padStart(3, '0');
  });
  const parts = new Array<string>(b.length);
  for (let i = 0; i < b.length; i++) parts[i] = escapes[b[i]!]!;
  return `"${parts.join('')}"`;
}

function formatFloat(v: number, single: boolean): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (single) {
    for (let p = 1; p <= 9; p++) {
      const s = v.toPrecision(p);
      if (Math.fround(Number(s)) === v) return String(Number(s));
    }
  }
  return String(v);
}

function formatScalar(field: PbField, v: unknown): string {
  const rt = field.resolvedType;
  if (rt instanceof pb.Enum) return typeof v === 'number' ? rt.valuesById[v] ?? String(v) : String(v);
  switch (field.type) {
    case 'string': return escapeBytes(new TextEncoder().encode(v as string));
    case 'bytes': return escapeBytes(v as Uint8Array);
    case 'bool': return v ? 'true' : 'false';
    case 'float': case 'double': return formatFloat(v as number, field.type === 'float');
    default: return String(v);
  }
}

function isDefault(field: PbField, v: unknown): boolean {
  if (field.resolvedType instanceof pb.Enum) return v === 0 || v === field.resolvedType.valuesById[0];
  return v === 0 || v === 0n || v === '' || v === false || (v instanceof Uint8Array && v.length === 0);
}

function printMessage(type: PbType, obj: Obj, indent: string, out: string[]): void {
  const fields = [...type.fieldsArray].sort((a, b) => a.id - b.id);
  for (const field of fields) {
    const v = obj[field.name];
    if (v === undefined || v === null) continue;
    const name = protoFieldName(field);
    const isMsg = field.resolvedType instanceof pb.Type;
    const element = (x: unknown): void => {
      if (isMsg) {
        out.push(`${indent}${name} {`);
        printMessage(field.resolvedType as PbType, x as Obj, indent + '  ', out);
        out.push(`${indent}}`);
      } else out.push(`${indent}${name}: ${formatScalar(field, x)}`);
    };
    if (field.map) {
      const mf = field as unknown as protobufNs.MapField;
      const keys = Object.keys(v as Obj).sort();
      for (const k of keys) {
        out.push(`${indent}${name} {`);
        const keyText = mf.keyType === 'string' ? escapeBytes(new TextEncoder().encode(k)) : mf.keyType === 'bool' ? k : String(k);
        out.push(`${indent}  key: ${keyText}`);
        const val = (v as Obj)[k];
        if (isMsg) {
          out.push(`${indent}  value {`);
          printMessage(field.resolvedType as PbType, val as Obj, indent + '    ', out);
          out.push(`${indent}  }`);
        } else out.push(`${indent}  value: ${formatScalar(field, val)}`);
        out.push(`${indent}}`);
      }
    } else if (field.repeated) {
      for (const x of Array.from(v as ArrayLike<unknown>)) element(x);
    } else if (isMsg || field.partOf || !isDefault(field, v)) {
      element(v);
    }
  }
}

/** Formats a plain `tensorflow.<typeName>` object as protobuf text format (what TensorFlow writes to .pbtxt). */
export function printTfText(typeName: string, value: object): string {
  const out: string[] = [];
  printMessage(tfType(typeName), value as Obj, '', out);
  return out.length ? out.join('\n') + '\n' : '';
}
