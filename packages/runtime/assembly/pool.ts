// f32 average / max pooling over NHWC input (windows clipped to the input; padded positions
// are never counted, as in TFLite), with a fused clamp.

export function pool2d_f32(isMax: i32, x: usize, N: i32, H: i32, W: i32, C: i32, fh: i32, fw: i32, sh: i32, sw: i32,
  padT: i32, padL: i32, outH: i32, outW: i32, out: usize, vmin: f32, vmax: f32): void {
  const cBytes = <usize>C << 2;
  let o = out;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * sh - padT;
      const fy0 = max(0, -y0), fy1 = min(fh, H - y0);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * sw - padL;
        const fx0 = max(0, -x0), fx1 = min(fw, W - x0);
        const count = max(0, fy1 - fy0) * max(0, fx1 - fx0);
        let c = 0;
        if (ASC_FEATURE_SIMD) {
          const lo = f32x4.splat(vmin), hi = f32x4.splat(vmax);
          for (; c + 4 <= C; c += 4) {
            const cOff = <usize>c << 2;
            let acc = isMax ? f32x4.splat(-Infinity) : f32x4.splat(0);
            for (let fy = fy0; fy < fy1; fy++) {
              const row = x + ((<usize>(b * H + y0 + fy) * <usize>W) * cBytes) + cOff;
              for (let fx = fx0; fx < fx1; fx++) {
                const v = v128.load(row + <usize>(x0 + fx) * cBytes);
                acc = isMax ? f32x4.max(acc, v) : f32x4.add(acc, v);
              }
            }
            if (!isMax) acc = count > 0 ? f32x4.div(acc, f32x4.splat(<f32>count)) : f32x4.splat(0);
            v128.store(o + cOff, f32x4.pmin(f32x4.pmax(acc, lo), hi));
          }
        }
        for (; c < C; c++) {
          let acc: f32 = isMax ? -Infinity : 0;
          for (let fy = fy0; fy < fy1; fy++) {
            const row = x + ((<usize>(b * H + y0 + fy) * <usize>W) * cBytes) + (<usize>c << 2);
            for (let fx = fx0; fx < fx1; fx++) {
              const v = load<f32>(row + <usize>(x0 + fx) * cBytes);
              acc = isMax ? max(acc, v) : acc + v;
            }
          }
          if (!isMax) acc = count > 0 ? acc / <f32>count : 0;
          acc = acc < vmin ? vmin : acc;
          store<f32>(o + (<usize>c << 2), acc > vmax ? vmax : acc);
        }
        o += cBytes;
      }
    }
  }

}

