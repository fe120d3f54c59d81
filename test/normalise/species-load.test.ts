// Species through a real load: a hand-made CSV with its own Appendix column and names as files write
// them, loaded with a mapping into DuckDB; the answers (taxon, appendix, flags) are written per row.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

const CSV = `ref,taxon,app,qty
1,Manis javanica,II,1
2,POTOS FLAVUS (SCHREBER),,2
3,Manispentadactyla,I,3
4,Pirarucu,,4
5,Towa Towas,,5
6,Geochelone carbonaria,App. II,6
7,Crocodylus niloticus,IV,7
`;
const MAPPING = `group_rows: none
fields:
  seizure_ref: ref
  species: taxon
  cites_appendix: app
  quantity: qty
  reporting_country: { value: BR }
`;

async function load() {
  const dir = tempDir();
  writeFileSync(join(dir, 'appendix.csv'), CSV);
  writeFileSync(join(dir, 'appendix.yaml'), MAPPING);
  const db = await tempDatabase();
  const [report] = await loadFile(db, join(dir, 'appendix.csv'), { mappingPath: join(dir, 'appendix.yaml') });
  return { db, report };
}

describe("species and the file's own appendix in a load", () => {
  it("stores the accepted taxon and the appendix, the file's own winning over the reference", async () => {
    const { db, report } = await load();
    expect(report.loaded).toBe(7);
    const rows = await db.all<{ source_row: number; taxon: string | null; cites_appendix: string | null }>(
      'SELECT source_row, taxon, cites_appendix FROM specimens ORDER BY source_row',
    );
    expect(rows.map((r) => [r.taxon, r.cites_appendix])).toEqual([
      ['Manis javanica', 'II'], // the file says II (an old listing); the reference (CoP19) says I
      ['Potos flavus', 'III'],
      ['Manis pentadactyla', 'I'],
      ['Arapaima gigas', 'II'],
      [null, null],
      ['Chelonoidis carbonarius', 'II'],
      ['Crocodylus niloticus', 'I/II'], // "IV" is no appendix: the reference's stands, and a flag says so
    ]);
  });

  it('flags a close match, an unknown name, an unreadable appendix and a file that disagrees with the reference', async () => {
    const { db } = await load();
    const flags = await db.all<{ row_number: number; column_name: string; value: string; flag: string }>(
      'SELECT row_number, column_name, value, flag FROM flags ORDER BY row_number, column_name',
    );
    expect(flags.map((f) => [f.column_name, f.value, f.flag])).toEqual([
      ['app', 'II', 'the file says II, the reference says I'],
      ['taxon', 'Manispentadactyla', 'close to Manis pentadactyla (written without a space)'],
      ['taxon', 'Towa Towas', 'not a scientific name and not a known common name'],
      ['app', 'IV', 'not a CITES appendix (I, II, III)'],
    ]);
  });
});
