-- financing --view flows: money between payers and payees, from payment records, in US dollars —
-- the payments tied to the selected seizures or made or received by persons and companies named in them.
WITH known AS (
  SELECT DISTINCT a.name_normalised FROM actors a JOIN f_seizure_ids USING (seizure_id) WHERE a.name_normalised IS NOT NULL
),
selected_refs AS (SELECT DISTINCT s.seizure_ref FROM seizures s JOIN f_seizure_ids USING (seizure_id) WHERE s.seizure_ref IS NOT NULL),
flows AS (
  -- each party keyed by its identity when its name belongs to one, else by its name key (view payment_parties)
  SELECT p.*, p.amount / r.per_usd AS amount_usd,
    coalesce(k.payer_key, '') AS payer_key, k.payer_kind, coalesce(k.payee_key, '') AS payee_key, k.payee_kind
  FROM payments p JOIN payment_parties k USING (source_id, source_row)
    LEFT JOIN usd_rates r ON r.currency = p.currency AND r.year IS NOT DISTINCT FROM year(p.date)
  WHERE p.source_id IN (SELECT source_id FROM f_source_ids)
    AND (p.payer_normalised IN (SELECT name_normalised FROM known) OR p.payee_normalised IN (SELECT name_normalised FROM known)
         OR p.seizure_ref IN (SELECT seizure_ref FROM selected_refs))
)
SELECT payer_key, mode(payer) AS payer, payee_key, mode(payee) AS payee, min(payer_kind) AS payer_kind, min(payee_kind) AS payee_kind,
  count(*)::INTEGER AS payments, round(exact_sum(amount_usd), 2) AS amount_usd,
    count(*) FILTER (amount_usd IS NULL)::INTEGER AS n_unconverted,
  string_agg(DISTINCT method, ', ' ORDER BY method) AS methods, min(date)::VARCHAR AS first_paid, max(date)::VARCHAR AS last_paid,
  bool_or(payer_normalised IN (SELECT name_normalised FROM known)) AS payer_in_seizures,
    bool_or(payee_normalised IN (SELECT name_normalised FROM known)) AS payee_in_seizures,
  list(DISTINCT seizure_ref ORDER BY seizure_ref) FILTER (seizure_ref IS NOT NULL) AS seizure_refs
FROM flows
GROUP BY payer_key, payee_key
ORDER BY amount_usd DESC NULLS LAST, payments DESC, payer_key, payee_key
