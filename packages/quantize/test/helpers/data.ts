// Real inputs for the tests: .npy goldens and BMP images from ../shared/models, decoded here.
import { readFileSync } from 'node:fs';
import { readNpy } from '@liteml/schema';
import { modelPath } from '../../../../testing/shared-models';

export interface FloatInput { name: string; data: Float32Array; shape: number[] }

export function npyFloat(rel: string): Float32Array {
  const a = readNpy(new Uint8Array(readFileSync(modelPath(rel))));
  if (!(a.data instanceof Float32Array)) throw new Error(`${rel}: expected float32`);
  return a.data;
}

/** Decodes an uncompressed 24-bit BMP into RGB bytes (top row first). */
export function decodeBmp24(bytes: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint16(0, false) !== 0x424d) throw new Error('not a BMP file');
  const offset = dv.getUint32(10, true);
  const width = dv.getInt32(18, true);
  const rawHeight = dv.getInt32(22, true);
  const bpp = dv.getUint16(28, true);
  if (bpp !== 24 || dv.getUint32(30, true) !== 0) throw new Error(`only uncompressed 24-bit BMPs are supported (got ${bpp} bpp)`);
  const height = Math.abs(rawHeight);
  const stride = Math.ceil((width * 3) / 4) * 4;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const srcRow = rawHeight > 0 ? height - 1 - y : y;
    for (let x = 0; x < width; x++) {
      const s = offset + srcRow * stride + x * 3;
      const d = (y * width + x) * 3;
      rgb[d] = bytes[s + 2]!;
      rgb[d + 1] = bytes[s + 1]!;
      rgb[d + 2] = bytes[s]!;
    }
  }
  return { width, height, rgb };
}

/** Bilinear resize (half-pixel centers) of RGB bytes to size × size floats, mapped by `norm`. */
export function resizeRgb(img: { width: number; height: number; rgb: Uint8Array }, size: number, norm: (v: number) => number): Float32Array {
  const out = new Float32Array(size * size * 3);
  const sy = img.height / size, sx = img.width / size;
  for (let y = 0; y < size; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(img.height - 1, y0 + 1), wy = fy - y0;
    for (let x = 0; x < size; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx), x1 = Math.min(img.width - 1, x0 + 1), wx = fx - x0;
      for (let c = 0; c < 3; c++) {
        const p = (yy: number, xx: number) => img.rgb[(yy * img.width + xx) * 3 + c]!;
        const v = (1 - wy) * ((1 - wx) * p(y0, x0) + wx * p(y0, x1)) + wy * ((1 - wx) * p(y1, x0) + wx * p(y1, x1));
        out[(y * size + x) * 3 + c] = norm(v);
      }
    }
  }
  return out;
}

/** The shared sample images as MobileNet inputs: [1, size, size, 3] in [-1, 1]. */
export function imageNetSamples(size = 224): FloatInput[] {
  const out: FloatInput[] = [];
  // burger-224.png as the oracle preprocessed it (a real-input golden).
  out.push({ name: 'burger', data: npyFloat('support/mobilenet_v1_0.25_224_1_default_1.golden_burger/input_0.npy'), shape: [1, 224, 224, 3] });
  for (const f of ['bird', 'cat', 'grace_hopper', 'squat']) {
    const img = decodeBmp24(new Uint8Array(readFileSync(modelPath(`coral/data/${f}.bmp`))));
    out.push({ name: f, data: resizeRgb(img, size, (v) => (v - 127.5) / 127.5), shape: [1, size, size, 3] });
  }
  return out;
}

/** MNIST digits 0-9 (TFLM's sample PNGs as /255 floats, from the real-input goldens), [1, 28, 28, 1]. */
export function mnistSamples(): FloatInput[] {
  return Array.from({ length: 10 }, (_, d) => ({
    name: `digit${d}`, data: npyFloat(`tflm/mnist_lstm_float.golden_sample${d}/input_0.npy`), shape: [1, 28, 28, 1],
  }));
}

export const asFeeds = (xs: FloatInput[]) => xs.map((x) => [{ data: x.data, shape: x.shape }]);

export function argmax(a: ArrayLike<number>): number {
  let b = 0;
  for (let i = 1; i < a.length; i++) if (a[i]! > a[b]!) b = i;
  return b;
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) { d += a[i]! * b[i]!; na += a[i]! * a[i]!; nb += b[i]! * b[i]!; }
  return d / Math.sqrt(na * nb);
}
