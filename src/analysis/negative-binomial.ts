// Negative-binomial regression (NB2: variance μ + μ²/θ, log link) by maximum likelihood, for counts
// of seizures that vary more than a Poisson's. The method is MASS::glm.nb's (Venables & Ripley): the
// coefficients by iteratively reweighted least squares with θ held, θ by Newton's method on its score
// with the means held, alternating until the log-likelihood settles; standard errors from the
// inverse of X'WX at the optimum. The special functions are @stdlib's. Designs here are small (a
// column per year and a few covariates), so the linear algebra is a plain Cholesky solve.
import type digammaFunction from '@stdlib/math-base-special-digamma';
import type gammalnFunction from '@stdlib/math-base-special-gammaln';
import type trigammaFunction from '@stdlib/math-base-special-trigamma';
import { lazyRequire } from '../lazy-require.js';

const loadDigamma = lazyRequire<typeof digammaFunction>('@stdlib/math-base-special-digamma');
const loadGammaln = lazyRequire<typeof gammalnFunction>('@stdlib/math-base-special-gammaln');
const loadTrigamma = lazyRequire<typeof trigammaFunction>('@stdlib/math-base-special-trigamma');
const digamma = (x: number) => loadDigamma()(x);
const gammaln = (x: number) => loadGammaln()(x);
const trigamma = (x: number) => loadTrigamma()(x);

export interface NegBinFit {
  coefficients: number[];
  standardErrors: number[];
  /** The dispersion θ (NB2); at THETA_MAX the data show no overdispersion and the fit is a Poisson's. */
  theta: number;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Fitted means of the rows. */
  fitted: number[];
  /** Covariance of the coefficients (the inverse of X'WX). */
  covariance: number[][];
}

/** θ is capped here: a larger one means no overdispersion to speak of. */
export const THETA_MAX = 1e6;

/** Fits y ~ X (X's rows are the design, an intercept column included by the caller). */
export function fitNegativeBinomial(X: number[][], y: number[], { maxIterations = 100, tolerance = 1e-10 } = {}): NegBinFit {
  const n = y.length;
  if (!n || X.length !== n) throw new Error('negative binomial: the design and the counts differ in length');
  // Start from a Poisson fit (θ infinite), then alternate β and θ as glm.nb does.
  let theta = THETA_MAX;
  let beta = irls(X, y, theta, null);
  let mu = means(X, beta);
  theta = thetaMl(y, mu);
  let previous = logLikelihood(y, mu, theta);
  let iterations = 0;
  let converged = false;
  while (iterations++ < maxIterations) {
    beta = irls(X, y, theta, beta);
    mu = means(X, beta);
    theta = thetaMl(y, mu, theta);
    const current = logLikelihood(y, mu, theta);
    if (Math.abs(current - previous) <= tolerance * (Math.abs(current) + tolerance)) {
      converged = true;
      previous = current;
      break;
    }
    previous = current;
  }
  const covariance = invert(
    crossWeighted(
      X,
      mu.map((m) => m / (1 + m / theta)),
    ),
  );
  return {
    coefficients: beta,
    standardErrors: covariance.map((row, i) => Math.sqrt(row[i])),
    theta,
    logLikelihood: previous,
    iterations,
    converged,
    fitted: mu,
    covariance,
  };
}

/** The NB2 log-likelihood of counts y with means mu and dispersion θ. */
export function logLikelihood(y: number[], mu: number[], theta: number): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const m = mu[i];
    sum +=
      gammaln(y[i] + theta) -
      gammaln(theta) -
      gammaln(y[i] + 1) +
      theta * Math.log(theta / (theta + m)) +
      (y[i] ? y[i] * Math.log(m / (theta + m)) : 0);
  }
  return sum;
}

function means(X: number[][], beta: number[]): number[] {
  return X.map((row) => Math.exp(row.reduce((s, x, j) => s + x * beta[j], 0)));
}

