// Constant tensors: zero-copy typed views into the model bytes (copies only when unaligned),
// TFLite string buffers and packed int4.
import { readFileSync } from 'node:fs';
import { importTflite } from '@liteml/graph-ir';
import { describe, expect, it } from 'vitest';
import { constantTensor, decodeStrings, typedFromBytes } from '../src/constants';
import { describeModels, modelPath } from '../../../testing/shared-models';

describe('constant data', () => {
  it('views aligned bytes without copying and copies unaligned ones', () => {
    const buf = new Uint8Array(20);
    new DataView(buf.buffer).setFloat32(4, 1.5, true);
    const aligned = typedFromBytes('f32', buf.subarray(4, 8), 1);
    expect(aligned.buffer).toBe(buf.buffer);
    expect(aligned[0]).toBe(1.5);
    buf.set(buf.subarray(4, 8), 9);
    const unaligned = typedFromBytes('f32', buf.subarray(9, 13), 1);
    expect(unaligned.buffer).not.toBe(buf.buffer);
    expect(unaligned[0]).toBe(1.5);
  });
  it('unpacks int4 low nibble first, sign-extended', () => {
    expect(Array.from(typedFromBytes('i4', new Uint8Array([0x7f, 0x08, 0x0e]), 5) as Int8Array)).toEqual([-1, 7, -8, 0, -2]);
  });
  it('decodes TFLite string buffers', () => {
    const enc = new TextEncoder();
    const parts = ['ab', '', 'héllo'].map((s) => enc.encode(s));
    const head = 4 + 4 * (parts.length + 1);
    const bytes = new Uint8Array(head + parts.reduce((a, p) => a + p.length, 0));
    const dv = new DataView(bytes.buffer);
    dv.setInt32(0, parts.length, true);
    let off = head;
    parts.forEach((p, i) => { dv.setInt32(4 + 4 * i, off, true); bytes.set(p, off); off += p.length; });
    dv.setInt32(4 + 4 * parts.length, off, true);
    expect(decodeStrings(bytes)).toEqual(['ab', '', 'héllo']);
  });
  it('rejects a buffer shorter than the shape needs', () => {
    expect(() => typedFromBytes('f32', new Uint8Array(6), 2)).toThrow(/needs 8 bytes/);
  });
});

describeModels('constants of a real model', () => {
  it('weights of mobilenet are views into the file bytes', () => {
    const bytes = new Uint8Array(readFileSync(modelPath('support/mobilenet_v1_0.25_224_quant.tflite')));
    const model = importTflite(bytes);
    const consts = model.graphs[0]!.nodes.flatMap((n) => n.inputs).filter((v) => v?.data !== undefined);
    expect(consts.length).toBeGreaterThan(20);
    let views = 0;
    for (const v of consts) {
      const t = constantTensor(v!);
      if (!Array.isArray(t.data) && t.data.buffer === bytes.buffer) views++;
    }
    // u8 weights are always aligned; int32 biases are 4-aligned in files written by TFLite.
    expect(views).toBe(consts.length);
  });
});
