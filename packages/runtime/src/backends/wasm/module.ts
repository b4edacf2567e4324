// Loading the AssemblyScript kernels: the SIMD build when the engine validates it, the scalar
// build otherwise (decided once, at first use), instantiated synchronously over a memory this
// module owns. `LITEML_WASM_ISA=scalar` (or `selectWasmIsa('scalar')`) forces the fallback.
import { RuntimeError } from '../../errors';
import { WASM_SCALAR_BASE64, WASM_SIMD_BASE64, WASM_SIMD_THREADS_BASE64 } from './generated/wasm-binary';

export type WasmIsa = 'wasmsimd' | 'scalar';

/** The exports of assembly/index.ts (addresses are byte offsets into the memory). */
export interface WasmKernelExports {
  // assembly/{qresize,unary,dequantize,cast,arg}.ts
  resize_bilinear_i8_tflite(x: number, N: number, H: number, W: number, C: number, outH: number, outW: number, ys: number, xs: number, out: number): void;
  resize_bilinear_q8_xnnpack(x: number, N: number, H: number, W: number, C: number, outH: number, outW: number, ys: number, xs: number, out: number, signed: number): void;
  resize_bilinear_u8_tflite(x: number, N: number, H: number, W: number, C: number, outH: number, outW: number, ys: number, xs: number, out: number): void;
  unary_f32(op: number, x: number, n: number, out: number): void;
  lut_q8(x: number, n: number, table: number, out: number): void;
  dequantize_q(x: number, dtype: number, outer: number, channels: number, inner: number, scales: number, zps: number, out: number): void;
  cast(x: number, inType: number, n: number, out: number, outType: number): void;
  arg_extreme(x: number, dtype: number, outer: number, n: number, inner: number, isMax: number, out: number, out64: number): void;
  softmax_f32(x: number, rows: number, depth: number, beta: number, out: number): void;
  heap_base(): number;
  has_simd(): number;
  pack_f32_gemm(N: number, K: number, w: number, bias: number, out: number): void;
  packed_f32_gemm_bytes(N: number, K: number): number;
  gemm_f32(M: number, N: number, K: number, a: number, aStride: number, packed: number, c: number, cStride: number, vmin: number, vmax: number): void;
  conv2d_f32(x: number, N: number, H: number, W: number, C: number, packed: number, OC: number, kh: number, kw: number,
    sh: number, sw: number, dh: number, dw: number, padT: number, padL: number, outH: number, outW: number,
    out: number, vmin: number, vmax: number, scratch: number, chunkRows: number): void;
  dwconv2d_f32(x: number, N: number, H: number, W: number, C: number, w: number, bias: number, dm: number,
    kh: number, kw: number, sh: number, sw: number, dh: number, dw: number, padT: number, padL: number,
    outH: number, outW: number, out: number, vmin: number, vmax: number): void;
  pool2d_f32(isMax: number, x: number, N: number, H: number, W: number, C: number, fh: number, fw: number, sh: number, sw: number,
    padT: number, padL: number, outH: number, outW: number, out: number, vmin: number, vmax: number): void;
  binary_f32(op: number, a: number, b: number, out: number, dims: number, sa: number, sb: number, vmin: number, vmax: number): void;
  run_task(args: number, t: number, n: number): void;
  packed_q8_gemm_bytes(N: number, K: number): number;
  pack_q8_gemm(N: number, K: number, w: number, wSigned: number, wOff: number, bias: number, out: number): void;
  conv2d_q8_scratch_bytes(K: number, OC: number, chunkRows: number): number;
  quantize_hybrid_rows(x: number, rows: number, n: number, asymmetric: number, out: number, scaling: number, zps: number): void;
  resize_bilinear_f32(x: number, N: number, H: number, W: number, C: number, outH: number, outW: number, ys: number, xs: number, out: number): void;
  rq_bytes(C: number): number;
  rq_fill(C: number, mult: number, shift: number, scales: number, rq: number): void;
  quantize_f32_q8(x: number, n: number, scale: number, zp: number, lo: number, hi: number, out: number, outSigned: number): void;
  q8_binary_lut(tables: number, params: number, lut: number): void;
  binary_q8_lut(a: number, b: number, out: number, dims: number, sa: number, sb: number, lut: number): void;
  addsub_q8(a: number, b: number, out: number, dims: number, sa: number, sb: number, tables: number, params: number): void;
}

export interface WasmInstance {
  isa: WasmIsa;
  exports: WasmKernelExports;
  memory: WebAssembly.Memory;
  /** The compiled module (shared with worker threads when `shared`). */
  module: WebAssembly.Module;
  /** Whether the memory is a SharedArrayBuffer that worker threads can run kernels on. */
  shared: boolean;
}

/** Maximum wasm memory (pages of 64 KiB): 2 GiB, as declared by the build. */
const MAX_PAGES = 32768;

/** Shared memory (threads) is usable: Node, or a cross-origin-isolated browser page. */
function canShare(): boolean {
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') return false;
  const g = globalThis as { crossOriginIsolated?: boolean; process?: { versions?: { node?: string } } };
  return g.process?.versions?.node !== undefined || g.crossOriginIsolated === true;
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(s, 'base64'));
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let forced: WasmIsa | undefined;
const instances = new Map<WasmIsa, WasmInstance>();

function envIsa(): WasmIsa | undefined {
  const v = typeof process !== 'undefined' ? process.env?.['LITEML_WASM_ISA'] : undefined;
  if (v === undefined || v === '') return undefined;
  if (v === 'scalar' || v === 'wasmsimd') return v;
  throw new RuntimeError('BAD_ARGUMENT', `LITEML_WASM_ISA must be 'wasmsimd' or 'scalar', got '${v}'`);
}

/** Which build runs: the SIMD one when this engine supports wasm SIMD, else scalar. */
export function detectIsa(): WasmIsa {
  const want = forced ?? envIsa();
  if (want) return want;
  return WebAssembly.validate(decodeBase64(WASM_SIMD_BASE64)) ? 'wasmsimd' : 'scalar';
}

/** Forces a build (tests, benchmarks); `undefined` returns to feature detection. Affects kernels run afterwards. */
export function selectWasmIsa(isa: WasmIsa | undefined): void {
  forced = isa;
  current = undefined;
}

let current: WasmInstance | undefined;

/** The instance the kernels use (created on first use). */
export function wasm(): WasmInstance {
  if (current) return current;
  const isa = detectIsa();
  let inst = instances.get(isa);
  if (!inst) {
    const shared = isa === 'wasmsimd' && canShare();
    const bytes = decodeBase64(isa === 'scalar' ? WASM_SCALAR_BASE64 : shared ? WASM_SIMD_THREADS_BASE64 : WASM_SIMD_BASE64);
    const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared });
    let instance: WebAssembly.Instance;
    let module: WebAssembly.Module;
    try {
      module = new WebAssembly.Module(bytes);
      instance = new WebAssembly.Instance(module, {
        env: {
          memory,
          abort: () => { throw new RuntimeError('KERNEL_FAILED', 'a wasm kernel aborted'); },
        },
      });
    } catch (e) {
      throw new RuntimeError('KERNEL_FAILED', `cannot instantiate the ${isa} wasm kernels: ${e instanceof Error ? e.message : String(e)}`, [], { cause: e });
    }
    inst = { isa, exports: instance.exports as unknown as WasmKernelExports, memory, module, shared };
    instances.set(isa, inst);
  }
  current = inst;
  return inst;
}
