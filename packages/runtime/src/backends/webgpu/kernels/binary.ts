// Elementwise binary ops with numpy broadcasting: arithmetic with fused activations (f32), and
// comparisons / logical ops producing bool. Programs are keyed by op, activation, element types
// and broadcast pattern (same shape, scalar operand, or general of rank R); dims and strides travel
// as uniforms.
import { activationWgsl, flatMain, grid, type ElemType, type ProgramInfo } from '../program';
import type { GpuKernel, GpuKernelContext } from '../kernel';
import type { DType } from '../../../ir';
import { activationOf, activationOk, all, allF32, broadcastShapes, broadcastStrides, dimUniforms, dimValues, elem, rankOk, sizeOf, unravel } from './util';

const WG = 64;

export function binaryKernel(op: string, expr: string, fusedActivation: boolean, helpers = ''): GpuKernel {
  return {
    op,
    supports: (node) => all(
      () => allF32(node, [0, 1]),
      () => rankOk(node),
      () => (fusedActivation ? activationOk(node.attrs) : true),
    ),
    run(ctx) {
      const act = fusedActivation ? activationOf(ctx.attrs) : 'NONE';
      broadcastDispatch(ctx, op, 'f32', `let a = f32(A[ai]); let b = f32(B[bi]);\n  let v = ${expr};\n  Y[idx] = T(${activationWgsl(act)});`, act, helpers);
    },
  };
}

/** A comparison (`expr` over `a`, `b` of the inputs' own type) giving bool; f32 or i32 inputs. */
export function compareKernel(op: string, expr: string): GpuKernel {
  return {
    op,
    supports: (node) => all(() => rankOk(node), () => {
      const a = node.inputs[0]?.dtype, b = node.inputs[1]?.dtype;
      if (a !== b || (a !== 'f32' && a !== 'i32')) return `inputs are ${a} and ${b} (WebGPU compares f32 or i32)`;
      if (node.inputs.some((v) => v?.quant?.scale.length && v.dtype !== 'f32')) return 'quantized inputs';
      return node.outputs[0]?.dtype === 'bool' ? true : 'output must be bool';
    }),
    run(ctx) {
      broadcastDispatch(ctx, op, 'bool', `let a = A[ai]; let b = B[bi];\n  Y[idx] = select(0u, 1u, ${expr});`);
    },
  };
}

/** A logical op on bool inputs (`expr` over bools `a`, `b`). */
export function logicalKernel(op: string, expr: string): GpuKernel {
  return {
    op,
    supports: (node) => all(() => rankOk(node), () => (node.inputs.every((v) => v?.dtype === 'bool') ? true : 'inputs must be bool')),
    run(ctx) {
      broadcastDispatch(ctx, op, 'bool', `let a = A[ai] != 0u; let b = B[bi] != 0u;\n  Y[idx] = select(0u, 1u, ${expr});`);
    },
  };
}

function broadcastDispatch(ctx: GpuKernelContext, op: string, outDtype: DType, body: string, act = 'NONE', helpers = ''): void {
  const sa = ctx.inputs[0]!.shape, sb = ctx.inputs[1]!.shape;
  const out = broadcastShapes(sa, sb);
  if (!out) throw new Error(`shapes [${sa}] and [${sb}] do not broadcast`);
  const y = ctx.output(0, out, outDtype);
  const n = sizeOf(out);
  if (n === 0) return;
  const na = sizeOf(sa), nb = sizeOf(sb);
  const mode = na === n && nb === n ? 'same' : nb === 1 && na === n ? 'bscalar' : na === 1 && nb === n ? 'ascalar' : `bcast${out.length}`;
  const rank = out.length;
  const general = mode.startsWith('bcast');
  let index = '';
  if (mode === 'same') index = '  let ai = idx; let bi = idx;';
  else if (mode === 'bscalar') index = '  let ai = idx; let bi = 0u;';
  else if (mode === 'ascalar') index = '  let ai = 0u; let bi = idx;';
  else {
    const terms = (p: string) => Array.from({ length: rank }, (_, i) => `c${i} * u.${p}${i}`).join(' + ') || '0u';
    index = `${unravel(rank, 'd')}\n  let ai = ${terms('as')}; let bi = ${terms('bs')};`;
  }
  const ta: ElemType = elem(ctx.inputs[0]!.dtype), tb: ElemType = elem(ctx.inputs[1]!.dtype), ty: ElemType = elem(outDtype);
  const program: ProgramInfo = {
    key: `binary:${op}:${act}:${ta}${tb}${ty}:${mode}`,
    inputs: [{ name: 'A', type: ta }, { name: 'B', type: tb }],
    outputs: [{ name: 'Y', type: ty }],
    uniforms: [['n', 'u32'], ...(general ? [...dimUniforms('d', rank), ...dimUniforms('as', rank), ...dimUniforms('bs', rank)] : [])],
    body: helpers + flatMain(WG, `${index}\n  ${body}`),
  };
  const uniforms: Record<string, number> = { n };
  if (general) {
    dimValues('d', out, uniforms);
    dimValues('as', broadcastStrides(sa, out), uniforms);
    dimValues('bs', broadcastStrides(sb, out), uniforms);
  }
  ctx.dispatch(program, [ctx.input(0), ctx.input(1)], [y], uniforms, grid(n, WG));
}

