// The statistics the analyses report: chi-square goodness of fit, Mann-Kendall trend test with
// Sen's slope, and quantiles. Small, exact implementations; each is unit-tested on textbook values.

/** Regularised upper incomplete gamma Q(a, x), by series or continued fraction (Numerical Recipes 6.2). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Lanczos approximation of ln Γ(x). */
export function logGamma(x: number): number {
  const g = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const c of g) ser += c / ++y;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

export interface ChiSquare {
  statistic: number;
  df: number;
  pValue: number;
}

/** Goodness of fit of observed counts against equal expected counts. */
export function chiSquareUniform(observed: number[]): ChiSquare | null {
  const total = observed.reduce((a, b) => a + b, 0);
  if (observed.length < 2 || total === 0) return null;
  const expected = total / observed.length;
  const statistic = observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
  const df = observed.length - 1;
  return { statistic, df, pValue: gammaQ(df / 2, statistic / 2) };
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2));
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-((z / Math.SQRT2) ** 2));
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface MannKendall {
  s: number;
  z: number;
  pValue: number; // two-sided
  tau: number;
  senSlope: number; // median of pairwise slopes, per period
}

/** Mann-Kendall trend test (normal approximation with tie correction) and Sen's slope. */
export function mannKendall(values: number[]): MannKendall | null {
  const n = values.length;
  if (n < 3) return null;
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      s += Math.sign(values[j] - values[i]);
      slopes.push((values[j] - values[i]) / (j - i));
    }
  }
  const ties = new Map<number, number>();
  for (const v of values) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance === 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
  return { s, z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))), tau: s / ((n * (n - 1)) / 2), senSlope: quantile(slopes, 0.5)! };
}

/** Linear-interpolation quantile (the R type 7 / DuckDB quantile_cont definition). */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
