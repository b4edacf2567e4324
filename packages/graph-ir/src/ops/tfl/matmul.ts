// Matrix products: FULLY_CONNECTED, BATCH_MATMUL.
import { activation, bool, enumOf, tensorType } from '../attrs';
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { attrBool, fmt, input, isKnownDim, mergeDim, dimProduct, vt } from '../infer/util';
import { matmulShape } from '../infer/matmul';
import { tflOp } from './op';

export const FULLY_CONNECTED = tflOp('FULLY_CONNECTED', {
  category: 'matmul',
  inputs: ['input', 'weights', 'bias?'],
  outputs: ['output', 'shuffledInputWorkspace?'],
  optionsTable: 'FullyConnectedOptions',
  attrs: {
    fusedActivationFunction: activation(),
    weightsFormat: enumOf(['DEFAULT', 'SHUFFLED4x16INT8'], 'DEFAULT', 'FullyConnectedOptionsWeightsFormat'),
    keepNumDims: bool(), asymmetricQuantizeInputs: bool(), quantizedBiasType: tensorType(),
  },
  doc: 'output = input · weightsᵀ + bias; weights [units, depth]. keepNumDims keeps the input rank (last dim → units); otherwise the input is flattened to [elements / depth, depth] and the output is [batch, units]. SHUFFLED4x16INT8 adds a u8 workspace output.',
  infer(a) {
    const x = input(a, 0, 'input');
    const w = input(a, 1, 'weights');
    if (w.shape && w.shape.length !== 2) shapeMismatch(`weights must be 2-D [units, depth], got ${fmt(w.shape)}`);
    const units: Dim = w.shape?.[0] ?? -1;
    const depth: Dim = w.shape?.[1] ?? -1;
    const extra = a.numOutputs > 1 ? [vt('u8', x.shape ? [-1, -1] : undefined)] : [];
    if (!x.shape) return [vt(x.dtype, attrBool(a, 'keepNumDims') ? undefined : [-1, units]), ...extra];
    if (x.shape.length === 0) shapeMismatch('input must have at least one dim');
    if (attrBool(a, 'keepNumDims')) {
      mergeDim(x.shape[x.shape.length - 1]!, depth, `input ${fmt(x.shape)} last dim vs weights ${fmt(w.shape)} depth`);
      return [vt(x.dtype, [...x.shape.slice(0, -1), units]), ...extra];
    }
    const last = x.shape[x.shape.length - 1]!;
    let batch: Dim;
    if (last === depth || !isKnownDim(depth)) {
      batch = isKnownDim(depth) ? dimProduct(x.shape.slice(0, -1)) : -1;
    } else {
      const total = dimProduct(x.shape);
      if (!isKnownDim(total)) batch = -1;
      else if (depth === 0 || total % depth !== 0) {
        return shapeMismatch(`input ${fmt(x.shape)} has ${total} elements, not a multiple of the weights' depth ${depth}`);
      } else batch = total / depth;
    }
    return [vt(x.dtype, [batch, units]), ...extra];
  },
});

export const BATCH_MATMUL = tflOp('BATCH_MATMUL', {
  category: 'matmul',
  inputs: ['x', 'y'],
  optionsTable: 'BatchMatMulOptions',
  attrs: { adjX: bool(), adjY: bool(), asymmetricQuantizeInputs: bool() },
  doc: 'Batched x · y over the last two dims (transposed first when adjX/adjY); leading (batch) dims broadcast like NumPy.',
  infer(a) {
    const x = input(a, 0, 'x');
    const y = input(a, 1, 'y');
    return [vt(x.dtype, matmulShape(x.shape, y.shape, attrBool(a, 'adjX'), attrBool(a, 'adjY')))];
  },
});

