import type { PageValue } from '../payload-types';

/** 'i8 1×112×112×32': what edges are labelled with. */
export function labelOf(v: PageValue): string {
  return `${v.dtype} ${v.shape}`;
}
