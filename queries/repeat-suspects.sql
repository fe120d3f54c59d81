-- repeat-suspects: the persons and companies of the selected seizures with the identity the loader
-- resolved them into (table identities: same passport or ID number, name in any script, alias,
-- birth date, similar name; namesakes with conflicting identifiers kept apart), and the rule and
-- evidence that brought each record into it. wen groups the records by identity into suspects.
SELECT a.actor_id, i.identity_id, i.rule, a.seizure_id, a.kind, a.name_as_given, a.nationality, a.role,
       s.date::VARCHAR AS date, s.seizure_country, s.quantity_kg, s.value_usd,
       (SELECT list(DISTINCT taxon ORDER BY taxon) FROM f_specimens sp WHERE sp.seizure_id = a.seizure_id AND taxon IS NOT NULL) AS taxa
FROM actors a JOIN identities i USING (actor_id) JOIN f_seizures s USING (seizure_id)
WHERE a.kind IN ('person', 'company')
ORDER BY i.identity_id, a.actor_id
