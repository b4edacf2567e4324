// tfl.ATAN2 on WebGPU (f32, broadcasting): atan2(y, x) with y input 0 and x input 1. Both zero
// gives C's signed results (±0 or ±π), which WGSL's atan2 leaves undefined.
import { binaryKernel } from './binary';

const ATAN2_ANY = `
fn atan2_any(y: f32, x: f32) -> f32 {
  if (x == 0.0 && y == 0.0) {
    let r = select(0.0, 3.14159265358979, (bitcast<u32>(x) >> 31u) != 0u);
    return select(r, -r, (bitcast<u32>(y) >> 31u) != 0u);
  }
  return atan2(y, x);
}
`;

export const atan2 = binaryKernel('tfl.ATAN2', 'atan2_any(a, b)', false, ATAN2_ANY);
