// The annual illegal trade summary: selects the year and the year before (for the comparison),
// runs each section's SQL with bound parameters, and the data-quality analysis for the annex.
// Returns plain rows and chart specs; render.ts and write.ts turn them into files.
import { readFileSync } from 'node:fs';
import type { Row } from '../analysis/definition.js';
import { dataQuality } from '../analysis/definitions/data-quality.js';
import { outcomes } from '../analysis/definitions/outcomes.js';
import { filtersFrom } from '../analysis/filters.js';
import { currencyNotes, QUERIES_DIR, runAnalysis, spokenForNotes } from '../analysis/run.js';
import { selectRecords, type StandardRequest } from '../analysis/selection.js';
import { standardNotes } from '../analysis/standard.js';
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';
import { countryName } from '../normalise/countries.js';
import { withCountryNames } from '../output/export.js';
import { referencePath } from '../reference/read-reference.js';
import { countryIn, type Lang, messagesFor } from './i18n/index.js';
import { printable, SECTIONS, type SectionSpec } from './sections.js';

export interface ReportOptions {
  year: number;
  reportingCountry?: string; // a name or code, as typed
  ratesPath?: string;
  /** The year whose rates convert undated values (--rate-year). */
  rateYear?: number;
  /** Rows in the ranked tables (species, routes, countries). */
  top: number;
  /** --standardise: the top species gain estimated kilograms and whole organisms. */
  standardise?: StandardRequest;
  /** The language of the titles, texts and country names (--lang; default en). */
  lang?: Lang;
}

/** Columns of the standard quantities, shown only when they were asked for. */
const STANDARD_ONLY = ['kg_estimated', 'organisms'];

export interface ReportSection {
  id: string;
  title: string;
  about: string;
  annex: boolean;
  columns: string[];
  rows: Row[];
  chart: object | null;
}

export interface AnnualReport {
  year: number;
  lang: Lang;
  reporting_country: string | null;
  reporting_country_name: string | null;
  generated_at: string;
  headline: Record<string, number | null>;
  notes: string[];
  sections: ReportSection[];
}

/** Columns of the outcomes section, read from the outcomes analysis (its rates shown as percentages). */
const OUTCOME_COLUMNS = [
  'country',
  'seizures',
  'with_outcome',
  'arrests',
  'prosecuted',
  'convicted',
  'arrest_pct',
  'prosecution_pct',
  'conviction_pct',
  'custodial_terms',
  'median_months',
  'fines_usd',
  'fines_unconverted',
];

/** Columns of the data-quality analysis shown in the annex (the year and status are elsewhere). */
const QUALITY_COLUMNS = [
  'reporting_country',
  'seizures',
  'completeness_pct',
  'day_date_pct',
  'species_pct',
  'quantity_pct',
  'origin_pct',
  'destination_pct',
  'transport_pct',
  'detection_pct',
  'value_pct',
  'values_kept_as_given',
  'rejected_rows_in_sources',
];

/** Sections read from an analysis rather than from a SQL file of queries/annual-report/. */
const RUN_AFTER = ['outcomes', 'data-quality'];

