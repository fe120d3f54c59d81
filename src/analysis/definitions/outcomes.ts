// outcomes: what enforcement made of the seizures (the ICCWC indicators) — the funnel seizures →
// arrests → prosecutions → convictions with its rates, custodial terms, and fines against the seized
// value, per seizing country and year (and taxon). It reads the outcomes table, which the loader
// fills from sanctions text (src/outcomes/); this definition only shapes and draws the result.
// No view shows a name or a sanctions text (only counts, terms and sums), so it needs no --redact.
import type { AnalysisDefinition, Row } from '../definition.js';

/** The funnel's stages, in order, with the column that counts each. */
/** The bands of the sentences view, in order (queries/outcomes.sentences.sql holds the same). */
const BANDS = ['under 6 months', '6–11 months', '1–2 years', '2–5 years', '5–10 years', '10 years or more', 'life'];

const STAGES: Array<[stage: string, column: string]> = [
  ['1 seizures', 'seizures'],
  ['2 with an arrest', 'arrests'],
  ['3 prosecuted', 'prosecuted'],
  ['4 convicted', 'convicted'],
];

export const outcomes: AnalysisDefinition = {
  name: 'outcomes',
  title: 'Enforcement outcomes',
  question:
    'What followed the seizures — arrests, prosecutions, convictions, prison terms and fines against the seized value (ICCWC indicators)?',
  options: [
    {
      flags: '--rank <rank>',
      key: 'rank',
      description: 'also split by taxon at this rank (none: all taxa together)',
      choices: ['none', 'species', 'genus', 'family', 'order', 'class'],
      default: 'none',
    },
  ],
  columns: {
    country: 'seizing country (the reporting country when none is given)',
    year: 'year of the seizure',
    taxon: "taxon at --rank ('all taxa' without it)",
    seizures: 'seizures selected',
    with_outcome: 'seizures with any sanctions text read (outcomes table)',
    arrests: "seizures with an arrest stated (text or a person's arrest date)",
    prosecuted: 'seizures charged, prosecuted or with a verdict',
    convicted: 'seizures with a conviction, a custodial term or a fine',
    acquitted: 'seizures with an acquittal',
    pending: 'seizures whose case is pending',
    dismissed: 'seizures whose case was dismissed or closed',
    unparsed: 'seizures with sanctions words no rule read (see the outcomes table, kind unparsed)',
    arrest_rate: 'arrests / seizures',
    prosecution_rate: 'prosecuted / seizures',
    conviction_rate: 'convicted / prosecuted',
    custodial_terms: 'custodial terms (one person may have several)',
    suspended_terms: 'of them suspended',
    life_terms: 'of them for life (no months)',
    median_months: 'median custodial term in months (life terms aside)',
    p25_months: 'first quartile, months',
    p75_months: 'third quartile, months',
    max_months: 'longest term, months',
    fines: 'fines with an amount',
    fines_unconverted: 'of them with no US dollar value (no currency, an ambiguous one, or no rate)',
    fines_usd: 'fines in US dollars',
    fined_seizures_value_usd: 'seized value of the seizures whose fines are all in dollars',
    deterrence_ratio: 'their fines / their seized value',
    // No source wen reads gives a verdict date: the time measured is from the seizure to the arrest.
    arrests_dated: 'persons with an arrest date and a seizure date',
    median_days_to_arrest: "median days from the seizure to the person's arrest",
    max_days_to_arrest: 'longest days from the seizure to an arrest',
    verdicts_dated: "seizures with a verdict date (a file's verdict_date field, e.g. a court table's judgment date) and a seizure date",
    median_days_to_verdict: 'median days from the seizure to the verdict',
    median_days_arrest_to_verdict: 'median days from each dated arrest to the verdict',
  },
  views: { sentences: 'the distribution of custodial terms in bands of months, per country (and taxon)' },
  viewColumns: {
    sentences: {
      country: 'seizing country (the reporting country when none is given)',
      taxon: "taxon at --rank ('all taxa' without it)",
      band: 'band of the term: under 6 months, 6–11 months, 1–2 years, 2–5 years, 5–10 years, 10 years or more, life',
      months_from: 'the band starts at this many months (included)',
      months_to: 'the band ends before this many months (none: no end)',
      terms: 'custodial terms in the band (one person may have several)',
      suspended_terms: 'of them suspended',
      share: 'terms / all terms of the country (and taxon)',
    },
  },
  countryColumns: ['country'],
  params: (o) => ({ rank: String(o.rank) }),
  notes: (rows, { view }) => {
    if (view === 'sentences') return ['a term counts once per person and sentence; bands include their start and end before the next band'];
    const sum = (c: string) => rows.reduce((n, r) => n + Number(r[c] ?? 0), 0);
    const notes = [
      'stages count seizures: prosecuted = charged, prosecuted or a ' +
        'verdict; convicted = a conviction, a custodial term or a fine; ' +
        'an arrest only when stated',
    ];
    if (sum('unparsed'))
      notes.push(
        `${sum('unparsed')} seizure(s) have sanctions words no rule read: ` +
          `SELECT text, count(*) FROM outcomes WHERE kind = 'unparsed' GROUP ` +
          `BY 1 lists them`,
      );
    if (sum('fines_unconverted'))
      notes.push(
        `${sum('fines_unconverted')} fine(s) have no US dollar value ` +
          `(no currency, an ambiguous one, or no rate for the year) and ` +
          `are left out of fines_usd`,
      );
    return notes;
  },
  chart: (rows: Row[], { view }) => {
    if (view === 'sentences') return sentencesChart(rows);
    // Per-taxon rows count a seizure once per taxon: the funnel is drawn from one row per seizure group.
    const totals = STAGES.map(([stage, column]) => ({ stage, seizures: rows.reduce((n, r) => n + Number(r[column] ?? 0), 0) }));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Enforcement funnel: seizures → arrests → prosecutions → convictions',
      data: { values: totals },
      width: 520,
      height: 160,
      layer: [
        {
          mark: 'bar',
          encoding: {
            y: { field: 'stage', type: 'nominal', sort: null, title: null },
            x: { field: 'seizures', type: 'quantitative', title: 'seizures' },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3 },
          encoding: {
            y: { field: 'stage', type: 'nominal', sort: null },
            x: { field: 'seizures', type: 'quantitative' },
            text: { field: 'seizures', type: 'quantitative' },
          },
        },
      ],
    };
  },
};

/** The sentences view drawn as one bar per band, all countries together, suspended terms stacked apart. */
function sentencesChart(rows: Row[]): object {
  const values = BANDS.flatMap((band) => {
    const of = rows.filter((r) => r.band === band);
    const terms = of.reduce((n, r) => n + Number(r.terms), 0);
    const suspended = of.reduce((n, r) => n + Number(r.suspended_terms), 0);
    return [
      { band, kind: 'to serve', terms: terms - suspended },
      { band, kind: 'suspended', terms: suspended },
    ];
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Custodial terms by length',
    data: { values },
    width: 520,
    height: 240,
    mark: 'bar',
    encoding: {
      x: { field: 'band', type: 'ordinal', sort: BANDS, title: 'term' },
      y: { field: 'terms', type: 'quantitative', stack: 'zero', title: 'custodial terms' },
      color: { field: 'kind', type: 'nominal', sort: ['to serve', 'suspended'], title: null },
    },
  };
}
