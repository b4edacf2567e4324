import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Interpreter, type TensorInfo } from '../src/index';
import { manifestEntries, modelPath } from '../../../testing/shared-models';
import { allocData } from '../src/dtypes';
it('all', async () => {
  const counts: Record<string, number> = {};
  for (const e of manifestEntries().filter((e) => e.format === 'tflite')) {
    let tag = 'ok';
    try {
      const it = await Interpreter.create(readFileSync(modelPath(e.path)));
      const feeds = it.inputs.map((i: TensorInfo) => ({ data: allocData(i.dtype, i.shape.reduce((a, b) => a * b, 1)) as any, shape: i.shape }));
      if ((e.size ?? 0) < 3e6) it.run(feeds);
    } catch (err) {
      const x = err as any;
      tag = `${x.name}:${x.code ?? ''}`;
      if (!/ModelFormatError|IRError|RuntimeError:UNSUPPORTED_OPS/.test(tag)) console.log(e.path, tag, String(x.message).split('\n').slice(0, 2).join(' | '), x.cause ? String(x.cause.stack).split('\n').slice(0, 3).join(' | ') : '');
    }
    counts[tag] = (counts[tag] ?? 0) + 1;
  }
  console.log(counts);
}, 600000);
