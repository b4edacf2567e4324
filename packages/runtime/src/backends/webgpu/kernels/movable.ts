// Which tensors the data-movement kernels can move on the GPU: f32, i32 and bool.
import type { Node } from '../../../ir';
import { GPU_DTYPES } from '../kernel';

export function movable(node: Node, inputs: readonly number[] = [0]): true | string {
  for (const i of inputs) {
    const v = node.inputs[i];
    if (v && !GPU_DTYPES.includes(v.dtype)) return `input ${i} is ${v.dtype} (WebGPU moves f32, i32 and bool)`;
    if (v?.quant?.scale.length && v.dtype !== 'f32') return 'quantized tensors are not supported on WebGPU';
  }
  for (const v of node.outputs) if (!GPU_DTYPES.includes(v.dtype)) return `output is ${v.dtype}`;
  return true;
}
