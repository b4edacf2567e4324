// Every shared .tflite model: import → verify → print/parse → export → re-import, all equal.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { exportTflite, graphValues, importTflite, parseModel, printModel, verify } from '../src/index';
import { NOT_INFERABLE, REJECTED_ON_IMPORT, VALID_DESPITE_EXPECT_ERROR } from './fixtures/model-exceptions';

const tflite = manifestEntries().filter((e) => e.format === 'tflite');
const valid = tflite.filter((e) => e.expect !== 'error' && !REJECTED_ON_IMPORT[e.path]);
const invalid = tflite.filter((e) => e.expect === 'error' && !VALID_DESPITE_EXPECT_ERROR[e.path]);

describeModels('.tflite ⇄ IR on every shared model', () => {
  it('covers the manifest', () => {
    expect(valid.length).toBeGreaterThan(380);
    expect(invalid.length).toBeGreaterThan(4);
  });

  it.each(valid.map((e) => e.path))('%s', (path) => {
    const bytes = new Uint8Array(readFileSync(modelPath(path)));
    const model = importTflite(bytes);

    // structure always; stored shapes against inference except where the file contradicts itself
    verify(model, { inference: NOT_INFERABLE[path] === undefined });

    // constants are zero-copy views into the file
    const constants = model.graphs.flatMap((g) => graphValues(g)).filter((v) => v.data && v.data.byteLength > 0);
    for (const c of constants) expect(c.data!.buffer).toBe(bytes.buffer);

    // text form round-trips exactly
    const text = printModel(model);
    const parsed = parseModel(text);
    expect(printModel(parsed)).toBe(text);

    // export → import gives the same IR (compared through the complete text form)
    const again = importTflite(exportTflite(parsed));
    expect(printModel(again)).toBe(text);
    expect(again.graphs.length).toBe(model.graphs.length);
  });

  it.each(invalid.map((e) => e.path))('rejects %s with a typed error', (path) => {
    let error: unknown;
    try {
      importTflite(new Uint8Array(readFileSync(modelPath(path))));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/^(IRError|ModelFormatError)$/);
    expect(typeof (error as { code?: unknown }).code).toBe('string');
  });

  it.each(Object.entries(REJECTED_ON_IMPORT))('rejects %s as documented', (path, { code }) => {
    expect(() => importTflite(new Uint8Array(readFileSync(modelPath(path))))).toThrow(expect.objectContaining({ code }));
  });

  it.each(Object.keys(VALID_DESPITE_EXPECT_ERROR))('imports %s (see fixtures/model-exceptions.ts)', (path) => {
    expect(verify(importTflite(new Uint8Array(readFileSync(modelPath(path)))))).toEqual([]);
  });

  it.each(Object.entries(NOT_INFERABLE))('%s contradicts itself at the documented node', (path, { node }) => {
    const problems = verify(importTflite(new Uint8Array(readFileSync(modelPath(path)))), { throwOnError: false });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.flatMap((p) => p.nodes ?? [])).toContain(node);
  });
});
