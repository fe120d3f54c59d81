// The tail probabilities of the chi-square and Mann-Kendall tests to full precision, against values
// worked out here from the definitions and the numbers scipy prints for them (scipy 1.17:
// scipy.stats.chi2.sf and 2 · scipy.stats.norm.sf, written into each test).
import { describe, expect, it } from 'vitest';
import { chiSquare, chiSquareSurvival, mannKendall, normalCdf } from '../../src/analysis/stats.js';

const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('chi-square with exposure', () => {
  it("gives the issue's χ² 71.4 on 11 df the p-value scipy gives, 6.614230523681238e-11", () => {
    expect(relative(chiSquareSurvival(71.4, 11), 6.614230523681238e-11)).toBeLessThan(1e-12);
  });

  it('gives exp(−x/2) on 2 df, far into the tail', () => {
    expect(relative(chiSquareSurvival(400, 2), Math.exp(-200))).toBeLessThan(1e-12);
  });

  it('expects counts in proportion to exposure: 30 seizures over cells of 1, 2 and 3 days expect 5, 10 and 15', () => {
    const test = chiSquare([10, 10, 10], [1, 2, 3])!;
    expect(test.expected).toEqual([5, 10, 15]);
    // (10−5)²/5 + 0 + (10−15)²/15 = 5 + 5/3 on 2 df
    expect(test.statistic).toBeCloseTo(5 + 5 / 3, 12);
    expect(test.df).toBe(2);
    expect(test.minExpected).toBe(5);
    expect(test.pValue).toBeCloseTo(Math.exp(-(5 + 5 / 3) / 2), 14);
  });

  it('gives χ² 0 and p 1 when counts follow exposure exactly', () => {
    const test = chiSquare([31 * 35, 28 * 35, 31 * 35], [31, 28, 31])!;
    expect(test.statistic).toBe(0);
    expect(test.pValue).toBe(1);
  });
});

describe('Mann-Kendall', () => {
  it("gives a strictly rising 40-year series scipy's p, 1.124771839571784e-19, where a normal-tail approximation printed 0", () => {
    const result = mannKendall(Array.from({ length: 40 }, (_, i) => i + 1))!;
    // S = 40·39/2 = 780; var(S) = 40·39·85/18; z = (780 − 1)/√var(S) = 9.076155922792513
    expect(result.s).toBe(780);
    expect(result.variance).toBeCloseTo((40 * 39 * 85) / 18, 9);
    expect(result.z).toBeCloseTo(779 / Math.sqrt((40 * 39 * 85) / 18), 12);
    expect(result.tau).toBe(1);
    expect(relative(result.pValue, 1.124771839571784e-19)).toBeLessThan(1e-12);
  });

  it('corrects the variance for ties: 1, 2, 2, 3, 3, 3 gives S 11, var(S) 426/18, p 0.039824355364810694', () => {
    // S by hand: 1 rises to all five others (5), each 2 rises to the three 3s (6), ties count 0 → 11.
    // var(S) = (6·5·17 − 2·1·9 − 3·2·11) / 18 = (510 − 18 − 66) / 18 = 426/18; z = 10/√(426/18) = 2.055566129482595
    const result = mannKendall([1, 2, 2, 3, 3, 3])!;
    expect(result.s).toBe(11);
    expect(result.variance).toBeCloseTo(426 / 18, 12);
    expect(result.z).toBeCloseTo(2.055566129482595, 12);
    expect(relative(result.pValue, 0.039824355364810694)).toBeLessThan(1e-12);
    expect(result.tau).toBeCloseTo(11 / 15, 12);
  });

  it('gives S 0, z 0 and p 1 for a constant series (all tied: variance 0)', () => {
    expect(mannKendall([6, 6, 6, 6, 6, 6, 6, 6])).toMatchObject({ s: 0, variance: 0, z: 0, pValue: 1, senSlope: 0 });
  });

  it('keeps Φ exact in the tails: Φ(−10) = 7.61985302416047e-24 (scipy.stats.norm.cdf)', () => {
    expect(relative(normalCdf(-10), 7.61985302416047e-24)).toBeLessThan(1e-12);
  });
});
