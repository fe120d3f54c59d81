// What is new since the previous bulletin: seizures from sources loaded in the window, the large
// ones, routes and species never seen before, and suspects seen before who reappear. The window is
// defined by load times, so a bulletin covers each loaded file exactly once, whatever the seizure dates.
// A suspect is an identity of table identities, as in every analysis; watch-list hits in the window's files are listed.
import type { Database } from '../db/database.js';
import { pseudonym, redactionKey } from '../analysis/pseudonyms.js';
import { redactHits, watchHits } from '../identity/watch.js';

export interface BulletinWindow {
  since: string | null; // exclusive; null = from the beginning
  until: string; // inclusive
}

export interface Bulletin {
  window: BulletinWindow;
  new_sources: Array<Record<string, unknown>>;
  summary: { new_seizures: number; specimens: number; quantity_kg: number | null; countries: number };
  by_country: Array<Record<string, unknown>>;
  large_seizures: Array<Record<string, unknown>>;
  new_routes: Array<Record<string, unknown>>;
  new_species: Array<Record<string, unknown>>;
  reappearing_suspects: Array<Record<string, unknown>>;
  watch_hits: Array<Record<string, unknown>>;
}

const IN_WINDOW =
  `source_id IN (SELECT source_id FROM sources WHERE ($since IS ` +
  `NULL OR loaded_at > $since::TIMESTAMP) AND loaded_at <= $until::TIMESTAMP)`;
const BEFORE = `source_id IN (SELECT source_id FROM sources WHERE $since IS NOT NULL AND loaded_at <= $since::TIMESTAMP)`;

