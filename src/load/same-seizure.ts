// One seizure told by two sources: an AITR row and an Ecomessage case (or a media report) of the same
// seizure must count once. Sources overlap only in part, so they are reconciled pair by pair, not
// simply added: at every load the new seizures are compared, set-based, with the seizures of every
// other source, and the pairs that agree enough are stored in `seizure_links` with their evidence and
// score. Who speaks for the case is decided when reading (src/analysis/selection.ts), by the grade of
// each record's source: an official report first, then an enforcement case, then anything else.
//
// The rule (each agreement scores; a pair is linked at SAME_SEIZURE_SCORE or more, and never across
// seizing countries or between two seizures of one source):
//   the same reference or case number (letters and digits)    2
//   a document number in common (4+ characters, a digit)      2
//   dates within DATE_WINDOW_DAYS (both dated to the day)     1 the same day, 0.5 within the window
//   a taxon in common                                          1
//   total kilograms (or items) within QUANTITY_TOLERANCE       1
// So the same day, taxon and quantity (3) link, as do a reference or a document with a taxon in
// common; dates a few days apart with the same taxon and quantity (2.5), or a reference alone (2), do not.
import type { Database } from '../db/database.js';

const DATE_WINDOW_DAYS = 3;
const QUANTITY_TOLERANCE = 0.1;
const SAME_SEIZURE_SCORE = 3;

/** The grade of a source's profile: the lower, the more it speaks for a case seen twice. */
const SOURCE_GRADE_SQL = `CASE profile WHEN 'aitr' THEN 1 WHEN 'ecomessage' THEN 2 ELSE 3 END`;

/** Links the seizures of source `sourceId` to those of other sources that tell the same seizure. Returns the links made. */
export async function linkSameSeizures(db: Database, sourceId: number): Promise<number> {
  // a database of one source has nothing to reconcile (and a big first load pays nothing)
  const others = (await db.one<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM seizures WHERE source_id <> $source LIMIT 1)',
    { source: sourceId },
  ))!.n;
  if (!others) return 0;
  const before = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM seizure_links'))!.n;
  await db.run(
    `INSERT INTO seizure_links (seizure_a, seizure_b, score, evidence)
     WITH facts AS (
       SELECT s.seizure_id, s.source_id, s.seizure_country AS country, s.date, s.date_precision,
         nullif(number_key(s.seizure_ref), '') AS ref,
         (SELECT list(DISTINCT taxon) FROM specimens sp WHERE sp.seizure_id = s.seizure_id AND taxon IS NOT NULL) AS taxa,
         (SELECT sum(quantity_kg) FROM specimens sp WHERE sp.seizure_id = s.seizure_id) AS kg,
         (SELECT sum(quantity_count) FROM specimens sp WHERE sp.seizure_id = s.seizure_id) AS items,
         (SELECT list(DISTINCT number_key(d.number)) FROM documents d
           WHERE d.seizure_id = s.seizure_id AND length(number_key(d.number)) >= 4 AND regexp_matches(d.number, '[0-9]')) AS docs
       FROM seizures s WHERE s.seizure_country IN (SELECT seizure_country FROM seizures WHERE source_id = $source AND seizure_country <>
         'XX')
     ),
     -- candidates by equality only (a day of the window, a reference, a document), so that the cost
     -- follows the pairs that share something, never countries × countries
     new_facts AS (FROM facts WHERE source_id = $source),
     candidates AS (
       SELECT n.seizure_id AS a, o.seizure_id AS b FROM new_facts n, range(-${DATE_WINDOW_DAYS}, ${DATE_WINDOW_DAYS + 1}) r(k)
         JOIN facts o ON o.country = n.country AND o.date = n.date + r.k::INTEGER AND o.date_precision = 'day'
         WHERE n.date_precision = 'day' AND o.source_id <> n.source_id
       UNION SELECT n.seizure_id,
         o.seizure_id FROM new_facts n JOIN facts o ON o.country = n.country AND o.ref = n.ref AND o.source_id <> n.source_id
       UNION SELECT n.seizure_id, o.seizure_id FROM (SELECT seizure_id, country, source_id, unnest(docs) AS doc FROM new_facts) n
         JOIN (SELECT seizure_id, country, source_id, unnest(docs) AS doc FROM facts) o ON o.country = n.country AND o.doc = n.doc AND
           o.source_id <> n.source_id
     ),
     pairs AS (
       SELECT c.a, c.b,
         CASE WHEN n.ref = o.ref THEN 2 ELSE 0 END AS s_ref,
         CASE WHEN list_has_any(n.docs, o.docs) THEN 2 ELSE 0 END AS s_doc,
         CASE WHEN n.date_precision = 'day' AND o.date_precision = 'day' THEN
           CASE WHEN n.date = o.date THEN 1 WHEN abs(date_diff('day', n.date, o.date)) <= ${DATE_WINDOW_DAYS} THEN 0.5 ELSE 0 END ELSE 0 END
             AS s_date,
         CASE WHEN list_has_any(n.taxa, o.taxa) THEN 1 ELSE 0 END AS s_taxon,
         CASE WHEN n.kg > 0 AND o.kg > 0 AND abs(n.kg - o.kg) <= ${QUANTITY_TOLERANCE} * greatest(n.kg, o.kg) THEN 1
              WHEN n.items > 0 AND o.items > 0 AND abs(n.items - o.items) <= ${QUANTITY_TOLERANCE} * greatest(n.items, o.items) THEN 1 ELSE
                0 END AS s_quantity
       FROM candidates c JOIN facts n ON n.seizure_id = c.a JOIN facts o ON o.seizure_id = c.b
     )
     SELECT least(a, b), greatest(a, b), s_ref + s_doc + s_date + s_taxon + s_quantity,
       concat_ws('; ', CASE WHEN s_ref > 0 THEN 'same reference' END, CASE WHEN s_doc > 0 THEN 'a document in common' END,
         CASE WHEN s_date = 1 THEN 'same day' WHEN s_date > 0 THEN 'dates within ${DATE_WINDOW_DAYS} days' END,
         CASE WHEN s_taxon > 0 THEN 'a taxon in common' END,
           CASE WHEN s_quantity > 0 THEN 'quantities within ${QUANTITY_TOLERANCE * 100}%' END)
     FROM pairs
     WHERE s_ref + s_doc + s_date + s_taxon + s_quantity >= ${SAME_SEIZURE_SCORE}
       AND NOT EXISTS (SELECT 1 FROM seizure_links l WHERE l.seizure_a = least(a, b) AND l.seizure_b = greatest(a, b))`,
    { source: sourceId },
  );
  return (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM seizure_links'))!.n - before;
}

/**
 * The seizures another record speaks for: of each linked pair, the one whose source has the lower
 * grade (then the later source, then the higher id) gives way. One statement, for the selection.
 */
export const SPOKEN_FOR_SQL = `
  WITH ranked AS (
    SELECT s.seizure_id, ${SOURCE_GRADE_SQL} AS grade, s.source_id FROM seizures s JOIN sources USING (source_id)
    WHERE s.seizure_id IN (SELECT seizure_a FROM seizure_links UNION SELECT seizure_b FROM seizure_links)
  )
  SELECT DISTINCT CASE WHEN (x.grade, x.source_id, x.seizure_id) > (y.grade, y.source_id, y.seizure_id) THEN x.seizure_id ELSE y.seizure_id
    END AS seizure_id
  FROM seizure_links l JOIN ranked x ON x.seizure_id = l.seizure_a JOIN ranked y ON y.seizure_id = l.seizure_b`;
