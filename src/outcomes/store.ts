// Fills the outcomes table at load: what happened after each seizure (arrests, prosecutions,
// verdicts, custodial terms, fines, confiscation), read from the seizure's sanctions text and from
// the text kept after each person's name (actors.sanction, see src/load/names-in-text.ts). As with
// src/load/value-maps.ts, DuckDB lists the distinct texts, TypeScript parses each once, and the
// parses go back as one bound JSON parameter joined set-based to every row that carries the text.
import type { Database } from '../db/database.js';
import { referencePath } from '../reference/read-reference.js';
import { parseOutcomes } from './parse.js';

interface ParsedRow {
  given: string;
  kind: string;
  months: number | null;
  suspended: boolean | null;
  fine_amount: number | null;
  fine_currency: string | null;
  rule: string;
  text: string;
}

/** One row per outcome of a text; words no rule read become one row of kind "unparsed" (counted and listed, never guessed). */
function outcomeRows(given: string): ParsedRow[] {
  const parsed = parseOutcomes(given);
  const rows: ParsedRow[] = parsed.outcomes.map((o) => ({
    given,
    kind: o.kind,
    months: o.months,
    suspended: o.suspended,
    fine_amount: o.fineAmount,
    fine_currency: o.fineCurrency,
    rule: o.rule,
    text: o.text,
  }));
  if (parsed.unparsed)
    rows.push({
      given,
      kind: 'unparsed',
      months: null,
      suspended: null,
      fine_amount: null,
      fine_currency: null,
      rule: 'no rule read these words',
      text: parsed.unparsed,
    });
  return rows;
}

const STRUCTURE =
  '[{"given": "VARCHAR", "kind": "VARCHAR", "months": "DOUBLE", ' +
  '"suspended": "BOOLEAN", "fine_amount": "DOUBLE", "fine_currency": ' +
  '"VARCHAR", "rule": "VARCHAR", "text": "VARCHAR"}]';

/**
 * Writes the outcomes of the given sources (every source when `sourceIds` is null, as the schema-8
 * upgrade does for a database loaded before the table existed), replacing any they had.
 */
export async function writeOutcomes(db: Database, sourceIds: number[] | null): Promise<void> {
  const ids = sourceIds === null ? null : JSON.stringify(sourceIds);
  const inSources = (alias: string) => `($ids IS NULL OR ${alias}.source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]'))))`;
  await db.run(`DELETE FROM outcomes o WHERE ${inSources('o')}`, { ids });
  // A seizure whose sanctions cell was read into persons ("张某:13 years\n李某:1 year") has its
  // outcomes on those persons: reading the cell again for the seizure would count each sentence twice.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE outcome_texts AS
     SELECT s.source_id, s.seizure_id, NULL::BIGINT AS actor_id, s.date, s.sanctions AS given FROM seizures s
     WHERE ${inSources('s')} AND nullif(trim(s.sanctions), '') IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.seizure_id = s.seizure_id AND a.sanction IS NOT NULL AND a.name_as_given IS NOT NULL
                       AND contains(s.sanctions, a.name_as_given) AND contains(s.sanctions, a.sanction))
     UNION ALL
     SELECT a.source_id, a.seizure_id, a.actor_id, s.date, a.sanction FROM actors a JOIN seizures s USING (seizure_id)
     WHERE ${inSources('a')} AND nullif(trim(a.sanction), '') IS NOT NULL`,
    { ids },
  );
  const distinct = (await db.one<{ texts: string[] | null }>('SELECT list(DISTINCT given) AS texts FROM outcome_texts'))!.texts ?? [];
  const rows = distinct.flatMap(outcomeRows);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE map_outcomes (given VARCHAR, kind ` +
      `VARCHAR, months DOUBLE, suspended BOOLEAN, fine_amount DOUBLE, ` +
      `fine_currency VARCHAR, rule VARCHAR, text VARCHAR)`,
  );
  if (rows.length)
    await db.run(`INSERT INTO map_outcomes SELECT unnest(from_json($rows, '${STRUCTURE}'), recursive := true)`, {
      rows: JSON.stringify(rows),
    });
  // Fines in US dollars at the bundled rates of the seizure's year (an analysis may convert again with --rates).
  await db.run(
    `CREATE OR REPLACE TEMP TABLE outcome_rates AS
     SELECT upper(trim(currency)) AS currency, year::INTEGER AS year, per_usd::DOUBLE AS per_usd
     FROM read_csv($path, comment = '#', header = true, columns = {'currency': 'VARCHAR', 'year': 'VARCHAR', 'per_usd': 'VARCHAR'},
       auto_detect = false)
     WHERE per_usd::DOUBLE > 0`,
    { path: referencePath('usd-rates.csv') },
  );
  await db.run(
    `INSERT INTO outcomes (source_id, seizure_id, actor_id, kind, months, suspended, fine_amount, fine_currency, fine_usd, rule, text)
     SELECT t.source_id, t.seizure_id, t.actor_id, m.kind, m.months, m.suspended, m.fine_amount, m.fine_currency,
            CASE WHEN m.fine_currency = 'USD' THEN m.fine_amount ELSE m.fine_amount / r.per_usd END, m.rule, m.text
     FROM outcome_texts t JOIN map_outcomes m USING (given)
     LEFT JOIN outcome_rates r ON r.currency = m.fine_currency AND r.year = year(t.date)
     UNION ALL
     -- The arrest date of a person is a structured column: it says arrested whatever the text says.
     SELECT a.source_id, a.seizure_id, a.actor_id, 'arrested', NULL, NULL, NULL, NULL, NULL, 'arrest date given', a.arrest_date::VARCHAR
     FROM actors a WHERE ${inSources('a')} AND a.arrest_date IS NOT NULL
     ORDER BY 2, 3 NULLS FIRST`,
    { ids },
  );
  for (const table of ['outcome_texts', 'map_outcomes', 'outcome_rates']) await db.run(`DROP TABLE ${table}`);
}
