// Operator options ⇄ node attributes, generically through the schema reflection.
import { getOpSchema } from '../ops';
import type { AttrValue } from '../ir';
import { allOptionsTables, optionsUnionOf, tableFields } from './reflect';

/** Attribute names that are not option-table fields. */
export const NON_OPTION_ATTRS = new Set(['customCode', 'customOptions']);

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/options$/, '');

/**
 * The options table of a `tfl.*` op: the op schema's `optionsTable`, else (ops liteml has no
 * schema for) the table whose fields are exactly the attribute names, preferring the one named
 * after the op. Undefined: the op has no options.
 */
export function optionsTableFor(op: string, attrs?: Record<string, AttrValue>): string | undefined {
  const fromSchema = getOpSchema(op)?.optionsTable;
  if (fromSchema && optionsUnionOf(fromSchema)) return fromSchema;
  if (!attrs) return undefined;
  const keys = Object.keys(attrs).filter((k) => !NON_OPTION_ATTRS.has(k)).sort();
  if (keys.length === 0) return guessByName(op);
  const candidates = allOptionsTables().filter((t) => {
    const names = tableFields(t).map((f) => f.name).sort();
    return names.length === keys.length && names.every((n, i) => n === keys[i]);
  });
  const base = normalize(op.replace(/^tfl\./, ''));
  return candidates.find((t) => normalize(t) === base) ?? candidates[0];
}

function guessByName(op: string): string | undefined {
  const base = normalize(op.replace(/^tfl\./, ''));
  return allOptionsTables().find((t) => normalize(t) === base && tableFields(t).length === 0);
}
