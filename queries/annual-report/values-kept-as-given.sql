-- annual report, data-quality annex: values in the year's records that wen could not normalise and
-- kept as given (an unknown country, unit or currency), by column and reason, with up to five examples.
WITH year_rows AS (
  SELECT DISTINCT sp.source_id, sp.source_row FROM f_specimens sp WHERE sp.year = $year
  UNION SELECT DISTINCT s.source_id, s.source_row FROM f_seizure_base s WHERE s.year = $year
)
SELECT f.column_name AS "column", f.flag AS reason, count(*)::INTEGER AS "values",
       array_to_string(list_slice(list_sort(list_distinct(list(f.value))), 1, 5), '; ') AS examples
FROM flags f JOIN year_rows r ON r.source_id = f.source_id AND r.source_row = f.row_number
GROUP BY f.column_name, f.flag
ORDER BY "values" DESC, "column", reason
