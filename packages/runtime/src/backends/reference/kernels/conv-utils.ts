// Shared plumbing of the conv-like kernels (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV, CONV_3D,
// FULLY_CONNECTED): attribute readers, TFLite's padding rules, and the per-dtype "epilogue" that
// turns an accumulator into an output value (float, hybrid, int8/uint8 with 32-bit accumulators,
// int16x8 with 64-bit accumulators), set up once in `prepare` and kept in ctx.cache.
import type { AttrValue, DType, Node } from '../../../ir';
import type { KernelConfig, KernelContext, Tensor, TypedArray } from '../../../kernel';
import { RuntimeError } from '../../../errors';
import {
  type Activation, activationRangeFloat, activationRangeQuantized, asymmetricQuantizeFloats,
  channelMultipliers, getRequantization, multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplier64, requantizeFp32,
  symmetricQuantizeFloats,
} from './nn-quant-utils';

// ---------------------------------------------------------------------------------------------
// attributes

export function intAttr(attrs: Record<string, AttrValue>, name: string, def: number): number {
  const v = attrs[name];
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : def;
}
export function floatAttr(attrs: Record<string, AttrValue>, name: string, def: number): number {
  const v = attrs[name];
  return typeof v === 'number' ? v : def;
}
export function boolAttr(attrs: Record<string, AttrValue>, name: string, def = false): boolean {
  const v = attrs[name];
  return typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 : def;
}
export function strAttr(attrs: Record<string, AttrValue>, name: string, def: string): string {
  const v = attrs[name];
  return typeof v === 'string' ? v : def;
}
/** A stride/dilation attribute: TFLite treats a missing (0) one as 1. */
export function stepAttr(attrs: Record<string, AttrValue>, name: string): number {
  const v = intAttr(attrs, name, 1);
  return v > 0 ? v : 1;
}
export function activationAttr(attrs: Record<string, AttrValue>): Activation {
  return strAttr(attrs, 'fusedActivationFunction', 'NONE') as Activation;
}
export const SUPPORTED_ACTIVATIONS = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'];

// ---------------------------------------------------------------------------------------------
// padding (TFLite's ComputeOutSize / ComputePaddingHeightWidth)

export function convOutSize(padding: string, input: number, filter: number, stride: number, dilation: number): number {
  const effective = (filter - 1) * dilation + 1;
  if (padding === 'SAME') return Math.floor((input + stride - 1) / stride);
  return Math.max(0, Math.floor((input - effective + stride) / stride));
}

/** The leading (top/left/front) padding of one spatial axis: floor(total / 2), never negative. */
export function convPadding(stride: number, dilation: number, input: number, filter: number, output: number): number {
  const effective = (filter - 1) * dilation + 1;
  const total = (output - 1) * stride + effective - input;
  return total > 0 ? Math.floor(total / 2) : 0;
}

// ---------------------------------------------------------------------------------------------
// checks

export function fail(node: Node, message: string): never {
  throw new RuntimeError('SHAPE_MISMATCH', `${node.op} '${node.name}': ${message}`, [node.name]);
}

export function requireInput(ctx: KernelContext, i: number, what: string): Tensor {
  const t = ctx.inputs[i];
  if (!t) fail(ctx.node, `missing ${what} (input ${i})`);
  return t;
}

export function numeric(t: Tensor): TypedArray {
  return t.data as TypedArray;
}

