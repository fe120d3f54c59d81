// Sums of kilograms and dollars that come out the same on every run. DuckDB adds doubles in
// parallel, in whatever order the threads finish, so a plain sum(quantity_kg) differed in its last
// rounded digit between two runs of the same analysis on the same file (seen at 1M rows). Summed as
// DECIMAL(38, 6) the addition is exact, so the order does not matter. Values too big for that type
// (1e20 and over: a typo, not a seizure) are added as doubles rather than stopping the analysis.
// A macro cannot take FILTER: write exact_sum(CASE WHEN … THEN x END) instead.
export const EXACT_SUM_MACRO = `
  CREATE OR REPLACE TEMP MACRO exact_sum(x) AS
    CASE WHEN count(x) > 0 THEN
      coalesce(sum(CASE WHEN abs(x) < 1e20 THEN x::DECIMAL(38, 6) END)::DOUBLE, 0) + coalesce(sum(CASE WHEN abs(x) >= 1e20 THEN x END), 0)
    END`;
