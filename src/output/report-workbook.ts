// The annual report's tables as one XLSX workbook beside its CSVs: a contents sheet naming each table,
// then one sheet per table, typed like every other XLSX output (see xlsx.ts).
import { join } from 'node:path';
import type { AnnualReport } from '../report/annual.js';
import { reportStem } from '../report/write.js';
import { writeOutputFile } from './out-file.js';
import { xlsxWorkbook } from './xlsx.js';

/** Writes `<stem>.xlsx` into `outDir` and returns its name relative to it. */
export async function writeReportWorkbook(report: AnnualReport, outDir: string): Promise<string> {
  const name = `${reportStem(report)}.xlsx`;
  const contents = report.sections.map((s) => ({ sheet: s.id, table: s.title, rows: s.rows.length, about: s.about }));
  const workbook = await xlsxWorkbook([
    { name: 'contents', rows: contents, columns: ['sheet', 'table', 'rows', 'about'] },
    ...report.sections.map((s) => ({ name: s.id, rows: s.rows, columns: s.columns })),
  ]);
  writeOutputFile(join(outDir, name), workbook);
  return name;
}
