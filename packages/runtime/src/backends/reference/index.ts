// The reference backend: plain TypeScript kernels, the definition of every op's semantics.
import type { KernelConfig } from '../../kernel';
import { coreKernels } from './core-kernels';
import { elementwiseKernels } from './elementwise-kernels';
import { nnKernels } from './nn-kernels';

export const REFERENCE_BACKEND = 'reference';

/** Every kernel of the reference backend. */
export const referenceKernels: KernelConfig[] = [...coreKernels, ...nnKernels, ...elementwiseKernels];
