// Op categories (from graph-ir's op schemas) and the colors nodes get for them.
import { getOpSchema } from '@liteml/graph-ir';

/** Fill colors per category: muted, distinguishable, dark text stays legible on all of them. */
export const CATEGORY_COLORS: Record<string, string> = {
  conv: '#8fb8de',
  matmul: '#a9c5eb',
  pool: '#9fd5c9',
  elementwise: '#e2e7ef',
  compare: '#d3dbe8',
  activation: '#f4b183',
  softmax: '#f7c8a2',
  normalization: '#c9b3e6',
  shape: '#e6e0a6',
  identity: '#efebc8',
  quant: '#e8a4b8',
  control: '#b5d99c',
  reduce: '#f2d08a',
  rnn: '#d6a4d8',
  attention: '#a4d8e0',
  lookup: '#dec4a8',
  gather: '#dec4a8',
  image: '#bfe3d0',
  resize: '#bfe3d0',
  detection: '#f0a8a0',
  signal: '#a8d8e8',
  random: '#d9c7b0',
  variable: '#cfc2e3',
  checkpoint: '#cfc2e3',
  tensorlist: '#d8cbb8',
  string: '#e6d3c0',
  stablehlo: '#b8c7d9',
  custom: '#ffb8b0',
  io: '#c3e3c3',
  constant: '#e4e4e4',
  other: '#bcc3cc',
};

const EXTRA = ['#b7c9a8', '#e3b7a0', '#a8b7e3', '#e3d4a0', '#a0e3d4', '#d4a0e3', '#c0c0a0'];

/** A stable color for a category; unknown categories get one from a fixed extra palette. */
export function categoryColor(category: string): string {
  const known = CATEGORY_COLORS[category];
  if (known) return known;
  let h = 0;
  for (let i = 0; i < category.length; i++) h = (h * 31 + category.charCodeAt(i)) >>> 0;
  return EXTRA[h % EXTRA.length]!;
}

// Used only for ops graph-ir has no schema for (e.g. a newer TFLite builtin, an unknown tf op).
const FALLBACK: [RegExp, string][] = [
  [/CONV|Conv/, 'conv'],
  [/POOL|Pool/, 'pool'],
  [/FULLY_CONNECTED|MATMUL|MatMul|EINSUM|Einsum/, 'matmul'],
  [/RELU|TANH|LOGISTIC|SIGMOID|SOFTMAX|GELU|ELU|SWISH|Relu|Tanh|Sigmoid|Softmax|Elu/, 'activation'],
  [/LSTM|RNN|GRU|SVDF/, 'rnn'],
  [/QUANTIZE|Quantize/, 'quant'],
  [/WHILE|IF$|CALL|While|^tf\.If/, 'control'],
  [/RESHAPE|SQUEEZE|TRANSPOSE|CONCAT|SPLIT|SLICE|PACK|PAD|Reshape|Squeeze|Transpose|Concat|Split|Slice|Pack|Pad|Shape/, 'shape'],
  [/MEAN|SUM|REDUCE|Mean|Sum|Max$|Min$|Prod/, 'reduce'],
  [/NORM|Norm/, 'normalization'],
  [/ADD|SUB|MUL|DIV|POW|MAXIMUM|MINIMUM|SQUARED_DIFFERENCE|ABS|NEG|SQRT|RSQRT|EXP|LOG|SIN|COS|FLOOR|CEIL|ROUND|SIGN|SQUARE|LESS|GREATER|EQUAL|LOGICAL|SELECT|Add|Sub|Mul|Div|Pow|Maximum|Minimum|Sqrt|Exp|Log|Less|Greater|Equal|Select/, 'elementwise'],
];

/** The op's category: its schema's, else a guess from the name, else 'other'. */
export function categoryOf(op: string): string {
  const schema = getOpSchema(op);
  if (schema?.category) return schema.category;
  for (const [re, cat] of FALLBACK) if (re.test(op)) return cat;
  return 'other';
}