/** Reads a bias (f32, i32 or i64) as doubles. */
export function biasValues(t: Tensor | undefined): Float64Array | undefined {
  if (!t) return undefined;
  const d = t.data as TypedArray;
  const out = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = Number(d[i]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// per-dtype setup

export type ConvMode = 'float' | 'hybrid' | 'int32acc' | 'int64acc';

/** Which computation TFLite runs for this (input, weights) dtype pair, or why none. */
export function convMode(inputDtype: DType | undefined, filterDtype: DType | undefined, allowHybrid = true): ConvMode | string {
  if (inputDtype === 'f32' && filterDtype === 'f32') return 'float';
  if (inputDtype === 'f32' && (filterDtype === 'i8' || filterDtype === 'i4')) {
    return allowHybrid ? 'hybrid' : `float input with ${filterDtype} weights (hybrid) is not supported by this op`;
  }
  if (inputDtype === 'i8' && (filterDtype === 'i8' || filterDtype === 'i4')) return 'int32acc';
  if (inputDtype === 'u8' && filterDtype === 'u8') return 'int32acc';
  if (inputDtype === 'i16' && (filterDtype === 'i8' || filterDtype === 'i4')) return 'int64acc';
  return `unsupported input/weights dtypes ${inputDtype}/${filterDtype} (supported: f32/f32, f32/i8 hybrid, i8/i8, u8/u8, i16/i8)`;
}

/** convMode, throwing a RuntimeError naming the node when the dtypes are not supported. */
export function requireMode(node: Node, inputDtype: DType, filterDtype: DType, allowHybrid = true): ConvMode {
  const m = convMode(inputDtype, filterDtype, allowHybrid);
  if (m === 'float' || m === 'hybrid' || m === 'int32acc' || m === 'int64acc') return m;
  throw new RuntimeError('UNSUPPORTED_OPS', `${node.op} '${node.name}': ${m}`, [node.name]);
}

/** Everything an epilogue needs, computed in prepare. */
export interface ConvQuant {
  mode: ConvMode;
  act: Activation;
  actMin: number;
  actMax: number;
  bias: Float64Array | undefined;
  /** Integer modes: −input zero point, −filter zero point (per tensor), output zero point. */
  inputOffset: number;
  filterOffset: number;
  outputOffset: number;
  multiplier: Int32Array;
  shift: Int32Array;
  /** Hybrid: per output-channel weight scale (or one), whether inputs are quantized asymmetrically. */
  filterScales: Float32Array;
  perChannel: boolean;
  asymmetric: boolean;
  /** TFLite's per-channel hybrid conv scales acc by the channel scale first, then the batch scale. */
  channelScaleFirst: boolean;
  /** int32acc with XNNPACK-style requantization: per-channel float32 scales. */
  fp32Scale?: Float32Array;
  /** Hybrid scratch: quantized input, per-batch scaling factors and zero points. */
  qInput?: Int8Array;
  scaling?: Float32Array;
  zeroPoints?: Int32Array;
}

function scalesOf(t: Tensor, node: Node, what: string): number[] {
  const q = t.quant;
  if (!q || q.scale.length === 0) fail(node, `${what} '${t.name}' of dtype ${t.dtype} has no quantization parameters`);
  return q.scale;
}

/**
 * Sets up the epilogue of a conv-like op. `channels` = output channels; `hybridMode` says how
 * TFLite's hybrid kernel of this op quantizes the input ('conv': asymmetric when the weights are
 * truly per-channel, else symmetric; 'asymmetric': always; 'option': as the op's
 * asymmetricQuantizeInputs says). `weightsZeroPoint`: the int8/int16 kernel subtracts the weights
 * zero point (FULLY_CONNECTED, BATCH_MATMUL); uint8 kernels always do.
 */
export function prepareConvQuant(ctx: KernelContext, mode: ConvMode, input: Tensor, filter: Tensor, bias: Tensor | undefined,
  channels: number, hybridMode: 'conv' | 'asymmetric' | 'option' = 'option', weightsZeroPoint = false): ConvQuant {
  const node = ctx.node;
  const act = activationAttr(ctx.attrs);
  const out = node.outputs[0]!;
  const q: ConvQuant = {
    mode, act, actMin: -Infinity, actMax: Infinity, bias: biasValues(bias), inputOffset: 0, filterOffset: 0, outputOffset: 0,
    multiplier: new Int32Array(0), shift: new Int32Array(0), filterScales: new Float32Array([1]), perChannel: false, asymmetric: false, channelScaleFirst: false,
  };
  if (q.bias && q.bias.length !== channels) fail(node, `bias has ${q.bias.length} values for ${channels} output channels`);
  if (mode === 'float' || mode === 'hybrid') {
    [q.actMin, q.actMax] = activationRangeFloat(act);
  }
  if (mode === 'hybrid') {
    const fs = scalesOf(filter, node, 'weights');
    q.filterScales = Float32Array.from(fs.length === 1 ? [fs[0]!] : fs);
    const differ = fs.some((s) => s !== fs[0]);
    q.perChannel = fs.length > 1;
    q.asymmetric = hybridMode === 'conv' ? differ && fs.length > 1
      : hybridMode === 'asymmetric' ? true : boolAttr(ctx.attrs, 'asymmetricQuantizeInputs');
    if (hybridMode === 'conv' && !q.asymmetric) { q.perChannel = false; q.filterScales = Float32Array.from([fs[0]!]); }
    q.channelScaleFirst = hybridMode !== 'option' && q.asymmetric;
    const fz = filter.quant?.zeroPoint ?? [0];
    if (fz.some((z) => z !== 0)) fail(node, 'hybrid weights must be symmetric (zero point 0)');
    return q;
  }
  if (mode === 'int32acc' || mode === 'int64acc') {
    const oq = out.quant;
    if (!oq || oq.scale.length === 0) fail(node, `output '${out.name}' of dtype ${out.dtype} has no quantization parameters`);
    const is = scalesOf(input, node, 'input')[0]!;
    const fs = scalesOf(filter, node, 'weights');
    if (fs.length !== 1 && fs.length !== channels) fail(node, `weights have ${fs.length} scales for ${channels} output channels`);
    q.inputOffset = -(input.quant!.zeroPoint[0] ?? 0);
    // TFLite's int8/int16 conv kernels have no weights offset (symmetric weights); uint8 kernels,
    // FULLY_CONNECTED and BATCH_MATMUL subtract the weights zero point.
    const useFilterZp = input.dtype === 'u8' || weightsZeroPoint;
    q.filterOffset = useFilterZp && fs.length === 1 ? -(filter.quant!.zeroPoint[0] ?? 0) : 0;
    q.outputOffset = oq.zeroPoint[0] ?? 0;
    const m = channelMultipliers(is, fs, oq.scale[0]!, channels);
    if (mode === 'int32acc' && getRequantization() === 'xnnpack') {
      const os = oq.scale[0]!;
      q.fp32Scale = Float32Array.from({ length: channels }, (_, c) => Math.fround(Math.fround(is * (fs.length === 1 ? fs[0]! : fs[c]!)) / os));
    }
    q.multiplier = m.multiplier;
    q.shift = m.shift;
    [q.actMin, q.actMax] = activationRangeQuantized(act, out.dtype, oq.scale[0]!, q.outputOffset);
  }
  return q;
}

/**
 * Hybrid ops: quantizes each of `batches` rows of `rowSize` floats of `input` to int8 (TFLite's
 * Symmetric/AsymmetricQuantizeFloats), filling q.qInput, q.scaling and q.zeroPoints.
 */
export function quantizeHybridInput(q: ConvQuant, input: Float32Array, batches: number, rowSize: number): void {
  if (!q.qInput || q.qInput.length !== batches * rowSize) q.qInput = new Int8Array(batches * rowSize);
  if (!q.scaling || q.scaling.length !== batches) { q.scaling = new Float32Array(batches); q.zeroPoints = new Int32Array(batches); }
  for (let b = 0; b < batches; b++) {
    if (q.asymmetric) {
      const [sf, zp] = asymmetricQuantizeFloats(input, b * rowSize, rowSize, q.qInput);
      q.scaling[b] = sf;
      q.zeroPoints![b] = zp;
    } else {
      q.scaling[b] = symmetricQuantizeFloats(input, b * rowSize, rowSize, q.qInput);
      q.zeroPoints![b] = 0;
    }
  }
}

/** Where a conv-like op (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV) finds its tensors. */
export interface ConvSlots {
  input: number;
  filter: number;
  /** What the op calls its filter in error messages. */
  filterName: string;
  bias: number;
  /** The filter axis that counts the output channels. */
  channelAxis: number;
  hybridMode: 'conv' | 'asymmetric' | 'option';
}

/**
 * The node's ConvQuant: set up anew when `fresh` (prepare), else the one kept in ctx.cache.quant
 * (set up now when there is none, as when run is called without prepare).
 */
export function convQuant(ctx: KernelContext, s: ConvSlots, fresh = false): ConvQuant {
  if (!fresh && ctx.cache.quant) return ctx.cache.quant as ConvQuant;
  const input = requireInput(ctx, s.input, 'input');
  const filter = requireInput(ctx, s.filter, s.filterName);
  const mode = requireMode(ctx.node, input.dtype, filter.dtype);
  const q = prepareConvQuant(ctx, mode, input, filter, ctx.inputs[s.bias], filter.shape[s.channelAxis]!, s.hybridMode);
  ctx.cache.quant = q;
  return q;
}

/**
 * A reference conv-like kernel: `supports` (default: checkConvNode on the slots), the ConvQuant
 * set up in prepare, and `body` run with it.
 */
export function convKernel(op: string, s: ConvSlots, body: (ctx: KernelContext, q: ConvQuant) => void,
  supports: (node: Node) => true | string = (node) => checkConvNode(node, s.input, s.filter)): KernelConfig {
  return {
    op,
    backend: 'reference',
    supports,
    prepare(ctx) {
      convQuant(ctx, s, true);
    },
    run(ctx) {
      body(ctx, convQuant(ctx, s));
    },
  };
}

/**
 * What the loops of a conv-like op read: the input values x (hybrid: quantized to int8 first,
 * `batches` rows of `rowSize`), the weights w and the weights offset. Batch b's input offset is
 * convInputOffset(q, b).
 */
export function convOperands(q: ConvQuant, input: Tensor, filter: Tensor, batches: number, rowSize: number):
  { x: TypedArray; w: TypedArray; wOff: number } {
  let x = numeric(input);
  if (q.mode === 'hybrid') {
    quantizeHybridInput(q, x as Float32Array, batches, rowSize);
    x = q.qInput!;
  }
  return { x, w: numeric(filter), wOff: q.filterOffset };
}

/** The offset added to batch b's input values: −zero point (per batch for hybrid input). */
export function convInputOffset(q: ConvQuant, b: number): number {
  return q.mode === 'hybrid' ? -q.zeroPoints![b]! : q.inputOffset;
}

/**
 * The output value for accumulator `acc` of output channel `c` in batch `b`:
 *  - float: acc + bias, clamped;
 *  - hybrid: acc·channel scale·batch scale (float32 steps, TFLite's order) + bias, clamped;
 *  - int32acc: MultiplyByQuantizedMultiplier((acc + bias) as int32) + zero point, clamped (or
 *    XNNPACK's float32 requantization, see setRequantization);
 *  - int64acc: the 64-bit MultiplyByQuantizedMultiplier of acc + bias, + zero point, clamped.
 */
export function convEpilogue(q: ConvQuant, acc: number, c: number, b: number): number {
  const bias = q.bias ? q.bias[c]! : 0;
  let v: number;
  switch (q.mode) {
    case 'float':
      v = acc + bias;
      break;
    case 'hybrid': {
      const cs = q.perChannel ? q.filterScales[c]! : q.filterScales[0]!;
      const sf = q.scaling![b]!;
      const scaled = q.channelScaleFirst
        ? Math.fround(Math.fround(Math.fround(acc) * cs) * sf)
        : Math.fround(Math.fround(acc) * Math.fround(sf * cs));
      v = Math.fround(scaled + bias);
      break;
    }
    case 'int32acc':
      v = (q.fp32Scale
        ? requantizeFp32((acc + bias) | 0, q.fp32Scale[c]!)
        : multiplyByQuantizedMultiplier((acc + bias) | 0, q.multiplier[c]!, q.shift[c]!)) + q.outputOffset;
      return v < q.actMin ? q.actMin : v > q.actMax ? q.actMax : v;
    case 'int64acc':
      v = multiplyByQuantizedMultiplier64(acc + bias, q.multiplier[c]!, q.shift[c]!) + q.outputOffset;
      return v < q.actMin ? q.actMin : v > q.actMax ? q.actMax : v;
  }
  if (q.act === 'TANH') return Math.tanh(v);
  if (q.act === 'SIGN_BIT') return v < 0 || Object.is(v, -0) ? 1 : 0;
  return v < q.actMin ? q.actMin : v > q.actMax ? q.actMax : v;
}

/** supports() checks shared by conv-like ops: dtypes, activation, quant params present. */
export function checkConvNode(node: Node, inputIdx: number, filterIdx: number, allowHybrid = true): true | string {
  const input = node.inputs[inputIdx];
  const filter = node.inputs[filterIdx];
  if (!input || !filter) return 'input and weights are required';
  const padding = node.attrs.padding ?? 'SAME';
  if (padding !== 'SAME' && padding !== 'VALID') return `unknown padding ${String(padding)}`;
  if ((filter.quant as { details?: unknown } | undefined)?.details) {
    return `weights '${filter.name}' use blockwise quantization (quantization details), which is not supported`;
  }
  const mode = convMode(input.dtype, filter.dtype, allowHybrid);
  if (mode !== 'float' && mode !== 'hybrid' && mode !== 'int32acc' && mode !== 'int64acc') return mode;
  const act = node.attrs.fusedActivationFunction;
  if (act !== undefined && !SUPPORTED_ACTIVATIONS.includes(String(act))) return `unknown fused activation ${String(act)}`;
  if ((mode === 'int32acc' || mode === 'int64acc') && (act === 'TANH' || act === 'SIGN_BIT')) return `fused activation ${String(act)} is not supported for quantized outputs`;
  const out = node.outputs[0];
  if (mode === 'float' || mode === 'hybrid') {
    if (out && out.dtype !== 'f32') return `output dtype ${out.dtype} does not match float input`;
  } else {
    if (out && out.dtype !== input.dtype) return `output dtype ${out.dtype} must equal input dtype ${input.dtype}`;
    if (!input.quant || !filter.quant || !out?.quant) return 'quantized input, weights and output need quantization parameters';
  }
  return true;
}
