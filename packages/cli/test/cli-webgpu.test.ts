// `liteml run|benchmark --backend webgpu` in Node (Dawn; without a GPU, Chromium's SwiftShader
// Vulkan driver, which the runtime finds by itself). When no adapter can be had these tests say so
// in one line and skip, except under CI=true, where that is a failure.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy } from '@liteml/schema';
import { webgpuInfo, type WebGpuInfo } from '@liteml/runtime';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { liteml } from './helpers';

async function probe(): Promise<WebGpuInfo | undefined> {
  try {
    return await webgpuInfo();
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (process.env['CI'] === 'true') throw new Error(`WebGPU is required under CI=true but unavailable: ${why}`);
    console.log(`[liteml] WebGPU unavailable (${why}): the CLI webgpu tests are skipped`);
    return undefined;
  }
}
const gpu = await probe();
const describeGpu = (gpu ? describe : describe.skip) as typeof describe;

const MOBILENET = 'support/mobilenet_v1_0.25_224_1_default_1';
const DILATED = 'support/dilated_conv.tflite';

describeModels('liteml --backend webgpu', () => {
  describeGpu('run and benchmark', () => {
    it('run reproduces the real-TFLite golden of a float mobilenet, every node on the GPU', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'liteml-webgpu-'));
      const golden = modelPath(`${MOBILENET}.golden`);
      const r = await liteml('run', modelPath(`${MOBILENET}.tflite`), '--backend', 'webgpu', '--input', join(golden, 'input_0.npy'), '--output-dir', dir, '--json');
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.backend).toBe('webgpu');
      expect(j.webgpu.precision).toBe('f32');
      expect(j.webgpu.adapter).toBe(gpu!.adapter);
      expect(j.webgpu.fallbacks).toEqual([]);
      expect(j.webgpu.onGpu).toBe(31);
      const ours = readNpy(readFileSync(join(dir, 'output_0.npy'))).data as Float32Array;
      const want = readNpy(readFileSync(join(golden, 'output_0.npy'))).data as Float32Array;
      expect(ours.length).toBe(want.length);
      let maxDiff = 0;
      for (let i = 0; i < want.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i]! - want[i]!));
      expect(maxDiff).toBeLessThan(1e-4);
    });

    it('benchmark --profile shows per node which ran on the GPU and which fell back to wasm, and why', async () => {
      const r = await liteml('benchmark', modelPath(DILATED), '--backend', 'webgpu', '--warmup', '1', '--runs', '2', '--profile', '--json');
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out);
      const nodes = j.profile.nodes as { op: string; backend: string }[];
      expect(nodes.length).toBe(j.webgpu.onGpu + j.webgpu.fallbacks.length);
      expect(nodes.filter((n) => n.op === 'tfl.CONV_2D').map((n) => n.backend)).toEqual(['webgpu']);
      expect(nodes.find((n) => n.op === 'tfl.SHAPE')!.backend).toBe('wasm');
      expect(j.webgpu.fallbacks).toContainEqual(expect.objectContaining({ op: 'tfl.SHAPE', backend: 'wasm', reason: 'no WebGPU kernel for tfl.SHAPE' }));
      for (const n of nodes) expect(n.backend === 'webgpu').toBe(!j.webgpu.fallbacks.some((f: { node: string }) => f.node === (n as unknown as { name: string }).name));
      expect(j.latencyMs.min).toBeGreaterThan(0);
      expect(j.memory.gpu.constantBytes).toBeGreaterThan(0); // the conv's filter and bias
      expect(j.memory.gpu.pooledBytes).toBeGreaterThan(0);

      const text = await liteml('benchmark', modelPath(DILATED), '--backend', 'webgpu', '--runs', '1', '--profile');
      expect(text.code, text.err).toBe(0);
      expect(text.out).toMatch(new RegExp(`webgpu: .*, precision f32, ${j.webgpu.onGpu} of ${nodes.length} node\\(s\\) on the GPU`));
      expect(text.out).toMatch(/1 × SHAPE on wasm: no WebGPU kernel for tfl\.SHAPE/);
      expect(text.out).toMatch(/CONV_2D +webgpu/);
      expect(text.out).toMatch(/memory: GPU weights [\d.]+ (B|KiB), GPU buffer pool [\d.]+ (B|KiB|MiB), arena/);
    });

    it('--precision f16 stores floats as f16 where the adapter has shader-f16, and says why not elsewhere', async () => {
      const r = await liteml('run', modelPath(`${MOBILENET}.tflite`), '--backend', 'webgpu', '--precision', 'f16', '--json');
      if (gpu!.shaderF16) {
        expect(r.code, r.err).toBe(0);
        expect(JSON.parse(r.out).webgpu.precision).toBe('f16');
      } else {
        expect(r.code).toBe(3);
        expect(r.err).toMatch(/shader-f16/);
        expect(r.err).not.toMatch(/\n\s+at /);
      }
    });
  });

  it('on Linux without a GPU, goes straight to SwiftShader and prints nothing on stderr', () => {
    const gpuLess = process.platform === 'linux' && !['/dev/dri', '/dev/nvidia0', '/dev/dxg'].some((d) => existsSync(d));
    if (!gpuLess || !existsSync('/usr/lib/chromium/vk_swiftshader_icd.json')) {
      console.log('[liteml] not a GPU-less Linux with SwiftShader: the quiet-start check does not apply here');
      return;
    }
    // A fresh process, with none of the variables the tests set: Dawn must not probe other
    // drivers (their warnings) and SwiftShader must not complain about XDG_RUNTIME_DIR at exit.
    const env = { ...process.env };
    delete env['VK_ICD_FILENAMES'];
    delete env['XDG_RUNTIME_DIR'];
    const script = `
      import { readFileSync } from 'node:fs';
      import { Interpreter } from '@liteml/runtime';
      const it = await Interpreter.create(readFileSync(${JSON.stringify(modelPath('tflm/hello_world_float.tflite'))}), { backend: 'webgpu' });
      const out = await it.runAsync([{ data: new Float32Array([1]), shape: [1, 1] }]);
      console.log(it.placements.map((p) => p.backend).join(','), Object.values(out)[0].data[0].toFixed(4));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(import.meta.dirname, '..'), env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const [placements, y] = r.stdout.trim().split(' ');
    expect(placements).toBe('webgpu,webgpu,webgpu');
    expect(Math.abs(Number(y) - Math.sin(1))).toBeLessThan(0.15); // the model approximates sin
    expect(r.stderr).toBe('');
  });

  it('--precision is a usage error for other backends and for values other than f32/f16', async () => {
    const a = await liteml('run', modelPath(`${MOBILENET}.tflite`), '--backend', 'wasm', '--precision', 'f16');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--precision is for --backend webgpu/);
    const b = await liteml('benchmark', modelPath(`${MOBILENET}.tflite`), '--backend', 'webgpu', '--precision', 'f8');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/f32 or f16/);
  });
});
