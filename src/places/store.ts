// Writes the places table: every (place, city or port cell, seizure country) of the given sources that
// the table lacks, matched by src/places/match.ts. DuckDB lists the distinct pairs; each is matched
// once in TypeScript and the results go back as one bound JSON parameter, as the value maps do
// (src/load/value-maps.ts): work grows with the distinct places, not the rows. A load without place
// cells lists nothing and never reads the gazetteer.
import type { Database } from '../db/database.js';
import { matchPlace } from './match.js';

const STRUCTURE = '[{"as_given": "VARCHAR", "country": "VARCHAR", "kind": "VARCHAR", "name": "VARCHAR", "code": "VARCHAR", "place_country": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE", "rule": "VARCHAR", "confidence": "DOUBLE"}]';

/** Matches the new places of `sourceIds` (null: of every seizure); returns how many were added. */
export async function writePlaces(db: Database, sourceIds: number[] | null): Promise<number> {
  const pairs = await db.all<{ as_given: string; country: string | null }>(
    `SELECT DISTINCT v AS as_given, seizure_country AS country
     FROM (SELECT unnest([port, place, city]) AS v, seizure_country FROM seizures
           WHERE $all OR source_id IN (SELECT unnest(from_json($ids, '["INTEGER"]'))))
     WHERE v IS NOT NULL AND trim(v) <> ''
     EXCEPT SELECT as_given, country FROM places`,
    { all: sourceIds === null, ids: JSON.stringify(sourceIds ?? []) },
  );
  if (!pairs.length) return 0;
  const rows = pairs.map(({ as_given, country }) => {
    const m = matchPlace(as_given, country);
    return { as_given, country, kind: m.kind, name: m.name, code: m.code, place_country: m.country, latitude: m.latitude, longitude: m.longitude, rule: m.rule, confidence: m.confidence };
  });
  await db.run(`INSERT INTO places SELECT unnest(from_json($rows, '${STRUCTURE}'), recursive := true)`, { rows: JSON.stringify(rows) });
  return rows.length;
}
