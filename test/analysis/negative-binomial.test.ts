// The negative-binomial regression behind adjusted-trends, checked two ways: a design whose maximum
// is known in closed form (year factors alone: the fitted means are the years' means), and against an
// independent implementation, statsmodels' NegativeBinomial (Debian's python3-statsmodels, which CI
// installs: without CI the comparison is skipped when it is missing).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fitNegativeBinomial, logLikelihood } from '../../src/analysis/negative-binomial.js';

const PYTHON = '/usr/bin/python3';
const statsmodels = spawnSync(PYTHON, ['-c', 'import statsmodels.api'], { encoding: 'utf8' }).status === 0;
const runnable = statsmodels || Boolean(process.env.CI);

// Overdispersed counts in four years, with a covariate (e.g. a reporting rate): made up, fixed.
const Y = [0, 3, 1, 7, 2, 0, 12, 4, 5, 1, 9, 0, 2, 15, 6, 3, 0, 8, 11, 2, 4, 1, 0, 19, 7, 3, 5, 10, 2, 6, 0, 13];
const COVARIATE = Y.map((_, i) => [0.2, 0.5, 0.9, 1][i % 4]);
const YEAR = Y.map((_, i) => Math.floor(i / 8));
const design = Y.map((_, i) => [1, YEAR[i] === 1 ? 1 : 0, YEAR[i] === 2 ? 1 : 0, YEAR[i] === 3 ? 1 : 0, COVARIATE[i]]);

describe('negative-binomial regression', () => {
  it('fits year factors alone to the means of the years, whatever the dispersion', () => {
    const fit = fitNegativeBinomial(
      design.map((r) => r.slice(0, 4)),
      Y,
    );
    const mean = (t: number) => Y.filter((_, i) => YEAR[i] === t).reduce((s, v) => s + v, 0) / 8;
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(mean(0)), 8);
    for (const t of [1, 2, 3]) expect(fit.coefficients[t]).toBeCloseTo(Math.log(mean(t) / mean(0)), 8);
    expect(fit.theta).toBeLessThan(10); // these counts are overdispersed
  });

  it('stands at a maximum of the likelihood: moving any coefficient or θ lowers it', () => {
    const fit = fitNegativeBinomial(design, Y);
    const at = (beta: number[], theta: number) =>
      logLikelihood(
        Y,
        design.map((row) => Math.exp(row.reduce((s, x, j) => s + x * beta[j], 0))),
        theta,
      );
    const best = at(fit.coefficients, fit.theta);
    expect(best).toBeCloseTo(fit.logLikelihood, 8);
    for (let j = 0; j < fit.coefficients.length; j++) {
      for (const h of [1e-3, -1e-3])
        expect(
          at(
            fit.coefficients.map((b, k) => (k === j ? b + h : b)),
            fit.theta,
          ),
        ).toBeLessThan(best);
    }
    expect(at(fit.coefficients, fit.theta * 1.01)).toBeLessThan(best);
    expect(at(fit.coefficients, fit.theta * 0.99)).toBeLessThan(best);
  });

  it.runIf(runnable)("gives statsmodels' coefficients, standard errors and dispersion", () => {
    const script = [
      'import json, sys, warnings',
      'import numpy as np',
      'import statsmodels.api as sm',
      'warnings.simplefilter("ignore")',
      'd = json.load(sys.stdin)',
      'r = sm.NegativeBinomial(np.array(d["y"]), np.array(d["X"]), ' +
        'loglike_method="nb2").fit(method="bfgs", maxiter=5000, gtol=1e-10, disp=0)',
      'alpha = r.params[-1]',
      // glm.nb's standard errors hold θ: statsmodels' GLM with that dispersion gives the same kind.
      'g = sm.GLM(np.array(d["y"]), np.array(d["X"]), family=sm.families.NegativeBinomial(alpha=alpha)).fit()',
      'print(json.dumps({"beta": list(r.params[:-1]), "se": list(g.bse), "theta": 1 / alpha, "llf": r.llf}))',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify({ y: Y, X: design }), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const theirs = JSON.parse(run.stdout) as { beta: number[]; se: number[]; theta: number; llf: number };
    const ours = fitNegativeBinomial(design, Y);
    expect(ours.logLikelihood).toBeCloseTo(theirs.llf, 5);
    ours.coefficients.forEach((b, j) => expect(b).toBeCloseTo(theirs.beta[j], 4));
    expect(ours.theta / theirs.theta).toBeCloseTo(1, 3);
    ours.standardErrors.forEach((s, j) => expect(s / theirs.se[j]).toBeCloseTo(1, 3));
  });
});
