// Interception estimates: seizures are the part of a trade that enforcement caught, so the whole
// trade is estimated as seized ÷ interception rate, where experts give the rate as a minimum, a most
// likely value and a maximum. The rates file is small: it is read and checked here (one-line
// errors naming file, row and column), then handed to the SQL as one bound JSON parameter; the
// Monte Carlo runs once per country-year group, seeded, so the same seed gives the same bytes.
import type betaGenerator from '@stdlib/random-base-beta';
import { readFileSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { countryCode } from '../normalise/countries.js';
import { termCode } from '../normalise/terms.js';
import { lazyRequire } from '../lazy-require.js';
import { mulberry32 } from '../random.js';

const loadBeta = lazyRequire<typeof betaGenerator>('@stdlib/random-base-beta');

export interface InterceptionRate {
  rate_row: number;
  country: string;
  taxon: string | null;
  term: string | null;
  from_year: number | null;
  to_year: number | null;
  min: number;
  mode: number;
  max: number;
  source: string | null;
}

const COLUMNS = ['country', 'taxon', 'term', 'from_year', 'to_year', 'min', 'mode', 'max', 'source'] as const;
const REQUIRED = ['country', 'min', 'mode', 'max'];

/** A CSV line's cells (quotes as in RFC 4180; the file is small). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

/** Reads and checks an interception-rates file: shares in (0, 1] with min ≤ mode ≤ max, one country per row. */
export function readInterceptionRates(path: string | undefined): InterceptionRate[] {
  if (!path)
    throw new UsageError('interception needs the expert-elicited rates', {
      hint:
        'give --interception-rates FILE (columns country,taxon,term,from_year,to_year,min,mode,max,source; ' +
        'see sample-data/mappings/interception-rates.csv)',
    });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputError(`${path}: cannot read the interception rates (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: 'give the path of a CSV file',
      cause,
    });
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ line: l, row: i + 1 }))
    .filter((l) => l.line.trim() && !l.line.startsWith('#'));
  if (!lines.length)
    throw new InputError(`${path}: no rows`, { hint: 'a heading row, then one row per country (and taxon, term, period)' });
  const header = cells(lines[0].line).map((h) => h.toLowerCase());
  for (const column of REQUIRED) {
    if (!header.includes(column))
      throw new InputError(`${path}:${lines[0].row}: no column "${column}"`, {
        hint: `the columns are ${COLUMNS.join(',')} (taxon, term, years and source may be empty)`,
      });
  }
  return lines.slice(1).map(({ line, row }) => {
    const values = cells(line);
    const get = (column: string) => {
      const i = header.indexOf(column);
      return i < 0 ? '' : (values[i] ?? '');
    };
    const where = (column: string) => `${path}:${row}: column "${column}" is "${get(column)}"`;
    const share = (column: string) => {
      const n = Number(get(column).replace(/%$/, '')) / (get(column).endsWith('%') ? 100 : 1);
      if (!get(column) || !Number.isFinite(n) || n <= 0 || n > 1)
        throw new InputError(`${where(column)}: a rate is a share of the trade in (0, 1]`, { hint: 'write 0.1 or 10% for a tenth' });
      return n;
    };
    const year = (column: string) => {
      if (!get(column)) return null;
      if (!/^\d{4}$/.test(get(column)))
        throw new InputError(`${where(column)}: not a year`, { hint: 'write a year such as 2020, or leave it empty' });
      return Number(get(column));
    };
    const country = countryCode(get('country')).value;
    if (!country)
      throw new InputError(`${where('country')}: not a country wen knows`, { hint: 'write an ISO code (NG) or a name (Nigeria)' });
    let term: string | null = null;
    if (get('term')) {
      term = termCode(get('term')).value;
      if (!term)
        throw new InputError(`${where('term')}: not a CITES term`, { hint: 'write a term code (SCA) or name (scales), or leave it empty' });
    }
    const [min, mode, max] = [share('min'), share('mode'), share('max')];
    if (!(min <= mode && mode <= max))
      throw new InputError(`${path}:${row}: min ${min}, mode ${mode}, max ${max} are not in order`, { hint: 'min ≤ mode ≤ max' });
    return {
      rate_row: row,
      country,
      taxon: get('taxon') || null,
      term,
      from_year: year('from_year'),
      to_year: year('to_year'),
      min,
      mode,
      max,
      source: get('source') || null,
    };
  });
}

/** A draw from the triangular distribution (min a, mode c, max b) by its inverse CDF. */
function triangular(u: number, a: number, c: number, b: number): number {
  if (b === a) return a;
  const f = (c - a) / (b - a);
  return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/**
 * Draws from the PERT distribution (min a, mode c, max b): a Beta(α, β) stretched over [a, b], with
 * α = 1 + 4(c − a)/(b − a), β = 1 + 4(b − c)/(b − a) (the classic PERT, λ = 4), whose mean
 * (a + 4c + b) / 6 leans on the mode more than the triangular's (a + c + b) / 3. The Beta draws are
 * @stdlib's, fed by the group's own seeded stream (an inverse-CDF draw cost ten times as much).
 */
function pertDraws(uniform: () => number, a: number, c: number, b: number): () => number {
  if (b === a) return () => a;
  const draw = loadBeta().factory(1 + (4 * (c - a)) / (b - a), 1 + (4 * (b - c)) / (b - a), { prng: uniform });
  return () => a + (b - a) * draw();
}

/** Draws from the triangular distribution by its inverse CDF, one uniform each. */
function triangularDraws(uniform: () => number, a: number, c: number, b: number): () => number {
  return () => triangular(uniform(), a, c, b);
}

/** The distributions a rate can be drawn from (--distribution). */
export const DISTRIBUTIONS = { triangular: triangularDraws, pert: pertDraws } as const;
export type Distribution = keyof typeof DISTRIBUTIONS;

/** FNV-1a of a text: the seed of each group's own stream, so one group's draws do not depend on which others are selected. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface Simulation {
  rateMean: number;
  estimate: (seized: number | null) => { mean: number; low: number; high: number } | null;
  variance: (seized: number | null) => number;
}

/** `draws` rates for one group, seeded by `seed` and the group's key; estimates of seized ÷ rate from them (mean and 95% interval). */
export function simulate(
  seed: number,
  key: string,
  draws: number,
  a: number,
  c: number,
  b: number,
  distribution: Distribution = 'triangular',
): Simulation {
  const next = mulberry32((seed ^ hash(key)) >>> 0);
  const draw = DISTRIBUTIONS[distribution](next, a, c, b);
  const inverse = new Float64Array(draws);
  let rateSum = 0;
  for (let i = 0; i < draws; i++) {
    const r = draw();
    rateSum += r;
    inverse[i] = 1 / r;
  }
  const sorted = Float64Array.from(inverse).sort();
  const mean = inverse.reduce((s, x) => s + x, 0) / draws;
  const variance = inverse.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, draws - 1);
  const at = (q: number) => sorted[Math.min(draws - 1, Math.max(0, Math.round(q * (draws - 1))))];
  return {
    rateMean: rateSum / draws,
    estimate: (seized) => (seized === null ? null : { mean: seized * mean, low: seized * at(0.025), high: seized * at(0.975) }),
    variance: (seized) => (seized === null ? 0 : seized * seized * variance),
  };
}