export async function buildAnnualReport(db: Database, options: ReportOptions): Promise<AnnualReport> {
  const { year } = options;
  const lang = options.lang ?? 'en';
  const filters = filtersFrom({ from: String(year - 1), to: String(year), reportingCountry: options.reportingCountry });
  const selection = await selectRecords(db, filters, options.ratesPath, options.rateYear, options.standardise);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE taxonomic_groups AS SELECT class, taxonomic_group
     FROM read_csv($path, comment = '#', header = true, columns = {'class': 'VARCHAR', 'taxonomic_group': 'VARCHAR'}, auto_detect = false)`,
    { path: referencePath('taxonomic-groups.csv') },
  );
  await db.run(
    `CREATE OR REPLACE TEMP VIEW report_specimens AS
     SELECT sp.*, coalesce(g.taxonomic_group, sp.class_name, 'not identified') AS taxonomic_group
     FROM f_specimens sp LEFT JOIN taxonomic_groups g ON g.class = sp.class_name`,
  );
  await requireSeizuresIn(db, year, filters.reportingCountry);

  const sections: ReportSection[] = [];
  for (const spec of SECTIONS.filter((s) => !RUN_AFTER.includes(s.id))) {
    const sql = readFileSync(`${QUERIES_DIR}annual-report/${spec.id}.sql`, 'utf8');
    const result = await db.table<Row>(sql, { year, top: options.top });
    const columns = options.standardise ? result.columns : result.columns.filter((c) => !STANDARD_ONLY.includes(c));
    sections.push(
      section(
        spec,
        result.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))),
        columns,
        year,
        lang,
      ),
    );
  }
  // The outcomes section and the annex reuse their analyses (one home for the funnel's stages and the
  // completeness rules), restricted to the year; they reselect the records, so they run last.
  const yearOnly = filtersFrom({ from: String(year), to: String(year), reportingCountry: options.reportingCountry });
  const funnel = await runAnalysis(db, outcomes, yearOnly, {}, { ratesPath: options.ratesPath, rateYear: options.rateYear });
  const pct = (rate: unknown) => (rate === null || rate === undefined ? null : Math.round(Number(rate) * 1000) / 10);
  const outcomeRows = funnel.rows
    // A country that wrote no sanctions is unknown, not zero: left out.
    .filter((r) => r.year === year && Number(r.with_outcome) > 0)
    .sort((a, b) => Number(b.seizures) - Number(a.seizures) || String(a.country ?? '~').localeCompare(String(b.country ?? '~')))
    .slice(0, options.top)
    .map((r) => Object.fromEntries(OUTCOME_COLUMNS.map((c) => [c, c.endsWith('_pct') ? pct(r[c.replace('_pct', '_rate')]) : r[c]])));
  const outcomesSpec = SECTIONS.find((s) => s.id === 'outcomes')!;
  sections.splice(SECTIONS.indexOf(outcomesSpec), 0, section(outcomesSpec, outcomeRows, OUTCOME_COLUMNS, year, lang));
  const quality = await runAnalysis(
    db,
    dataQuality,
    filtersFrom({ from: String(year), to: String(year), reportingCountry: options.reportingCountry }),
    {},
    { ratesPath: options.ratesPath, rateYear: options.rateYear },
  );
  const qualityRows = quality.rows
    .filter((r) => r.year === year && Number(r.seizures) > 0)
    .map((r) => Object.fromEntries(QUALITY_COLUMNS.map((c) => [c, r[c]])));
  const qualitySpec = SECTIONS.find((s) => s.id === 'data-quality')!;
  sections.splice(SECTIONS.indexOf(qualitySpec), 0, section(qualitySpec, qualityRows, QUALITY_COLUMNS, year, lang));

  const comparison = sections.find((s) => s.id === 'comparison')!.rows;
  const headline = Object.fromEntries(comparison.map((r) => [String(r.measure), r.this_year as number | null]));
  const notes = [
    ...spokenForNotes(selection),
    ...currencyNotes(selection, `are left out of the dollar totals of ${year - 1}–${year}`),
    ...(selection.standard ? standardNotes(selection.standard) : []),
  ];
  return {
    year,
    lang,
    reporting_country: filters.reportingCountry,
    reporting_country_name: filters.reportingCountry
      ? lang === 'en'
        ? (countryName(filters.reportingCountry) ?? filters.reportingCountry)
        : countryIn(lang, filters.reportingCountry)
      : null,
    generated_at: new Date().toISOString().slice(0, 19) + 'Z',
    headline,
    notes,
    sections,
  };
}

function section(spec: SectionSpec, rows: Row[], columns: string[], year: number, lang: Lang): ReportSection {
  const words = messagesFor(lang);
  const named = withCountryNames(rows, columns, spec.countryColumns ?? []);
  // Country names in the report's language (the codes beside them stay), so the charts show them too.
  if (lang !== 'en') {
    for (const row of named.rows)
      for (const c of spec.countryColumns ?? [])
        if (typeof row[c] === 'string' && `${c}_name` in row) row[`${c}_name`] = countryIn(lang, row[c] as string);
  }
  const text = words.sections[spec.id];
  const chart = named.rows.length && spec.chart ? spec.chart(named.rows, year, text.chart?.(year) ?? text.title(year)) : null;
  return {
    id: spec.id,
    title: text.title(year),
    about: text.about,
    annex: Boolean(spec.annex),
    columns: named.columns,
    rows: named.rows,
    chart: chart ? printable(chart, words.chartWords, words.values) : null,
  };
}

/** A report of a year with no seizures would be all blanks: say which years there are instead. */
async function requireSeizuresIn(db: Database, year: number, reportingCountry: string | null): Promise<void> {
  const found = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM f_seizure_base WHERE year = $year', { year });
  if (found!.n > 0) return;
  const years = await db.one<{ first: number | null; last: number | null }>(
    'SELECT min(year(date)) AS first, max(year(date)) AS last FROM seizures WHERE $country IS NULL OR reporting_country = $country',
    { country: reportingCountry },
  );
  const who = reportingCountry ? ` reported by ${reportingCountry}` : '';
  throw new UsageError(`no seizures dated ${year}${who} in the database`, {
    hint: years?.first ? `seizures${who} are dated ${years.first}–${years.last}` : `nothing${who} is loaded yet: wen load FILE`,
  });
}
