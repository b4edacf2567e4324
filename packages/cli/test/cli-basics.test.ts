import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liteml } from './helpers';

describe('liteml usage and errors', () => {
  it('prints help and exits 2 without a command', async () => {
    const r = await liteml();
    expect(r.code).toBe(2);
    expect(r.out).toContain('inspect <model>');
  });

  it('exits 2 on an unknown command or flag', async () => {
    expect((await liteml('frobnicate')).code).toBe(2);
    const r = await liteml('inspect', 'x.tflite', '--no-such-flag');
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--no-such-flag'");
  });

  it('exits 3 with one clear line (no stack) for a missing or malformed model', async () => {
    const missing = await liteml('inspect', '/nonexistent/model.tflite');
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/no such file/);
    const dir = mkdtempSync(join(tmpdir(), 'liteml-cli-'));
    const bad = join(dir, 'bad.tflite');
    writeFileSync(bad, Buffer.from('1234TFL3garbage-garbage-garbage'));
    const r = await liteml('inspect', bad);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/ModelFormatError/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
