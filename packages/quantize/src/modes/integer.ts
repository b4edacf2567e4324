// Full-integer quantization (int8, or int16 activations × int8 weights): rewrites the main graph
// in place. Nodes with an integer rule run quantized; the rest stay float behind QUANTIZE /
// DEQUANTIZE pairs inserted where the two domains meet. In int8 mode, 8-bit FAKE_QUANT nodes are
// removed first and their ranges replace the calibrated ones (see fake-quant.ts).
import { type Model, type Node, type QuantParams, type Value, typedArrayOf } from '@liteml/graph-ir';
import { outputShift } from '../calibration/bias-correction';
import type { RangeObserver } from '../calibration/observers';
import { QuantizationError } from '../errors';
import { foldFakeQuant } from './fake-quant';
import { type IntegerRule, integerRule } from '../rules/integer-rules';
import { updateVersions } from '../rules/versions';
import { ValueFactory, convertNode, floatData, inDenylist, isFloatActivation, isFloatConstant, staticShape } from '../util/graph';
import { coveringParams, dequantizeArray, quantizeArray, symmetricParams } from '../util/numeric';
import { quantizeBias, quantizeWeights } from '../util/weights';

export interface IntegerOptions {
  bits: 8 | 16;
  perTensor: boolean;
  ioType: 'int8' | 'uint8' | 'float32';
  deny: ReadonlySet<string>;
  /** Node names kept in float because the runtime cannot run them quantized. */
  forceFloat: ReadonlySet<string>;
  /** Per-channel input means (by value id) for bias correction; empty: no correction. */
  inputMeans: ReadonlyMap<number, Float64Array>;
}

export interface RewriteResult {
  /** Nodes left in float that handle float activations. */
  floatNodes: string[];
  /** Nodes that now run quantized. */
  quantizedNodes: string[];
  /** Node names changed by the rewrite (new name → original), e.g. a graph output's producer. */
  renamed?: Map<string, string>;
  /** Tensors whose parameters come from a (removed) FAKE_QUANT node's range, not calibration. */
  fakeQuantTensors?: string[];
}

const sameParams = (a: QuantParams | undefined, b: QuantParams): boolean =>
  !!a && a.scale.length === 1 && a.scale[0] === b.scale[0] && a.zeroPoint[0] === b.zeroPoint[0];

const perTensorOf = (q: QuantParams): QuantParams => ({ scale: [q.scale[0]!], zeroPoint: [q.zeroPoint[0]!] });

