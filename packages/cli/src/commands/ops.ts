import { allOpSchemas, type OpSchema } from '@liteml/graph-ir';
import { backendNames, findKernel } from '@liteml/runtime';
import { Node } from '@liteml/graph-ir';
import { legalizableTfOps } from '@liteml/converter';
import { flag, type Command } from './types';

/** Backends whose registry has a kernel for `op` (dtype support is decided per node at load time). */
function backendsFor(op: string): string[] {
  const probe = new Node({ op, name: op, inputs: [], outputs: [] });
  return backendNames().filter((b) => findKernel(b, probe) !== undefined);
}

function describe(s: OpSchema) {
  return {
    name: s.name,
    dialect: s.dialect,
    category: s.category,
    builtinCode: s.builtinCode,
    inputs: [...s.inputs],
    outputs: [...s.outputs],
    attrs: Object.fromEntries(Object.entries(s.attrs).map(([k, a]) => [k, { ...a }])),
    backends: s.dialect === 'tfl' ? backendsFor(s.name) : [],
  };
}

export const ops: Command = {
  name: 'ops',
  usage: 'ops [--json]',
  summary: 'builtin ops per backend, and the TF ops the converter maps',
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const tfl = allOpSchemas('tfl').map(describe);
    const mapped = new Set(legalizableTfOps().map((op) => (op.startsWith('tf.') ? op : `tf.${op}`)));
    const tf = allOpSchemas('tf').map((s) => ({ ...describe(s), converter: mapped.has(s.name) }));
    if (flag(args, 'json')) {
      io.stdout.write(`${JSON.stringify({ backends: backendNames(), tfl, tf }, null, 2)}\n`);
      return 0;
    }
    const backends = backendNames();
    io.stdout.write(`TFLite builtin ops (${tfl.length}); backends: ${backends.join(', ')}\n`);
    const w = Math.max(...tfl.map((o) => o.name.length));
    for (const o of tfl) {
      const marks = backends.map((b) => (o.backends.includes(b) ? b : '-'.repeat(b.length))).join(' ');
      io.stdout.write(`  ${o.name.padEnd(w)}  ${marks}  ${o.category}\n`);
    }
    const convertible = tf.filter((o) => o.converter);
    io.stdout.write(`\nTensorFlow ops the converter maps to TFLite (${convertible.length}):\n`);
    io.stdout.write(wrap(convertible.map((o) => o.name.replace(/^tf\./, '')).join(', '), 100, '  '));
    return 0;
  },
};

function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if ((line + word).length > width) {
      out.push(indent + line.trimEnd());
      line = '';
    }
    line += `${word} `;
  }
  if (line) out.push(indent + line.trimEnd());
  return `${out.join('\n')}\n`;
}
