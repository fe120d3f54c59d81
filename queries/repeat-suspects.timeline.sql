-- repeat-suspects --focus: one identity's dated timeline, for an investigator. One row per selected
-- seizure the identity is named in (with the names it was written under there, its roles, what was
-- seized, the co-offenders as identities, the seizure's documents, forensic samples and the payments
-- tied to it), and one row per payment the identity made or received (its name belongs to that
-- identity: view payment_parties). $identities: the ids --focus matched (src/identity/lookup.ts).
WITH focus AS (SELECT DISTINCT unnest(string_split($identities, ','))::BIGINT AS identity_id),
mine AS (
  SELECT i.identity_id, a.seizure_id, a.kind, a.name_as_given, a.role
  FROM actors a JOIN identities i USING (actor_id) JOIN focus USING (identity_id) JOIN f_seizure_ids USING (seizure_id)
),
per_seizure AS (
  SELECT identity_id, seizure_id, min(kind) AS kind, list(DISTINCT name_as_given ORDER BY name_as_given) AS written_as,
    list(DISTINCT role ORDER BY role) FILTER (role IS NOT NULL) AS roles
  FROM mine GROUP BY 1, 2
),
others AS (
  SELECT p.identity_id, p.seizure_id,
    list_sort(list(DISTINCT {'identity': i.identity_id, 'kind': a.kind, 'name': a.name_as_given})) AS co_offenders
  FROM per_seizure p JOIN actors a USING (seizure_id) JOIN identities i USING (actor_id)
  WHERE i.identity_id <> p.identity_id
  GROUP BY 1, 2
),
seized AS (
  SELECT seizure_id, list(DISTINCT taxon ORDER BY taxon) FILTER (taxon IS NOT NULL) AS species,
    string_agg(concat_ws(' ', coalesce(taxon, species_as_given, '?'), term, regexp_replace(quantity::VARCHAR, '\.0$', ''), unit),
      '; ' ORDER BY specimen_id) AS items
  FROM f_specimens WHERE seizure_id IN (SELECT seizure_id FROM per_seizure) GROUP BY 1
),
docs AS (
  SELECT seizure_id, list({'type': doc_type, 'number': number} ORDER BY document_id) AS documents
  FROM documents WHERE seizure_id IN (SELECT seizure_id FROM per_seizure) AND number IS NOT NULL GROUP BY 1
),
parties AS (
  SELECT p.*, k.payer_key, k.payer_kind, k.payer_identity, k.payee_key, k.payee_kind, k.payee_identity
  FROM payments p JOIN payment_parties k USING (source_id, source_row)
  WHERE p.source_id IN (SELECT source_id FROM f_source_ids)
),
payment_text AS (
  SELECT *, {'date': date::VARCHAR, 'amount': amount, 'currency': currency, 'payer_key': payer_key, 'payer_kind': payer_kind,
    'payer': payer,
             'payee_key': payee_key, 'payee_kind': payee_kind, 'payee': payee, 'method': method} AS payment
  FROM parties
)
SELECT 'seizure' AS event, p.identity_id AS identity, p.kind, s.date::VARCHAR AS date, s.seizure_ref, s.seizure_id,
  o.file_name AS source_file, s.source_row, s.seizure_country, coalesce(s.place, s.city, s.port) AS place,
  z.species, z.items, s.quantity_kg, s.value_usd, p.roles, p.written_as, t.co_offenders, d.documents,
  (SELECT list_sort(list(DISTINCT f.sample_id || coalesce(' (' || f.method || ')', '') || coalesce(', match group ' || f.match_group, '') ||
    coalesce(', origin ' || f.assigned_origin, '')))
     FROM forensic_results f WHERE f.seizure_ref = s.seizure_ref) AS forensic,
  (SELECT list(m.payment ORDER BY m.date, m.source_row) FROM payment_text m WHERE m.seizure_ref = s.seizure_ref) AS payments
FROM per_seizure p JOIN f_seizures s USING (seizure_id) JOIN sources o ON o.source_id = s.source_id
  LEFT JOIN others t USING (identity_id, seizure_id) LEFT JOIN seized z USING (seizure_id) LEFT JOIN docs d USING (seizure_id)
UNION ALL
SELECT 'payment', CASE WHEN m.payer_identity IN (SELECT identity_id FROM focus) THEN m.payer_identity ELSE m.payee_identity END AS identity,
  CASE WHEN m.payer_identity IN (SELECT identity_id FROM focus) THEN m.payer_kind ELSE m.payee_kind END, m.date::VARCHAR, m.seizure_ref,
    NULL,
  o.file_name, m.source_row, NULL, NULL, NULL, NULL, NULL, NULL,
  [CASE WHEN m.payer_identity IN (SELECT identity_id FROM focus) THEN 'payer' ELSE 'payee' END], NULL, NULL, NULL, NULL, [m.payment]
FROM payment_text m JOIN sources o USING (source_id)
WHERE m.payer_identity IN (SELECT identity_id FROM focus) OR m.payee_identity IN (SELECT identity_id FROM focus)
ORDER BY identity, date NULLS LAST, event DESC, seizure_id, source_row