export function quantizeInteger(model: Model, ranges: ReadonlyMap<number, RangeObserver>, opts: IntegerOptions): RewriteResult {
  const g = model.graphs[0]!;
  const act: 'i8' | 'i16' = opts.bits === 8 ? 'i8' : 'i16';
  const vf = new ValueFactory(g);
  const out: Node[] = [];
  const qOf = new Map<Value, Value>();
  const fOf = new Map<Value, Value>();
  const producerOf = new Map<Value, Node>();
  const params = new Map<Value, QuantParams>();
  const constCache = new Map<string, Value>();
  const floatNodes: string[] = [];
  const quantizedNodes: Node[] = [];
  const fakeQuant = opts.bits === 8 ? foldFakeQuant(model) : new Map<number, QuantParams>();
  const fakeQuantTensors: string[] = [];

  const activationParams = (v: Value): QuantParams => {
    let p = params.get(v);
    if (p) return p;
    p = fakeQuant.get(v.id);
    if (p) {
      fakeQuantTensors.push(v.name);
      params.set(v, p);
      return p;
    }
    const obs = ranges.get(v.id);
    if (!obs) throw new QuantizationError('BAD_MODEL', `no calibrated range for tensor '${v.name}'`, [v.name]);
    const [lo, hi] = obs.range(act === 'i8' ? 256 : 65536);
    p = act === 'i8' ? coveringParams(lo, hi, 'i8') : symmetricParams(lo, hi, 'i16');
    params.set(v, p);
    return p;
  };

  const emit = (op: 'tfl.QUANTIZE' | 'tfl.DEQUANTIZE', from: Value, to: Value): void => {
    const n = convertNode(op, from, to);
    producerOf.set(to, n);
    out.push(n);
  };

  const needQ = (v: Value, want?: QuantParams): Value => {
    let q = qOf.get(v);
    if (!q) {
      const f = fOf.get(v) ?? v;
      q = vf.make(`${v.name}_quantized`, act, v.shape, { quant: perTensorOf(activationParams(v)), shapeSignature: v.shapeSignature });
      emit('tfl.QUANTIZE', f, q);
      qOf.set(v, q);
    }
    if (!want || sameParams(q.quant, want)) return q;
    const key = `rq|${v.id}|${want.scale[0]}|${want.zeroPoint[0]}`;
    let r = constCache.get(key);
    if (!r) {
      r = vf.make(`${v.name}_requantized`, act, v.shape, { quant: perTensorOf(want), shapeSignature: v.shapeSignature });
      emit('tfl.QUANTIZE', q, r);
      constCache.set(key, r);
    }
    return r;
  };

  const needF = (v: Value): Value => {
    let f = fOf.get(v);
    if (!f) {
      const q = qOf.get(v);
      if (!q) throw new QuantizationError('BAD_MODEL', `tensor '${v.name}' is used before it is produced`, [v.name]);
      f = vf.make(`${v.name}_dequantized`, 'f32', v.shape, { shapeSignature: v.shapeSignature });
      emit('tfl.DEQUANTIZE', q, f);
      fOf.set(v, f);
    }
    return f;
  };

  /** A float constant as integers with the given (or its own range's) parameters. */
  const quantConst = (v: Value, want: QuantParams | undefined): Value => {
    const data = floatData(v);
    let p = want;
    if (!p) {
      let lo = Infinity, hi = -Infinity;
      for (const x of data) { if (x < lo) lo = x; if (x > hi) hi = x; }
      if (!(lo <= hi)) { lo = 0; hi = 0; }
      p = act === 'i8' ? coveringParams(lo, hi, 'i8') : symmetricParams(lo, hi, 'i16');
    }
    const key = `c|${v.id}|${p.scale[0]}|${p.zeroPoint[0]}`;
    let c = constCache.get(key);
    if (!c) {
      c = vf.constant(v.name, act, v.shape, quantizeArray(data, p.scale[0]!, p.zeroPoint[0]!, act), perTensorOf(p));
      constCache.set(key, c);
    }
    return c;
  };

  const quantWeights = (v: Value, axis: number | undefined): Value => {
    const key = `w|${v.id}|${axis}`;
    let c = constCache.get(key);
    if (!c) {
      const w = quantizeWeights(floatData(v), staticShape(v), axis);
      c = vf.constant(v.name, 'i8', v.shape, w.q, w.quant);
      constCache.set(key, c);
    }
    return c;
  };

  const canQuantize = (n: Node, rule: IntegerRule | undefined): rule is IntegerRule => {
    if (!rule || inDenylist(n, opts.deny) || opts.forceFloat.has(n.name)) return false;
    let activations = 0;
    for (const [i, v] of n.inputs.entries()) {
      if (!v) continue;
      // Weights and bias must be float constants (not variables or computed tensors).
      if (rule.weights?.index === i || rule.bias?.index === i) {
        if (!isFloatConstant(v)) return false;
        continue;
      }
      if (originalFloat.has(v)) { activations++; continue; }
      if (v.dtype === 'f32' && v.isVariable) return false;
    }
    if (activations === 0) return false;
    const floatOuts = n.outputs.filter((o) => originalFloat.has(o)).length;
    return rule.output.kind === 'inputsShared' || floatOuts === n.outputs.length;
  };

  // Graph inputs.
  const originalFloat = new Set<Value>();
  for (const n of g.nodes) for (const o of n.outputs) if (isFloatActivation(o)) originalFloat.add(o);
  for (const v of g.inputs) {
    if (!isFloatActivation(v)) continue;
    originalFloat.add(v);
    if (opts.ioType === 'float32' || opts.bits === 16) { fOf.set(v, v); continue; }
    const p = perTensorOf(activationParams(v));
    if (opts.ioType === 'int8') {
      v.dtype = 'i8';
      v.quant = p;
      qOf.set(v, v);
    } else {
      const q = vf.make(`${v.name}_int8`, 'i8', v.shape, { quant: p, shapeSignature: v.shapeSignature });
      v.dtype = 'u8';
      v.quant = { scale: [p.scale[0]!], zeroPoint: [p.zeroPoint[0]! + 128] };
      emit('tfl.QUANTIZE', v, q);
      qOf.set(v, q);
    }
  }

  for (const n of g.nodes) {
    const rule = integerRule(n.op, opts.bits);
    if (!canQuantize(n, rule)) {
      let handlesFloat = false;
      n.inputs = n.inputs.map((v) => {
        if (!v || !originalFloat.has(v)) return v;
        handlesFloat = true;
        return needF(v);
      });
      for (const o of n.outputs) if (originalFloat.has(o)) { fOf.set(o, o); handlesFloat = true; }
      if (handlesFloat) floatNodes.push(n.name);
      out.push(n);
      for (const o of n.outputs) producerOf.set(o, n);
      continue;
    }
    const kind = rule.output.kind;
    const dataIdx = rule.dataInput ?? 0;
    let shared: QuantParams | undefined;
    if (kind === 'shared') shared = perTensorOf(activationParams(n.outputs[0]!));
    if (kind === 'inputsShared') {
      const first = n.inputs.find((v) => v && originalFloat.has(v));
      shared = first ? perTensorOf(activationParams(first)) : undefined;
    }
    const inputs = [...n.inputs];
    // Activations first (the bias needs the input's scale).
    for (const [i, v] of n.inputs.entries()) {
      if (!v || i === rule.weights?.index || i === rule.bias?.index) continue;
      if (originalFloat.has(v)) inputs[i] = needQ(v, shared);
    }
    for (const [i, v] of n.inputs.entries()) {
      if (!isFloatConstant(v) || i === rule.bias?.index) continue;
      if (i === rule.weights?.index) {
        inputs[i] = quantWeights(v, opts.perTensor ? undefined : rule.weights.axis);
      } else {
        const dataQuant = inputs[dataIdx]?.quant;
        const want = shared ?? (kind === 'same' && i !== dataIdx && dataQuant ? perTensorOf(dataQuant) : undefined);
        inputs[i] = quantConst(v, want);
      }
    }
    if (rule.bias) {
      const b = n.inputs[rule.bias.index];
      if (isFloatConstant(b)) {
        const inScale = inputs[rule.bias.input]!.quant!.scale[0]!;
        const wq = inputs[rule.weights!.index]!;
        const wScales = wq.quant!.scale;
        let bias = floatData(b);
        const wf = n.inputs[rule.weights!.index]!;
        const mean = opts.inputMeans.get(n.inputs[rule.bias.input]!.id);
        const shift = mean && wq.dtype === 'i8' ? outputShift(n.op, floatData(wf), dequantizeArray(typedArrayOf(wq) as Int8Array, staticShape(wq), wq.quant!), staticShape(wf), mean) : undefined;
        if (shift && shift.length === bias.length) bias = bias.map((x, c) => x - shift[c]!);
        const qb = quantizeBias(bias, inScale, wScales, opts.bits === 16 ? 'i64' : 'i32');
        inputs[rule.bias.index] = vf.constant(b.name, opts.bits === 16 ? 'i64' : 'i32', b.shape, qb.data, qb.quant);
      }
    }
    n.inputs = inputs;
    for (const o of n.outputs) {
      if (!originalFloat.has(o)) continue;
      let p: QuantParams;
      if (kind === 'fixed') {
        const [s, z] = act === 'i8' ? rule.output.i8 : rule.output.i16;
        p = { scale: [s], zeroPoint: [z] };
      } else if (kind === 'same') p = perTensorOf(inputs[dataIdx]!.quant!);
      else if (shared) p = shared;
      else p = perTensorOf(activationParams(o));
      params.set(o, p);
      o.dtype = act;
      o.quant = p;
      qOf.set(o, o);
    }
    if (opts.bits === 16 && (n.op === 'tfl.ADD' || n.op === 'tfl.SUB')) n.attrs.potScaleInt16 = false;
    quantizedNodes.push(n);
    out.push(n);
    for (const o of n.outputs) producerOf.set(o, n);
  }

  // Graph outputs in the requested domain, keeping their names.
  const renamed = new Map<string, string>();
  const outDomain = opts.bits === 16 ? 'float32' : opts.ioType;
  const suffix = act === 'i8' ? 'int8' : 'int16';
  g.outputs = g.outputs.map((o) => {
    if (!originalFloat.has(o)) return o;
    const name = o.name;
    let t: Value;
    if (outDomain === 'float32') t = needF(o);
    else {
      const q = needQ(o);
      if (outDomain === 'int8') t = q;
      else {
        t = vf.make(`${name}_uint8`, 'u8', o.shape, { quant: { scale: [q.quant!.scale[0]!], zeroPoint: [q.quant!.zeroPoint[0]! + 128] }, shapeSignature: o.shapeSignature });
        emit('tfl.QUANTIZE', q, t);
      }
    }
    if (t !== o) {
      o.name = `${name}_${o.dtype === 'f32' ? 'float' : suffix}`;
      const on = producerOf.get(o);
      if (on && on.outputs[0] === o) { renamed.set(o.name, on.name); on.name = o.name; }
      t.name = name;
      const tn = producerOf.get(t);
      if (tn) tn.name = name;
      for (const s of model.signatures) {
        if (s.graphIndex !== 0) continue;
        for (const so of s.outputs) if (so.value === o) so.value = t;
      }
    }
    return t;
  });

  g.nodes = out;
  updateVersions(out.filter((n) => n.op === 'tfl.QUANTIZE' || n.op === 'tfl.DEQUANTIZE'));
  updateVersions(quantizedNodes);
  const original = (n: Node) => renamed.get(n.name) ?? n.name;
  return { floatNodes, quantizedNodes: quantizedNodes.map(original), renamed, fakeQuantTensors };
}

