// The statistics the analyses report: chi-square goodness of fit against expected counts in
// proportion to each cell's exposure (days, hours), the Mann-Kendall trend test with Sen's slope,
// and quantiles. The tail probabilities come from a maintained library (@stdlib's regularised
// incomplete gamma and erfc), so p-values keep full double precision far into the tails; what is
// computed here is only the statistic, each step unit-tested against scipy's definitions.
import type erfcFunction from '@stdlib/math-base-special-erfc';
import type gammaincFunction from '@stdlib/math-base-special-gammainc';
import { lazyRequire } from '../lazy-require.js';

const loadErfc = lazyRequire<typeof erfcFunction>('@stdlib/math-base-special-erfc');
const loadGammainc = lazyRequire<typeof gammaincFunction>('@stdlib/math-base-special-gammainc');
const erfc = (x: number) => loadErfc()(x);
const gammainc: typeof gammaincFunction = (x, s, regularized, upper) => loadGammainc()(x, s, regularized, upper);

export interface ChiSquare {
  statistic: number;
  df: number;
  pValue: number;
  /** The expected count of each cell, in the order of the observed counts. */
  expected: number[];
  /** The smallest expected count: below 5 the chi-square approximation is poor. */
  minExpected: number;
}

/** P(X ≥ x) for X ~ χ²(df): the regularised upper incomplete gamma Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  return x <= 0 ? 1 : gammainc(x / 2, df / 2, true, true);
}

/**
 * Goodness of fit of observed counts against expected counts in proportion to `exposure` (the days or
 * hours each cell covers): expected_i = N · exposure_i / Σ exposure. Null when there is nothing to test
 * (fewer than two cells, no counts, or a cell with no exposure holding counts).
 */
export function chiSquare(observed: number[], exposure: number[]): ChiSquare | null {
  const total = observed.reduce((a, b) => a + b, 0);
  const covered = exposure.reduce((a, b) => a + b, 0);
  if (observed.length < 2 || observed.length !== exposure.length || total === 0 || covered <= 0) return null;
  if (observed.some((o, i) => o > 0 && !(exposure[i] > 0))) return null;
  const expected = exposure.map((e) => (total * e) / covered);
  const statistic = observed.reduce((sum, o, i) => (expected[i] > 0 ? sum + (o - expected[i]) ** 2 / expected[i] : sum), 0);
  const df = expected.filter((e) => e > 0).length - 1;
  if (df < 1) return null;
  return { statistic, df, pValue: chiSquareSurvival(statistic, df), expected, minExpected: Math.min(...expected.filter((e) => e > 0)) };
}

/** Goodness of fit against equal expected counts. */
export function chiSquareUniform(observed: number[]): ChiSquare | null {
  return chiSquare(
    observed,
    observed.map(() => 1),
  );
}

/** Standard normal cumulative distribution, Φ(z) = erfc(−z/√2)/2. */
export function normalCdf(z: number): number {
  return erfc(-z / Math.SQRT2) / 2;
}

export interface MannKendall {
  n: number;
  /** Σ sign(x_j − x_i) over i < j. */
  s: number;
  /** var(S) with the tie correction: (n(n−1)(2n+5) − Σ t(t−1)(2t+5)) / 18. */
  variance: number;
  /** (S − sign(S)) / √var(S): with the continuity correction, 0 when S = 0. */
  z: number;
  /** Two-sided: erfc(|z|/√2) = 2·(1 − Φ(|z|)), without the cancellation of the latter. */
  pValue: number;
  /** Kendall's tau-a: S / (n(n−1)/2). */
  tau: number;
  /** Sen's slope: the median of the pairwise slopes, per period. */
  senSlope: number;
}

/**
 * Mann-Kendall trend test as pymannkendall.original_test computes S, var(S), z and Tau; the p-value is
 * scipy's 2·norm.sf(|z|), which pymannkendall's 2·(1 − norm.cdf(|z|)) equals until it rounds to 0 near z ≈ 8.3.
 */
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
  const z = variance === 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { n, s, variance, z, pValue: erfc(Math.abs(z) / Math.SQRT2), tau: s / ((n * (n - 1)) / 2), senSlope: quantile(slopes, 0.5)! };
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