export async function buildBulletin(
  db: Database,
  window: BulletinWindow,
  options: { includeNames: boolean; largeKg: number; largeUsd: number },
): Promise<Bulletin> {
  const p = { since: window.since, until: window.until };
  const newSources = await db.all(
    `SELECT source_id, file_name, coalesce(sheet, '') AS sheet, profile, rows_loaded FROM sources WHERE ${IN_WINDOW} ORDER BY source_id`,
    p,
  );
  const summary = (await db.one<Bulletin['summary']>(
    `SELECT count(DISTINCT s.seizure_id)::INTEGER AS new_seizures, count(sp.specimen_id)::INTEGER AS specimens,
      round(exact_sum(sp.quantity_kg), 1) AS quantity_kg,
            count(DISTINCT s.seizure_country)::INTEGER AS countries
     FROM seizures s LEFT JOIN specimens sp USING (seizure_id) WHERE s.${IN_WINDOW}`,
    p,
  ))!;
  const byCountry = await db.all(
    `SELECT coalesce(seizure_country, 'XX') AS country, count(*)::INTEGER ` +
      `AS seizures FROM seizures WHERE ${IN_WINDOW} GROUP BY 1 ORDER ` +
      `BY seizures DESC, country LIMIT 15`,
    p,
  );
  const large = await db.all(
    `WITH t AS (SELECT seizure_id, exact_sum(quantity_kg) AS kg, string_agg(DISTINCT coalesce(taxon, species_as_given), ', ') AS species
      FROM specimens WHERE ${IN_WINDOW} GROUP BY 1)
     SELECT coalesce(s.seizure_ref, s.seizure_id::VARCHAR) AS seizure, s.date::VARCHAR AS date, s.seizure_country AS country, t.species,
       round(t.kg, 1) AS quantity_kg,
            round(s.value / r.per_usd, 0) AS value_usd
     FROM seizures s JOIN t USING (seizure_id) LEFT JOIN usd_rates r ON r.currency = s.currency AND r.year IS NOT DISTINCT FROM year(s.date)
     WHERE t.kg >= $kg OR s.value / r.per_usd >= $usd
     ORDER BY t.kg DESC NULLS LAST, seizure LIMIT 50`,
    { ...p, kg: options.largeKg, usd: options.largeUsd },
  );
  const legs = (where: string) => `
     SELECT DISTINCT o AS "from", d AS "to" FROM seizures, unnest(origin_countries) x(o),
       unnest(destination_countries) y(d) WHERE ${where} AND o <> d AND o <> 'XX' AND d <> 'XX'`;
  const newRoutes = await db.all(
    `SELECT n."from", n."to",
      (SELECT count(*) FROM seizures s, unnest(s.origin_countries) x(o), unnest(s.destination_countries) y(d)
      WHERE s.${IN_WINDOW} AND o = n."from" AND d = n."to")::INTEGER AS seizures
     FROM (${legs(IN_WINDOW)}) n WHERE NOT EXISTS (SELECT 1 FROM (${legs(BEFORE)}) o WHERE o."from" = n."from" AND o."to" = n."to")
     ORDER BY seizures DESC, "from", "to" LIMIT 30`,
    p,
  );
  const newSpecies = await db.all(
    `SELECT taxon AS species, count(DISTINCT seizure_id)::INTEGER AS seizures FROM specimens WHERE ${IN_WINDOW} AND taxon IS NOT NULL
       AND taxon NOT IN (SELECT taxon FROM specimens WHERE ${BEFORE} AND taxon IS NOT NULL)
     GROUP BY 1 ORDER BY seizures DESC, species LIMIT 30`,
    p,
  );
  const reappearing = await db.all<{
    identity: number;
    kind: string;
    name: string;
    new_seizures: number;
    earlier_seizures: number;
    first_seen: string;
  }>(
    `WITH now AS (SELECT i.identity_id AS identity, a.kind, a.name_as_given, a.seizure_id
      FROM actors a JOIN identities i USING (actor_id)
      WHERE a.${IN_WINDOW} AND a.kind IN ('person', 'company')),
          before AS (SELECT i.identity_id AS identity, a.seizure_id,
            s.date FROM actors a JOIN identities i USING (actor_id) JOIN seizures s USING (seizure_id) WHERE a.${BEFORE} AND a.kind IN
            ('person', 'company'))
     SELECT n.identity, min(n.kind) AS kind, mode(n.name_as_given) AS name, count(DISTINCT n.seizure_id)::INTEGER AS new_seizures,
            (SELECT count(DISTINCT seizure_id) FROM before b WHERE b.identity = n.identity)::INTEGER AS earlier_seizures,
            (SELECT min(date) FROM before b WHERE b.identity = n.identity)::VARCHAR AS first_seen
     FROM now n WHERE n.identity IN (SELECT identity FROM before)
     GROUP BY n.identity ORDER BY earlier_seizures DESC, new_seizures DESC, n.identity LIMIT 50`,
    p,
  );
  // Watch-list hits in the window's files (src/identity/watch.ts matched them at load).
  const windowSources = new Set(newSources.map((s) => Number(s.source_id)));
  const hits = (await watchHits(db, {}))
    .filter((h) => windowSources.has(Number(h.source_id)))
    .map(({ entry_id, list, watched, matched_on, value, identity, kind, name, seizure_ref, date, seizure_country }) => ({
      entry_id,
      list,
      watched,
      matched_on,
      value,
      identity,
      kind,
      name,
      seizure_ref,
      date,
      seizure_country,
    }));
  const key = options.includeNames ? '' : await redactionKey(db);
  return {
    window,
    new_sources: newSources,
    summary,
    by_country: byCountry,
    large_seizures: large,
    new_routes: newRoutes,
    new_species: newSpecies,
    watch_hits: options.includeNames ? hits : await redactHits(hits),
    reappearing_suspects: reappearing.map((r) => ({
      suspect: options.includeNames ? r.name : pseudonym(key, r.kind, String(r.identity)),
      kind: r.kind,
      new_seizures: r.new_seizures,
      earlier_seizures: r.earlier_seizures,
      first_seen: r.first_seen,
    })),
  };
}
