// The taps of a filter axis that fall inside the input, for the depthwise convs (depthwise.ts,
// qdepthwise.ts): taps [firstTap, endTap) of window origin i0 (may be negative), dilation d,
// filter size k, input size `size`.

// @ts-ignore: decorator
@inline
export function firstTap(i0: i32, d: i32): i32 {
  return i0 >= 0 ? 0 : (-i0 + d - 1) / d;
}

// @ts-ignore: decorator
@inline
export function endTap(i0: i32, size: i32, k: i32, d: i32): i32 {
  const room = size - i0;
  if (room <= 0) return 0;
  return min(k, (room + d - 1) / d);
}
