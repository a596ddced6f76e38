export interface Point {
  x: number;
  y: number;
}

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination in [0, 1]; 0 when y does not vary (see linearFit). */
  rSquared: number;
  /** Points actually used (non-finite ones are dropped). */
  n: number;
}

const allEqual = (values: readonly number[]): boolean => values.every((v) => v === values[0]);

/**
 * Ordinary least squares y = slope·x + intercept.
 *
 * Degenerate inputs:
 * - fewer than 2 finite points, or all x equal → null: no line is determined, and
 *   callers must not mistake "unknown" for "no trend".
 * - all y equal → slope 0 and rSquared 0: a flat line explains no variation, so it
 *   must never count as a well-fitted trend.
 * Equality is tested on the raw values, not on the centred sums, because float dust
 * in a mean would otherwise yield a huge meaningless slope.
 */
export function linearFit(points: readonly Point[]): LinearFit | null {
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = pts.length;
  if (n < 2) return null;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  if (allEqual(xs)) return null;

  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  if (allEqual(ys)) return { slope: 0, intercept: ys[0]!, rSquared: 0, n };

  // Centred sums keep precision when x is large (epoch seconds).
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of pts) {
    const dx = p.x - meanX;
    const dy = p.y - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const rSquared = Math.min(1, Math.max(0, (sxy * sxy) / (sxx * syy)));
  return { slope, intercept, rSquared, n };
}

export interface RobustFit {
  slope: number;
  /** Median of y − slope·x: the line's value at x = 0. */
  intercept: number;
}

/** Above this many points the pairwise slopes are taken over an evenly thinned subset (cost stays O(60²)). */
export const THEIL_SEN_MAX_POINTS = 60;

const medianOf = (values: number[]): number => {
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
};

/**
 * Theil–Sen: the median of the slopes between all pairs of points. Unlike least
 * squares, a jump affecting fewer than ~29 % of the points cannot tilt it, so one
 * step at the end of a flat window does not read as a ramp. Null when fewer than 2
 * finite points or all x equal.
 */
export function theilSenFit(points: readonly Point[]): RobustFit | null {
  let pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length > THEIL_SEN_MAX_POINTS) {
    const step = (pts.length - 1) / (THEIL_SEN_MAX_POINTS - 1);
    pts = Array.from({ length: THEIL_SEN_MAX_POINTS }, (_, i) => pts[Math.round(i * step)]!);
  }
  // The median by selection, not a sort: the same value, several times faster (this runs a
  // few times per metric per health check, on up to 1770 pairwise slopes).
  const slopes = new Float64Array((pts.length * (pts.length - 1)) / 2);
  let n = 0;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const dx = pts[j]!.x - pts[i]!.x;
      if (dx !== 0) slopes[n++] = (pts[j]!.y - pts[i]!.y) / dx;
    }
  }
  if (n === 0) return null;
  const slope = selectMedian(slopes.subarray(0, n));
  return { slope, intercept: medianOf(pts.map((p) => p.y - slope * p.x)) };
}

/** The k-th smallest of a[lo..hi] (Hoare's selection; reorders a). */
function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The median of a non-empty array of finite numbers (reorders it). */
function selectMedian(a: Float64Array): number {
  const n = a.length;
  const m = n >> 1;
  const upper = select(a, m, 0, n - 1);
  if (n % 2) return upper;
  // After selecting m, everything before it is ≤ a[m]: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < m; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** The median of the values (copied; the input is left alone). NaN for none. */
export function median(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : medianOf([...values]);
}
