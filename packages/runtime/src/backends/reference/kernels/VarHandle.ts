// tfl.VAR_HANDLE: a resource handle naming a variable (container, sharedName).
import type { KernelConfig } from '../../../kernel';
import { resourceId } from '../variables';

export const varHandle: KernelConfig = {
  op: 'tfl.VAR_HANDLE',
  backend: 'reference',
  run(ctx) {
    const id = resourceId(ctx, String(ctx.attrs['container'] ?? ''), String(ctx.attrs['sharedName'] ?? ''));
    (ctx.output(0, [1], 'resource').data as Int32Array)[0] = id;
  },
};
