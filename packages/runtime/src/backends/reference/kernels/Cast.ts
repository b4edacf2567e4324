// tfl.CAST between numeric dtypes and bool (float → int truncates toward zero, like C++).
import type { DType } from '../../../ir';
import type { KernelConfig } from '../../../kernel';
import { bf16ToF32, f16ToF32, f32ToBf16, f32ToF16 } from '../../../half';

const CASTABLE: readonly DType[] = ['f32', 'f16', 'bf16', 'f64', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'bool'];

function reader(dtype: DType, data: ArrayLike<number | bigint>): (i: number) => number | bigint {
  if (dtype === 'f16') return (i) => f16ToF32(data[i] as number);
  if (dtype === 'bf16') return (i) => bf16ToF32(data[i] as number);
  return (i) => data[i]!;
}

function writer(dtype: DType, data: { [i: number]: number | bigint }): (i: number, v: number | bigint) => void {
  switch (dtype) {
    case 'bool': return (i, v) => { data[i] = v !== 0 && v !== 0n ? 1 : 0; };
    case 'f16': return (i, v) => { data[i] = f32ToF16(Number(v)); };
    case 'bf16': return (i, v) => { data[i] = f32ToBf16(Number(v)); };
    case 'f32': case 'f64': return (i, v) => { data[i] = Number(v); };
    case 'i64': return (i, v) => { data[i] = typeof v === 'bigint' ? BigInt.asIntN(64, v) : Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n; };
    case 'u64': return (i, v) => { data[i] = typeof v === 'bigint' ? BigInt.asUintN(64, v) : Number.isFinite(v) ? BigInt.asUintN(64, BigInt(Math.trunc(v))) : 0n; };
    default: return (i, v) => {
      // Typed-array stores wrap modulo 2^bits; truncate first so floats round toward zero.
      data[i] = typeof v === 'bigint' ? Number(BigInt.asIntN(64, v) % 2n ** 32n) : Math.trunc(v);
    };
  }
}

export const cast: KernelConfig = {
  op: 'tfl.CAST',
  backend: 'reference',
  supports(node) {
    const a = node.inputs[0]!.dtype, b = node.outputs[0]!.dtype;
    return CASTABLE.includes(a) && CASTABLE.includes(b) ? true : `cast ${a} → ${b} is not supported`;
  },
  run(ctx) {
    const input = ctx.inputs[0]!;
    const out = ctx.output(0, input.shape);
    const r = reader(input.dtype, input.data as ArrayLike<number>);
    const w = writer(out.dtype, out.data as unknown as { [i: number]: number });
    for (let i = 0; i < input.data.length; i++) w(i, r(i));
  },
};
