// A filter that selects nothing is usually a filter mistyped or a name the data writes otherwise
// (`--species Manidea`, `--term ivory` on a file of tusks, `--country FR` on a West African file).
// Before an analysis runs, each name filter is checked against the whole database (not against the
// other filters: "nothing in 2019" is a true answer, "no such species" is a question back) and, when
// it matches no record, the run stops with exit 2 and the closest names the database holds.
import type { Database } from '../db/database.js';
import { UsageError } from '../errors.js';
import { countryName } from '../normalise/countries.js';
import { closest, didYouMeanOf } from '../normalise/closest.js';
import { withImportedTaxa } from '../reference/import.js';
import { speciesFlag, type Filters } from './filters.js';

/** The one species condition, on a specimen aliased `sp`: the name at any rank, case folded. */
export const SPECIES_CONDITION =
  `($species IS NULL OR lower($species) IN (lower(sp.taxon), lower(sp.genus), ` +
  `lower(sp.family), lower(sp.order_name), lower(sp.class_name), ` +
  `lower(replace(sp.taxon, ' spp.', ''))))`;

/** Every seizure field that names a country, for "is this country in the data at all". */
const COUNTRY_NAMED = `$country IN (s.seizure_country, s.reporting_country, s.export_country) OR list_contains(s.origin_countries, $country)
  OR list_contains(s.transit_countries, $country) OR list_contains(s.destination_countries, $country)`;

/** The filters, checked; a species name is read again with the database's imported reference when the bundled reading matches nothing. */
export async function checkFiltersMatch(db: Database, filters: Filters): Promise<Filters> {
  if (!filters.species && !filters.term && !filters.country && !filters.reportingCountry) return filters;
  const any = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM seizures LIMIT 1)');
  if (!any?.n) return filters; // an empty database answers every filter with nothing, and says so in its notes

  const speciesMatches = (species: string) => exists(db, `SELECT 1 FROM specimens sp WHERE ${SPECIES_CONDITION} LIMIT 1`, { species });
  if (filters.species && filters.speciesAsGiven && !(await speciesMatches(filters.species))) {
    // A synonym or common name only the imported Checklist knows (reading it costs a few seconds, so only now).
    const again = await withImportedTaxa(db, async () => speciesFlag(filters.speciesAsGiven!));
    if (again !== filters.species && (await speciesMatches(again))) filters = { ...filters, species: again };
  }
  if (filters.species && !(await speciesMatches(filters.species))) {
    const names = await db.all<{ name: string }>(
      `SELECT DISTINCT name FROM (SELECT unnest([taxon, replace(taxon, ` +
        `' spp.', ''), genus, family, order_name, class_name]) AS name ` +
        `FROM specimens) WHERE name IS NOT NULL`,
    );
    const read = filters.speciesAsGiven && filters.species !== filters.speciesAsGiven ? ` (read as ${filters.species})` : '';
    throw new UsageError(`--species "${filters.speciesAsGiven ?? filters.species}"${read} matches no specimen in this database`, {
      hint: suggestion(
        closest(
          filters.speciesAsGiven ?? filters.species,
          names.map((r) => r.name),
        ),
        'wen analyze target-species lists the species it holds',
      ),
    });
  }
  if (filters.term && !(await exists(db, 'SELECT 1 FROM specimens WHERE term = $term LIMIT 1', { term: filters.term }))) {
    const terms = await db.all<{ term: string }>(
      'SELECT term FROM specimens WHERE term IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8',
    );
    throw new UsageError(`--term ${filters.term} matches no specimen in this database`, {
      hint: terms.length ? `its terms are ${terms.map((t) => t.term).join(', ')}` : 'no specimen in it has a term',
    });
  }
  for (const [flag, code, condition] of [
    ['--country', filters.country, COUNTRY_NAMED],
    ['--reporting-country', filters.reportingCountry, 's.reporting_country = $country'],
  ] as const) {
    if (!code || (await exists(db, `SELECT 1 FROM seizures s WHERE ${condition} LIMIT 1`, { country: code }))) continue;
    const held = await db.all<{ code: string }>(
      `SELECT DISTINCT code FROM (SELECT unnest([s.seizure_country, s.reporting_country, s.export_country]
        || coalesce(s.origin_countries, [])
         || coalesce(s.transit_countries, []) || coalesce(s.destination_countries, [])) AS code FROM seizures s) WHERE code IS NOT NULL`,
    );
    const byName = new Map(held.map((h) => [countryName(h.code) ?? h.code, h.code]));
    const near = closest(countryName(code) ?? code, byName.keys()).map((name) => `${byName.get(name)} (${name})`);
    throw new UsageError(`${flag} ${code} (${countryName(code) ?? code}) is named by no seizure in this database`, {
      hint: suggestion(near, 'wen analyze routes --view countries lists the countries it holds'),
    });
  }
  return filters;
}

async function exists(db: Database, sql: string, params: Record<string, unknown>): Promise<boolean> {
  return (await db.all(sql, params as never)).length > 0;
}

function suggestion(names: string[], otherwise: string): string {
  return didYouMeanOf(names) ?? otherwise;
}
