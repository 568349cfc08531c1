/**
 * Rounds a value to `decimals` places, half away from zero, the way a person rounds the printed
 * number. Binary floating point stores 0.28485 as 0.28484999…; multiplying by 10^decimals and
 * re-reading at 15 significant digits removes that noise before the half is decided.
 */
export function roundToPrecision(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return roundToInteger(value * factor) / factor;
}

function roundToInteger(scaled: number): number {
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  // Far from a half, plain rounding is exact; only near it does the noise matter.
  if (Math.abs(fraction - 0.5) > 1e-6) return fraction > 0.5 ? floor + 1 : floor;
  const cleaned = Number(scaled.toPrecision(15));
  return cleaned < 0 ? -Math.round(-cleaned) : Math.round(cleaned);
}

/**
 * Standard competition ranking ("1224"), highest value first, of values compared at the published
 * precision: the national DTI 2022 ranks Thanh Hóa and Yên Bái both 15th and Hậu Giang 17th.
 * NaN values are not ranked (rank 0).
 */
export function rankDescending(values: Float64Array, decimals: number): Int32Array {
  const factor = 10 ** decimals;
  const keys = new Float64Array(values.length);
  let ranked = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    keys[i] = Number.isNaN(v) ? Number.NaN : roundToInteger(v * factor);
    if (!Number.isNaN(v)) ranked++;
  }
  // Ascending sort of the ranked keys; a unit's rank is 1 + how many keys are strictly greater.
  const sorted = new Float64Array(ranked);
  let k = 0;
  for (const key of keys) if (!Number.isNaN(key)) sorted[k++] = key;
  sorted.sort();
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    if (Number.isNaN(key)) continue;
    ranks[i] = ranked - upperBound(sorted, key) + 1;
  }
  return ranks;
}

/** Index of the first element greater than `key` in an ascending array. */
function upperBound(sorted: Float64Array, key: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Rank a value would take among the given others (rank 1 = best), at the published precision. */
export function projectedRank(candidate: number, others: Iterable<number>, decimals: number): number {
  const key = roundToPrecision(candidate, decimals);
  let better = 0;
  for (const other of others) {
    if (!Number.isNaN(other) && roundToPrecision(other, decimals) > key) better++;
  }
  return better + 1;
}
