// Tokens of the text form.
import { IRError } from '../errors';

export type Tok =
  | { k: 'punct'; v: string; pos: number }
  | { k: 'ident'; v: string; pos: number }
  | { k: 'num'; v: string; pos: number }
  | { k: 'str'; v: string; pos: number }
  | { k: 'hex'; v: string; pos: number }
  | { k: 'ref'; v: number; pos: number } // %12
  | { k: 'blob'; v: number; pos: number } // #3
  | { k: 'eof'; pos: number };

const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', '=', ':', '?', '*', '_', '@', '<', '>']);

export function lex(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = text.length;
  const fail = (msg: string): never => {
    throw parseError(text, i, msg);
  };
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const pos = i;
    if (c === '-' && text[i + 1] === '>') {
      toks.push({ k: 'punct', v: '->', pos });
      i += 2;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= n) fail('unterminated string');
      let str: string;
      try {
        str = JSON.parse(text.slice(i, j + 1)) as string;
      } catch {
        return fail('invalid string literal');
      }
      toks.push({ k: 'str', v: str, pos });
      i = j + 1;
      continue;
    }
    if (c === '%' || c === '#') {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === i + 1) fail(`expected a number after '${c}'`);
      toks.push({ k: c === '%' ? 'ref' : 'blob', v: Number(text.slice(i + 1, j)), pos });
      i = j;
      continue;
    }
    if (/[0-9-]/.test(c)) {
      const m = /^-?(?:inf|nan|[0-9]+n|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 400));
      if (!m) fail('bad number');
      toks.push({ k: 'num', v: m![0], pos });
      i += m![0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_.]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if (word === 'hex' && text[j] === '"') {
        const end = text.indexOf('"', j + 1);
        if (end < 0) fail('unterminated hex string');
        toks.push({ k: 'hex', v: text.slice(j + 1, end), pos });
        i = end + 1;
        continue;
      }
      if (word === '_') toks.push({ k: 'punct', v: '_', pos });
      else toks.push({ k: 'ident', v: word, pos });
      i = j;
      continue;
    }
    if (PUNCT.has(c)) {
      toks.push({ k: 'punct', v: c, pos });
      i++;
      continue;
    }
    fail(`unexpected character '${c}'`);
  }
  toks.push({ k: 'eof', pos: n });
  return toks;
}

export function parseError(text: string, pos: number, msg: string): IRError {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  const src = text.split('\n')[line - 1] ?? '';
  return new IRError('PARSE_ERROR', `line ${line}:${col}: ${msg}\n  ${src.slice(0, 200)}`);
}
