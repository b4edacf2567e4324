// Quantization and type conversion: QUANTIZE, DEQUANTIZE, FAKE_QUANT, CAST, BITCAST.
import { bool, float, int, tensorType } from '../attrs';
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { dtypeByteSize } from '../../dtype';
import { attrStr, declared, declaredOutputs, input, isKnownDim, like, tensorTypeDType, vt } from '../infer/util';
import { tflOp } from './op';

export const QUANTIZE = tflOp('QUANTIZE', {
  category: 'quant',
  inputs: ['input'],
  optionsTable: 'QuantizeOptions',
  doc: 'Float → integer (or integer → integer requantization) with the output tensor\'s quantization parameters. The target dtype lives on the output tensor: the declared one is kept; without it, float input gives int8 and integer input keeps its dtype.',
  infer(a) {
    const x = input(a, 0, 'input');
    const d = declared(a, 0)?.dtype ?? (x.dtype.startsWith('f') ? 'i8' : x.dtype);
    return [vt(d, x.shape)];
  },
});

export const DEQUANTIZE = tflOp('DEQUANTIZE', {
  category: 'quant',
  inputs: ['input'],
  optionsTable: 'DequantizeOptions',
  doc: 'Integer (or float16 / sparse) → float32 using the input\'s quantization parameters.',
  infer: (a) => [vt('f32', input(a, 0, 'input').shape)],
});

export const FAKE_QUANT = tflOp('FAKE_QUANT', {
  category: 'quant',
  inputs: ['input'],
  optionsTable: 'FakeQuantOptions',
  attrs: { min: float(), max: float(), numBits: int(), narrowRange: bool() },
  doc: 'Float input rounded to the numBits grid over [min, max], still float.',
  infer: (a) => [like(a)],
});

export const CAST = tflOp('CAST', {
  category: 'quant',
  inputs: ['input'],
  optionsTable: 'CastOptions',
  attrs: { inDataType: tensorType(), outDataType: tensorType() },
  doc: 'Converts element type to outDataType. FLOAT32 is also the value of an absent option; then TFLite casts to the output tensor\'s dtype, which is kept when declared.',
  infer(a) {
    const x = input(a, 0, 'input');
    const t = attrStr(a, 'outDataType', 'FLOAT32');
    return [vt(t === 'FLOAT32' ? (declared(a, 0)?.dtype ?? 'f32') : tensorTypeDType(t), x.shape)];
  },
});

export const BITCAST = tflOp('BITCAST', {
  category: 'quant',
  inputs: ['input'],
  optionsTable: 'BitcastOptions',
  doc: 'Reinterprets the bytes as the output tensor\'s dtype (declared on the output; inference needs it): a smaller type adds a last dim of the size ratio, a larger one removes it.',
  infer(a) {
    const x = input(a, 0, 'input');
    const [out] = declaredOutputs(a, 'the output tensor (BITCAST has no type attribute)');
    const from = dtypeByteSize(x.dtype);
    const to = dtypeByteSize(out!.dtype);
    if (!x.shape || from === to) return [vt(out!.dtype, x.shape)];
    if (from > to) return [vt(out!.dtype, [...x.shape, from / to])];
    const last: Dim | undefined = x.shape.at(-1);
    if (last !== undefined && isKnownDim(last) && last !== to / from) shapeMismatch(`bitcast ${x.dtype} → ${out!.dtype} needs a last dim of ${to / from}`);
    return [vt(out!.dtype, x.shape.slice(0, -1))];
  },
});
