// Who is who: the one step that decides which actor records are the same person or company, run at
// every load inside its transaction and stored in `identities` (actor → identity, the rule and the
// evidence), which every analysis, report and bulletin reads. It is incremental: only records without
// an identity are resolved, against each other and against the identities already stored, which
// never change (an old identity is one node here, so a new record joins at most one of them).
// Candidate links come from set-based joins on keys (passport and ID numbers, name key, alias, birth
// date, a similar name, the same name in another script with a second piece of agreement). Links
// are joined into clusters, not pairs: a cluster holding two records whose strong identifiers
// conflict (different passports or ID numbers, birth dates more than a year apart, different sexes),
// or two old identities, is cut at its weakest links until none does, and each cut is recorded.
// Every step is a statement over whole tables; the loop runs once per propagation step or cut round.
import type { Database } from '../db/database.js';
import { mapNameKeys } from './name-key.js';

/** Jaro-Winkler similarity from which two names that share a word are candidates. */
export const SIMILAR_NAME = 0.92;

/** How strong each kind of link is: a cluster that must be cut loses its weakest links first. */
const STRENGTH = {
  passport: 1.5,
  id: 1.5,
  name: 0.8,
  birth: 0.76,
  alias: 0.72,
  script: 0.72,
  similar: 0.7, // times the similarity
};

/** Identifiers compared without spaces, dashes or case: "B 123-456" is "B123456". */
const IDENTIFIERS = (column: string) => `coalesce(list_filter(list_transform(${column}, p -> number_key(p)), p -> p <> ''), [])`;

/** A name long enough to link on: four letters in Latin script, two in a script that writes a syllable or word per letter. */
const LINKABLE = (key: string) => `(length(${key}) > 3 OR (length(${key}) >= 2 AND regexp_matches(${key}, '[^a-z0-9 ]')))`;

/** Two records whose strong identifiers disagree (and that share none): never one identity. */
const CONFLICT = (x: string, y: string) => `(
  (len(${x}.passports) > 0 AND len(${y}.passports) > 0 AND NOT list_has_any(${x}.passports, ${y}.passports))
  OR (len(${x}.ids) > 0 AND len(${y}.ids) > 0 AND NOT list_has_any(${x}.ids, ${y}.ids))
  OR coalesce(abs(date_diff('day', ${x}.birth_date, ${y}.birth_date)) > 366, false)
  OR coalesce(${x}.sex <> ${y}.sex, false))`;
const CONFLICT_REASON = (x: string, y: string) => `CASE
  WHEN len(${x}.passports) > 0 AND len(${y}.passports) > 0
      AND NOT list_has_any(${x}.passports, ${y}.passports) THEN 'different passport numbers'
  WHEN len(${x}.ids) > 0 AND len(${y}.ids) > 0 AND NOT list_has_any(${x}.ids, ${y}.ids) THEN 'different ID numbers'
  WHEN coalesce(abs(date_diff('day', ${x}.birth_date, ${y}.birth_date)) > 366, false) THEN 'birth dates more than a year apart'
  ELSE 'different sexes' END`;
const SHARE_STRONG = (x: string, y: string) => `(list_has_any(${x}.passports, ${y}.passports) OR list_has_any(${x}.ids, ${y}.ids))`;

