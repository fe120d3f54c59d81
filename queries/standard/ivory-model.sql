-- The ivory weight model of the standard quantities, after ETIS (src/reference/ivory-model.csv): a
-- seizure that gives pieces but no weight gets a weight predicted from its pieces. kg^lambda (a Box-Cox
-- power, ETIS's lambda) is regressed on ln(pieces + 1) by least squares, raw and worked ivory apart
-- (ivory_kind), over every ivory specimen of the database that gives both a weight and a count: the
-- whole database, so that a filter never changes an estimate. A kind with fewer than $min_records such
-- records, or whose records all give one count, is not fitted, and its pieces stay unweighed.
WITH weighed AS (
  SELECT ivory_kind(family, term) AS kind, quantity_kg AS kg, ln(quantity_count + 1) AS x
  FROM specimens
  WHERE ivory_kind(family, term) IS NOT NULL AND quantity_kg > 0 AND quantity_count > 0
),
fit AS (
  SELECT w.kind, count(*)::INTEGER AS records, var_pop(w.x) AS x_variance,
         regr_intercept(power(w.kg, p.lambda), w.x) AS intercept, regr_slope(power(w.kg, p.lambda), w.x) AS slope,
         regr_r2(power(w.kg, p.lambda), w.x) AS r2
  FROM weighed w JOIN ivory_lambda p USING (kind)
  GROUP BY w.kind
)
SELECT p.kind, p.lambda, p.source AS lambda_source, coalesce(f.records, 0) AS records, f.intercept, f.slope, f.r2,
       coalesce(f.records, 0) >= $min_records AND f.x_variance > 0 AS fitted
FROM ivory_lambda p
LEFT JOIN fit f USING (kind)
ORDER BY p.kind
