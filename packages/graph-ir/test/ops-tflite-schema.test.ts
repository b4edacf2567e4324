// The tfl dialect covers TFLite's schema exactly: one op per BuiltinOperator, attributes equal to
// the fields of its options table (names, kinds, enums, defaults) so the .tflite adapter is lossless.
import { tflite, tfliteReflection, type ReflField } from '@liteml/schema';
import { describe, expect, it } from 'vitest';
import { allOpSchemas, getOpSchema, tf, tfl, type AttrSpec } from '../src/ops/index';

const builtinNames = Object.keys(tflite.BuiltinOperator).filter((k) => Number.isNaN(Number(k)));

describe('tfl op schemas vs TFLite BuiltinOperator', () => {
  it('has a schema for every BuiltinOperator member with its code', () => {
    expect(builtinNames.length).toBeGreaterThanOrEqual(200);
    const missing = builtinNames.filter((n) => getOpSchema(`tfl.${n}`)?.builtinCode !== (tflite.BuiltinOperator as unknown as Record<string, number>)[n]);
    expect(missing).toEqual([]);
  });

  it('exports each op schema under its own name (tfl.CONV_2D, tf.Conv2D) and nothing else', () => {
    const wrong = [
      ...Object.entries(tfl).filter(([k, v]) => k !== 'BUILTIN_CODES' && (v as { name?: string }).name !== `tfl.${k}`),
      ...Object.entries(tf).filter(([k, v]) => (v as { name?: string }).name !== `tf.${k}`),
    ].map(([k]) => k);
    expect(wrong).toEqual([]);
    expect(Object.keys(tfl).length - 1 + Object.keys(tf).length).toBe(allOpSchemas().length);
  });

  it('defines no tfl op that is not a BuiltinOperator', () => {
    const extra = allOpSchemas('tfl').map((s) => s.name.slice(4)).filter((n) => !builtinNames.includes(n));
    expect(extra).toEqual([]);
  });

  it('gives every tfl op a category, inputs, outputs and a doc', () => {
    for (const s of allOpSchemas('tfl')) {
      expect(s.category, s.name).toMatch(/^[a-z]+$/);
      expect(s.doc?.length ?? 0, s.name).toBeGreaterThan(3);
      expect(Array.isArray(s.inputs) && Array.isArray(s.outputs), s.name).toBe(true);
      expect(typeof s.infer, `${s.name} has no infer`).toBe('function');
    }
  });
});

/** The attribute kind an options-table field maps to. */
function expectedKind(f: ReflField): AttrSpec['kind'][] {
  if (f.ref && tfliteReflection.enums[f.ref]) return f.type === 'vector' ? ['strings'] : ['enum'];
  if (f.type === 'vector') {
    if (f.element === 'ubyte') return ['bytes'];
    if (f.element === 'float' || f.element === 'double') return ['floats'];
    if (f.element === 'bool') return ['any'];
    return ['ints'];
  }
  if (f.type === 'bool') return ['bool'];
  if (f.type === 'float' || f.type === 'double') return ['float'];
  if (f.type === 'string') return ['string'];
  return ['int', 'subgraph'];
}

function enumMembers(name: string): string[] {
  return Object.entries(tfliteReflection.enums[name]!.values).sort((a, b) => a[1] - b[1]).map(([k]) => k);
}

describe('tfl attributes vs options tables (tfliteReflection)', () => {
  const withOptions = allOpSchemas('tfl').filter((s) => s.optionsTable);

  it('names only options tables that exist in a BuiltinOptions union', () => {
    const unionMembers = new Set([...tfliteReflection.unions['BuiltinOptions']!, ...tfliteReflection.unions['BuiltinOptions2']!]);
    expect(withOptions.length).toBeGreaterThan(150);
    expect(withOptions.filter((s) => !unionMembers.has(s.optionsTable!)).map((s) => s.name)).toEqual([]);
  });

  it('uses every options table of both unions at least once', () => {
    const used = new Set(withOptions.map((s) => s.optionsTable));
    const unused = [...tfliteReflection.unions['BuiltinOptions']!, ...tfliteReflection.unions['BuiltinOptions2']!]
      .filter((t) => t !== 'NONE' && !used.has(t));
    expect(unused).toEqual([]);
  });

  for (const s of withOptions) {
    it(`${s.name}: attrs = fields of ${s.optionsTable}`, () => {
      const fields = tfliteReflection.tables[s.optionsTable!]!.filter((f) => !f.deprecated);
      expect(Object.keys(s.attrs).sort()).toEqual(fields.map((f) => f.name).sort());
      for (const f of fields) {
        const spec = s.attrs[f.name]!;
        expect(expectedKind(f), `${s.name}.${f.name} kind`).toContain(spec.kind);
        if (spec.kind === 'enum') {
          expect(spec.enumName, `${s.name}.${f.name} enum`).toBe(f.ref);
          expect([...spec.values], `${s.name}.${f.name} members`).toEqual(enumMembers(f.ref!));
          const def = enumMembers(f.ref!).find((m) => tfliteReflection.enums[f.ref!]!.values[m] === (f.default ?? 0));
          expect(spec.default, `${s.name}.${f.name} default`).toBe(def);
        } else if (f.default !== undefined && f.type !== 'vector') {
          expect(spec.default, `${s.name}.${f.name} default`).toBe(f.default);
        }
      }
    });
  }

  it('ops without an options table take no attributes, except CUSTOM (customCode, customOptions)', () => {
    const bad = allOpSchemas('tfl').filter((s) => !s.optionsTable && s.name !== 'tfl.CUSTOM' && Object.keys(s.attrs).length > 0).map((s) => s.name);
    expect(bad).toEqual([]);
    expect(Object.keys(getOpSchema('tfl.CUSTOM')!.attrs).sort()).toEqual(['customCode', 'customOptions']);
  });
});
