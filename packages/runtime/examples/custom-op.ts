// A TFLite custom op, implemented in a few lines and run through the Interpreter.
//
// litert's test model `custom_sinh.bin` has one node: a 'tfl.CUSTOM' op with custom code 'Sinh'
// (options: a flexbuffer map). Without a kernel, Interpreter.create fails with UNSUPPORTED_OPS
// naming that node; after registerCustomOp it runs.
//
// Run it (after `pnpm --filter @liteml/runtime build`), from the repo root:
//   node --experimental-strip-types packages/runtime/examples/custom-op.ts [path/to/custom_sinh.bin]   # Node >= 22.6
//   pnpm exec esbuild packages/runtime/examples/custom-op.ts --bundle --platform=node --format=esm \
//     --outfile=/tmp/custom-op.mjs && node /tmp/custom-op.mjs ../shared/models/litert/tflite/testdata/custom_sinh.bin
// test/custom-op.test.ts runs it too.
import { readFileSync } from 'node:fs';
import { Interpreter, readFlexbufferMap, registerCustomOp } from '@liteml/runtime';

/** Registers the 'Sinh' custom op (float32, element-wise) for every backend. */
export function registerSinh(): void {
  registerCustomOp('Sinh', {
    // Say why a node cannot run; the interpreter reports all such nodes at once.
    supports: (node) => (node.inputs[0]?.dtype === 'f32' ? true : `Sinh takes float32, got ${node.inputs[0]?.dtype}`),
    // Parse options once per node (after every re-plan) and keep them in ctx.cache.
    prepare(ctx) {
      ctx.cache['options'] = readFlexbufferMap(ctx.attrs['customOptions'] as Uint8Array | undefined);
    },
    run(ctx) {
      const x = ctx.inputs[0]!;
      const y = ctx.output(0, x.shape); // planned buffer, output dtype/quant from the model
      const xs = x.data as Float32Array, ys = y.data as Float32Array;
      for (let i = 0; i < xs.length; i++) ys[i] = Math.sinh(xs[i]!);
    },
  });
}

/** Loads the model and evaluates sinh on `values` (the model's input is [1]). */
export async function runSinh(modelBytes: Uint8Array, values: number[]): Promise<number[]> {
  const interp = await Interpreter.create(modelBytes);
  const name = interp.outputs[0]!.name;
  return values.map((v) => (interp.run([[v]])[name]!.data as Float32Array)[0]!);
}

// Run directly: print sinh at a few points.
if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? new URL('../../../../shared/models/litert/tflite/testdata/custom_sinh.bin', import.meta.url).pathname;
  registerSinh();
  const xs = [-1, 0, 0.5, 2];
  const ys = await runSinh(readFileSync(path), xs);
  xs.forEach((x, i) => console.log(`sinh(${x}) = ${ys[i]}`));
}
