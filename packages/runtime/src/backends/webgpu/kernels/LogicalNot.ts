// tfl.LOGICAL_NOT on WebGPU (bool).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { sizeOf } from './util';

const program: ProgramInfo = {
  key: 'logical_not', inputs: [{ name: 'X', type: 'u32' }], outputs: [{ name: 'Y', type: 'u32' }], uniforms: [['n', 'u32']],
  body: flatMain(64, '  Y[idx] = select(1u, 0u, X[idx] != 0u);'),
};

export const logicalNot: GpuKernel = {
  op: 'tfl.LOGICAL_NOT',
  supports: (node) => (node.inputs[0]?.dtype === 'bool' ? true : 'input must be bool'),
  run(ctx) {
    const x = ctx.input(0);
    const out = ctx.output(0, x.shape);
    const n = sizeOf(x.shape);
    if (n > 0) ctx.dispatch(program, [x], [out], { n }, grid(n, 64));
  },
};
