// tfl.RANDOM_UNIFORM: float32 samples in [0, 1) of the shape given by input 0, from Philox 4x32-10
// seeded with (seed, seed2). The generator state lives across runs (each run continues the
// stream) and restarts on re-plan, like TFLite's kernel state.
import { uint32ToFloat } from './philox';
import { philoxKernel } from './philox-kernel';

export const randomUniform = philoxKernel('tfl.RANDOM_UNIFORM', (block) => Array.from(block, uint32ToFloat));
