// A date written over Year / Month / Day columns (a common layout of published tables) becomes one
// date text that the date normaliser reads like any other: "2015-03-07", "2015-03" (month
// precision), "2015" (year precision), or "7 mars 2015" when the month is a name. A day without a
// month says nothing and is dropped. A year written with a thousands separator ("2.008", "2,008",
// how a spreadsheet shows a number) is the year 2008.

/** SQL text of the date, from SQL expressions of the three cells (trimmed text, NULL when empty). */
export function datePartsSql(year: string, month: string | null, day: string | null): string {
  const y = `regexp_replace(${year}, '^(\\d)[.,\\s](\\d{3})(\\.0+)?$|^(\\d{4})\\.0+$', '\\1\\2\\4')`;
  if (!month) return y;
  const numericMonth = `regexp_full_match(${month}, '\\d{1,2}(\\.0+)?')`;
  const mm = `lpad(split_part(${month}, '.', 1), 2, '0')`;
  const dd = day
    ? `CASE WHEN regexp_full_match(${day}, '\\d{1,2}(\\.0+)?') THEN '-' || lpad(split_part(${day}, '.', 1), 2, '0') ELSE '' END`
    : "''";
  const worded = day ? `concat_ws(' ', ${day}, ${month}, ${y})` : `concat_ws(' ', ${month}, ${y})`;
  return (
    `CASE WHEN ${year} IS NULL THEN NULL WHEN ${month} IS NULL THEN ` +
    `${y} WHEN ${numericMonth} THEN ${y} || '-' || ${mm} || ${dd} ` +
    `ELSE ${worded} END`
  );
}
