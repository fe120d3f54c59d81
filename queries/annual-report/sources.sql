-- annual report, data-quality annex: the files the year's records came from, with what the loader
-- did with their rows (loaded, rejected with a reason, loaded with a value kept as given).
SELECT src.source_id, src.file_name, coalesce(src.sheet, '') AS sheet, src.profile, src.loaded_at::DATE::VARCHAR AS loaded,
       count(*)::INTEGER AS seizures_in_year, src.rows_loaded, src.rows_rejected, src.rows_flagged
FROM f_seizure_base s JOIN sources src ON src.source_id = s.source_id
WHERE s.year = $year
GROUP BY src.source_id, src.file_name, src.sheet, src.profile, src.loaded_at, src.rows_loaded, src.rows_rejected, src.rows_flagged
ORDER BY src.source_id
