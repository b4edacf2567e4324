// The data-model types the op schemas use, from the package's own definitions.
export type { DType } from '../dtype';
export type { Dim, Shape } from '../shape';
export type { AttrValue } from '../ir';