/** Resolves every person and company record that has no identity yet. Returns how many were resolved. */
export async function resolveIdentities(db: Database): Promise<number> {
  const fresh = (await db.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM actors a WHERE a.kind IN ('person', 'company') AND a.name_normalised IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM identities i WHERE i.actor_id = a.actor_id)`,
  ))!.n;
  if (fresh === 0) return 0;
  await mapNameKeys(db, 'id_alias_keys', `SELECT unnest(aliases) FROM actors WHERE len(aliases) > 0 AND kind IN ('person', 'company')`);

  // Every record that can be resolved; an old one stands for its identity (node = -identity_id).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE id_rec AS
    SELECT a.actor_id, coalesce(-i.identity_id, a.actor_id) AS node, i.identity_id IS NULL AS is_new, a.seizure_id, a.kind,
      a.name_normalised AS nk, a.name_latin AS lk, a.aliases, a.nationality, a.sex, a.birth_date,
      ${IDENTIFIERS('a.passport_numbers')} AS passports, ${IDENTIFIERS('a.id_numbers')} AS ids,
      coalesce(list_filter(list_transform(a.phones, p -> phone_key(p)), p -> length(p) > 5), []) AS phones
    FROM actors a LEFT JOIN identities i USING (actor_id)
    WHERE a.kind IN ('person', 'company') AND a.name_normalised IS NOT NULL`);

  // Candidate links, each with at least one new record. Links on names are refused between records
  // that disagree (any identifier, birth date or nationality): those are namesakes.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE id_links AS
    WITH keys AS (
      SELECT actor_id, is_new, 'same passport number' AS rule, p AS k FROM id_rec, unnest(passports) t(p)
      UNION ALL SELECT actor_id, is_new, 'same ID number', i FROM id_rec, unnest(ids) t(i)
      UNION ALL SELECT actor_id, is_new, 'same name', kind || ':' || nk FROM id_rec WHERE ${LINKABLE('nk')}
    ),
    alias_keys AS (
      SELECT r.actor_id, r.is_new, r.kind || ':' || m.name_key AS k
      FROM id_rec r,
        unnest(r.aliases) t(al) JOIN id_alias_keys m ON m.given = t.al WHERE m.name_key IS NOT NULL AND ${LINKABLE('m.name_key')}
    ),
    exact AS (
      SELECT least(x.actor_id, y.actor_id) AS a, greatest(x.actor_id, y.actor_id) AS b, x.rule, NULL::DOUBLE AS similarity
      FROM keys x JOIN keys y ON x.k = y.k AND x.rule = y.rule AND x.actor_id < y.actor_id WHERE x.is_new OR y.is_new
      UNION ALL
      SELECT least(x.actor_id, y.actor_id), greatest(x.actor_id, y.actor_id), 'alias matches a name', NULL
      FROM alias_keys x JOIN keys y ON y.rule = 'same name' AND x.k = y.k AND x.actor_id <> y.actor_id WHERE x.is_new OR y.is_new
    ),
    names AS (SELECT kind, nk, bool_or(is_new) AS is_new FROM id_rec GROUP BY ALL),
    tokens AS (SELECT kind, nk, is_new, unnest(string_split(nk, ' ')) AS token FROM names),
    similar_names AS (
      SELECT DISTINCT x.kind, x.nk AS n1, y.nk AS n2, jaro_winkler_similarity(x.nk, y.nk) AS similarity
      FROM tokens x JOIN tokens y ON x.kind = y.kind AND x.token = y.token AND length(x.token) > 2 AND x.nk < y.nk
      WHERE (x.is_new OR y.is_new) AND jaro_winkler_similarity(x.nk, y.nk) >= ${SIMILAR_NAME}
    ),
    similar_links AS (
      SELECT least(x.actor_id, y.actor_id) AS a, greatest(x.actor_id, y.actor_id) AS b, 'similar name' AS rule, sn.similarity
      FROM similar_names sn JOIN id_rec x ON x.kind = sn.kind AND x.nk = sn.n1 JOIN id_rec y ON y.kind = sn.kind AND y.nk = sn.n2
      WHERE x.is_new OR y.is_new
    ),
    birth_links AS (
      SELECT x.actor_id AS a, y.actor_id AS b, 'same birth date and nationality, similar name' AS rule, NULL::DOUBLE AS similarity
      FROM id_rec x JOIN id_rec y ON x.birth_date = y.birth_date AND x.nationality = y.nationality AND x.kind = y.kind AND x.actor_id <
        y.actor_id
      WHERE (x.is_new OR y.is_new) AND x.nk <> y.nk AND jaro_winkler_similarity(x.nk, y.nk) >= 0.75
    ),
    -- The same name in another script (张伟 and Zhang Wei) is only a candidate: a second piece must agree.
    script_links AS (
      SELECT x.actor_id AS a, y.actor_id AS b,
        'same name in another script, ' || CASE WHEN x.nationality = y.nationality THEN 'same nationality'
          WHEN year(x.birth_date) = year(y.birth_date) THEN 'same birth year' WHEN x.seizure_id = y.seizure_id THEN 'same seizure'
          ELSE 'same phone' END AS rule, NULL::DOUBLE AS similarity
      FROM id_rec x JOIN id_rec y ON x.lk = y.lk AND x.kind = y.kind AND x.actor_id < y.actor_id
      WHERE (x.is_new OR y.is_new) AND x.nk <> y.nk AND length(x.lk) > 3
        AND (x.nationality = y.nationality OR year(x.birth_date) = year(y.birth_date) OR x.seizure_id = y.seizure_id OR
          list_has_any(x.phones, y.phones))
    ),
    candidates AS (
      SELECT * FROM exact WHERE rule IN ('same passport number', 'same ID number')
      UNION ALL
      SELECT n.* FROM (SELECT * FROM exact WHERE rule NOT IN ('same passport number',
        'same ID number') UNION ALL FROM similar_links UNION ALL FROM birth_links UNION ALL FROM script_links) n
      JOIN id_rec x ON x.actor_id = n.a JOIN id_rec y ON y.actor_id = n.b
      WHERE NOT (${CONFLICT('x', 'y')} OR coalesce(x.nationality <> y.nationality, false) OR coalesce(x.birth_date <> y.birth_date, false))
    )
    SELECT c.a, c.b, x.node AS u, y.node AS v, arg_max(c.rule, c.strength) AS rule, max(c.strength) AS strength,
      arg_max(c.similarity, c.strength) AS similarity
    FROM (SELECT *, CASE WHEN rule = 'same passport number' THEN ${STRENGTH.passport} WHEN rule = 'same ID number' THEN ${STRENGTH.id}
                         WHEN rule = 'same name' THEN ${STRENGTH.name} WHEN rule LIKE 'same birth date%' THEN ${STRENGTH.birth}
                         WHEN rule = 'alias matches a name' THEN ${STRENGTH.alias} WHEN rule LIKE 'same name in another script%' THEN
                           ${STRENGTH.script}
                         ELSE round(${STRENGTH.similar} * similarity, 4) END
                    -- A link on a name is stronger when more agrees: a cluster that must be cut keeps these.
                    + CASE WHEN rule IN ('same passport number', 'same ID number') THEN 0 ELSE
                        CASE WHEN x.birth_date = y.birth_date THEN 0.1 ELSE 0 END + CASE WHEN x.nationality = y.nationality THEN 0.05 ELSE 0
                          END
                        + CASE WHEN list_has_any(x.phones, y.phones) THEN 0.05 ELSE 0 END END AS strength
          FROM candidates JOIN id_rec x ON x.actor_id = candidates.a JOIN id_rec y ON y.actor_id = candidates.b) c
    JOIN id_rec x ON x.actor_id = c.a JOIN id_rec y ON y.actor_id = c.b
    WHERE x.node <> y.node
    GROUP BY c.a, c.b, x.node, y.node`);
  await db.run('CREATE OR REPLACE TEMP TABLE id_cuts (a BIGINT, b BIGINT, rule VARCHAR, reason VARCHAR)');
  await db.run(`CREATE OR REPLACE TEMP TABLE id_active AS SELECT * FROM id_links`);

  // Clusters: propagate the smallest node over active links (an old identity, negative, wins), then
  // cut every cluster that holds a conflict or two old identities at its weakest links, and again.
  for (;;) {
    await labelComponents(db);
    await db.run(`
      CREATE OR REPLACE TEMP TABLE id_bad AS
      WITH members AS (SELECT r.*, l.label FROM id_rec r JOIN id_label l USING (node)),
      strong AS (FROM members WHERE len(passports) > 0 OR len(ids) > 0 OR birth_date IS NOT NULL OR sex IS NOT NULL),
      conflicts AS (
        SELECT x.label, min(${CONFLICT_REASON('x', 'y')} || ' (actors ' || x.actor_id || ' and ' || y.actor_id || ')') AS reason
        FROM strong x JOIN strong y ON x.label = y.label AND x.node < y.node
        WHERE ${CONFLICT('x', 'y')} AND NOT ${SHARE_STRONG('x', 'y')}
        GROUP BY 1
      ),
      doubled AS (SELECT label,
        'joins two earlier identities' AS reason FROM members WHERE node < 0 GROUP BY 1 HAVING count(DISTINCT node) > 1)
      SELECT label, min(reason) AS reason FROM (FROM conflicts UNION ALL FROM doubled) GROUP BY 1`);
    const bad = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM id_bad'))!.n;
    if (bad === 0) break;
    await db.run(`
      CREATE OR REPLACE TEMP TABLE id_weakest AS
      SELECT e.a, e.b, e.rule, bad.reason
      FROM id_active e JOIN id_label l ON l.node = e.u JOIN id_bad bad ON bad.label = l.label
      QUALIFY e.strength = min(e.strength) OVER (PARTITION BY l.label)`);
    await db.run('INSERT INTO id_cuts SELECT * FROM id_weakest');
    await db.run('DELETE FROM id_active USING id_weakest w WHERE id_active.a = w.a AND id_active.b = w.b');
  }

  await rejoinCutOff(db);

  // Identities: a cluster with an old identity keeps its id; a new one takes the next id, in the
  // order of its first record. Each record says which link brought it in (its strongest one).
  await db.run(`
    INSERT INTO identities (actor_id, identity_id, rule, evidence, linked_to)
    WITH clusters AS (
      SELECT label, (SELECT coalesce(max(identity_id), 0) FROM identities) + row_number() OVER (ORDER BY label) AS identity_id
      FROM (SELECT DISTINCT label FROM id_label WHERE label > 0)
      UNION ALL SELECT DISTINCT label, -label FROM id_label WHERE label < 0
    ),
    ends AS (SELECT a AS actor_id, b AS other, rule, strength, similarity FROM id_active UNION ALL SELECT b, a, rule, strength,
      similarity FROM id_active),
    best AS (SELECT actor_id, arg_max(other, strength) AS other, arg_max(rule, strength) AS rule,
      arg_max(similarity, strength) AS similarity FROM ends GROUP BY 1),
    cut_ends AS (SELECT a AS actor_id, b AS other, rule, reason FROM id_cuts UNION ALL SELECT b, a, rule, reason FROM id_cuts),
    cut AS (SELECT actor_id, string_agg('kept apart from actor ' || other || ' (' || rule || '): ' || reason,
      '; ' ORDER BY other) AS notes FROM cut_ends GROUP BY 1)
    SELECT r.actor_id, c.identity_id,
      coalesce(b.rule, CASE WHEN cut.notes IS NOT NULL THEN 'split' ELSE 'first record' END),
      nullif(concat_ws('; ', CASE WHEN b.other IS NOT NULL THEN 'actor ' || b.other || coalesce(' (similarity ' || round(b.similarity,
        2) || ')', '') END, cut.notes), ''),
      b.other
    FROM id_rec r JOIN id_label l USING (node) JOIN clusters c USING (label) LEFT JOIN best b USING (actor_id) LEFT JOIN cut USING
      (actor_id)
    WHERE r.is_new`);
  for (const t of ['id_rejoin', 'id_rec', 'id_links', 'id_active', 'id_cuts', 'id_label', 'id_bad', 'id_weakest', 'id_alias_keys'])
    await db.run(`DROP TABLE IF EXISTS ${t}`);
  return fresh;
}

/**
 * Cutting a cluster at its weakest links can cut off a record that leads to one side only (a weak
 * link elsewhere in the cluster was as weak as its own). A part whose every cut link leads into one
 * other part joins it again when it holds no passport or ID number and no two records of the two conflict
 * (one part per target at a time).
 */
async function rejoinCutOff(db: Database): Promise<void> {
  for (;;) {
    const strongOf = (side: string) => `(SELECT r.*, l.label FROM id_rec r JOIN id_label l USING (node)) ${side}`;
    await db.run(`
      CREATE OR REPLACE TEMP TABLE id_rejoin AS
      WITH cut AS (
        SELECT DISTINCT la.label AS part, lb.label AS target
        FROM (SELECT a, b FROM id_cuts UNION ALL SELECT b, a FROM id_cuts) c
        JOIN id_rec ra ON ra.actor_id = c.a JOIN id_label la ON la.node = ra.node
        JOIN id_rec rb ON rb.actor_id = c.b JOIN id_label lb ON lb.node = rb.node
        WHERE la.label <> lb.label
      ),
      single AS (SELECT part, min(target) AS target FROM cut GROUP BY part HAVING count(*) = 1),
      clean AS (
        SELECT s.part, s.target FROM single s
        WHERE NOT (s.part < 0 AND s.target < 0)
          -- Only a part without documents moves: a namesake with a passport does not follow a record that had two sides.
          AND NOT EXISTS (SELECT 1 FROM ${strongOf('x')} WHERE x.label = s.part AND (len(x.passports) > 0 OR len(x.ids) > 0))
          AND NOT EXISTS (SELECT 1 FROM ${strongOf('x')},
            ${strongOf('y')} WHERE x.label = s.part AND y.label = s.target AND ${CONFLICT('x', 'y')} AND NOT ${SHARE_STRONG('x', 'y')})
      ),
      chosen AS (SELECT min(part) AS part, target FROM clean WHERE part NOT IN (SELECT target FROM clean) GROUP BY target)
      SELECT c.a, c.b FROM id_cuts c
      JOIN id_rec ra ON ra.actor_id = c.a JOIN id_label la ON la.node = ra.node
      JOIN id_rec rb ON rb.actor_id = c.b JOIN id_label lb ON lb.node = rb.node
      JOIN chosen ch ON (ch.part = la.label AND ch.target = lb.label) OR (ch.part = lb.label AND ch.target = la.label)`);
    const n = (await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM id_rejoin'))!.n;
    if (n === 0) break;
    await db.run('INSERT INTO id_active SELECT l.* FROM id_links l JOIN id_rejoin j USING (a, b)');
    await db.run('DELETE FROM id_cuts USING id_rejoin j WHERE id_cuts.a = j.a AND id_cuts.b = j.b');
    await labelComponents(db);
  }
  await db.run('DROP TABLE IF EXISTS id_rejoin');
}

/** id_label(node, label): the smallest node reachable over id_active, by repeated set-based steps. */
async function labelComponents(db: Database): Promise<void> {
  await db.run(
    'CREATE OR REPLACE TEMP TABLE id_label AS SELECT DISTINCT node, ' +
      'node AS label FROM id_rec WHERE is_new OR node IN (SELECT u FROM ' +
      'id_active UNION SELECT v FROM id_active)',
  );
  await db.run(
    'CREATE OR REPLACE TEMP TABLE id_edge AS SELECT DISTINCT u, v FROM (SELECT u, v FROM id_active UNION ALL SELECT v, u FROM id_active)',
  );
  for (;;) {
    await db.run(`
      CREATE OR REPLACE TEMP TABLE id_next AS
      SELECT l.node, least(l.label, coalesce(min(n.label), l.label)) AS label
      FROM id_label l LEFT JOIN id_edge e ON e.u = l.node LEFT JOIN id_label n ON n.node = e.v
      GROUP BY l.node, l.label`);
    // Pointer jumping: a node takes its label's label, which halves the steps along a chain.
    await db.run(
      'CREATE OR REPLACE TEMP TABLE id_next AS SELECT x.node, least(x.label, ' +
        'y.label) AS label FROM id_next x JOIN id_next y ON y.node = x.label',
    );
    const changed = (await db.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM id_next x JOIN id_label l USING (node) WHERE x.label <> l.label',
    ))!.n;
    await db.run('CREATE OR REPLACE TEMP TABLE id_label AS FROM id_next');
    if (changed === 0) break;
  }
  await db.run('DROP TABLE IF EXISTS id_next');
  await db.run('DROP TABLE IF EXISTS id_edge');
}