/** β by IRLS with θ held (weights μ / (1 + μ/θ), working response η + (y − μ)/μ). */
function irls(X: number[][], y: number[], theta: number, start: number[] | null): number[] {
  const p = X[0].length;
  let beta = start ?? new Array<number>(p).fill(0);
  // A Poisson start: η from log(y + 0.1), so that zeros do not start at minus infinity.
  let eta = start ? X.map((row) => row.reduce((s, x, j) => s + x * beta[j], 0)) : y.map((v) => Math.log(v + 0.1));
  let deviance = Infinity;
  for (let iteration = 0; iteration < 100; iteration++) {
    const mu = eta.map(Math.exp);
    const w = mu.map((m) => m / (1 + m / theta));
    const z = eta.map((e, i) => e + (y[i] - mu[i]) / mu[i]);
    const XtWX = crossWeighted(X, w);
    const XtWz = new Array<number>(p).fill(0);
    for (let i = 0; i < X.length; i++) for (let j = 0; j < p; j++) XtWz[j] += X[i][j] * w[i] * z[i];
    beta = solve(XtWX, XtWz);
    eta = X.map((row) => row.reduce((s, x, j) => s + x * beta[j], 0));
    const next = -2 * logLikelihood(y, eta.map(Math.exp), theta);
    if (Math.abs(next - deviance) <= 1e-12 * (Math.abs(next) + 1e-12)) break;
    deviance = next;
  }
  return beta;
}

/** θ by Newton's method on the score of the log-likelihood, the means held (MASS::theta.ml). */
function thetaMl(y: number[], mu: number[], start?: number): number {
  const n = y.length;
  // The moment start of theta.ml: n / Σ (y/μ − 1)².
  let theta = start && start < THETA_MAX ? start : n / y.reduce((s, v, i) => s + (v / mu[i] - 1) ** 2, 0);
  if (!Number.isFinite(theta) || theta <= 0) theta = 1;
  for (let iteration = 0; iteration < 100; iteration++) {
    let score = 0,
      information = 0;
    for (let i = 0; i < n; i++) {
      score += digamma(theta + y[i]) - digamma(theta) + Math.log(theta) + 1 - Math.log(theta + mu[i]) - (y[i] + theta) / (mu[i] + theta);
      information += -trigamma(theta + y[i]) + trigamma(theta) - 1 / theta + 2 / (mu[i] + theta) - (y[i] + theta) / (mu[i] + theta) ** 2;
    }
    const step = score / information;
    const next = theta + step;
    if (!Number.isFinite(next) || next > THETA_MAX) return THETA_MAX;
    theta = next > 0 ? next : theta / 2;
    if (Math.abs(step) <= 1e-10 * theta) break;
  }
  return Math.min(theta, THETA_MAX);
}

function crossWeighted(X: number[][], w: number[]): number[][] {
  const p = X[0].length;
  const out = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < X.length; i++) {
    const row = X[i];
    for (let j = 0; j < p; j++) {
      if (!row[j]) continue;
      for (let k = j; k < p; k++) out[j][k] += row[j] * w[i] * row[k];
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) out[j][k] = out[k][j];
  return out;
}

/** Cholesky factor L of a symmetric positive-definite A (A = L Lᵀ). */
function cholesky(A: number[][]): number[][] {
  const p = A.length;
  const L = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let d = A[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] ** 2;
    if (!(d > 1e-300)) throw new Error('negative binomial: the design is singular (a covariate is constant or duplicates another)');
    L[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < p; i++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = s / L[j][j];
    }
  }
  return L;
}

function solve(A: number[][], b: number[]): number[] {
  const L = cholesky(A);
  const p = b.length;
  const z = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) z[i] = (b[i] - L[i].slice(0, i).reduce((s, l, k) => s + l * z[k], 0)) / L[i][i];
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < p; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

function invert(A: number[][]): number[][] {
  const p = A.length;
  const columns = Array.from({ length: p }, (_, j) =>
    solve(
      A,
      Array.from({ length: p }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: p }, (_, i) => columns.map((c) => c[i]));
}
