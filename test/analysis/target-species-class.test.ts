// target-species shows a taxon's own class: the reference's for a name it holds, else the class most
// of its rows give — not the alphabetically first (min), which five mislabelled rows would decide.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

describe('the class target-species shows', () => {
  it("is the mode of the rows for a name the reference lacks, and the reference's for one it holds", async () => {
    const dir = tempDir();
    const rows = [
      'ref,species,class,quantity',
      // "Fictornis imaginarius" (a made-up genus) is in no reference: 20 rows say Aves, 5 say Amphibia → Aves (min() gave Amphibia).
      ...Array.from({ length: 20 }, (_, i) => `Z${i},Fictornis imaginarius,Aves,1`),
      ...Array.from({ length: 5 }, (_, i) => `A${i},Fictornis imaginarius,Amphibia,1`),
      // "Fictorana imaginaria": 2 rows Amphibia, 2 rows Reptilia, a tie → the first alphabetically, Amphibia.
      'R1,Fictorana imaginaria,Reptilia,1',
      'R2,Fictorana imaginaria,Reptilia,1',
      'R3,Fictorana imaginaria,Amphibia,1',
      'R4,Fictorana imaginaria,Amphibia,1',
      // Manis javanica is in the bundled reference as Mammalia, whatever the file says.
      'M1,Manis javanica,Aves,1',
      'M2,Manis javanica,Amphibia,1',
    ];
    writeFileSync(join(dir, 'classes.csv'), rows.join('\n') + '\n');
    writeFileSync(
      join(dir, 'classes.yaml'),
      [
        'fields:',
        '  seizure_ref: ref',
        '  species: species',
        '  class_name: class',
        '  quantity: quantity',
        '  reporting_country: { value: VN }',
      ].join('\n') + '\n',
    );
    const db = await tempDatabase();
    await loadFile(db, join(dir, 'classes.csv'), { mappingPath: join(dir, 'classes.yaml') });
    // The rows keep the file's classes where the reference knows neither the name nor its genus.
    expect(
      await db.all("SELECT taxon, class_name, count(*)::INTEGER AS n FROM specimens WHERE taxon LIKE 'Ficto%' GROUP BY ALL ORDER BY ALL"),
    ).toEqual([
      { taxon: 'Fictorana imaginaria', class_name: 'Amphibia', n: 2 },
      { taxon: 'Fictorana imaginaria', class_name: 'Reptilia', n: 2 },
      { taxon: 'Fictornis imaginarius', class_name: 'Amphibia', n: 5 },
      { taxon: 'Fictornis imaginarius', class_name: 'Aves', n: 20 },
    ]);
    const { rows: result } = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, {});
    expect(Object.fromEntries(result.map((r) => [r.species, r.class_name]))).toEqual({
      'Fictornis imaginarius': 'Aves',
      'Fictorana imaginaria': 'Amphibia',
      'Manis javanica': 'Mammalia',
    });
    // An imported Checklist that holds the name speaks first: its Reptilia beats the rows' tie.
    await db.run("INSERT INTO reference_taxa (name, rank, class_name) VALUES ('Fictorana imaginaria', 'species', 'Reptilia')");
    const { rows: withReference } = await runAnalysis(db, getAnalysis('target-species'), NO_FILTERS, {});
    expect(withReference.find((r) => r.species === 'Fictorana imaginaria')!.class_name).toBe('Reptilia');
    expect(result.map((r) => [r.species, r.seizures])).toEqual([
      ['Fictornis imaginarius', 25],
      ['Fictorana imaginaria', 4],
      ['Manis javanica', 2],
    ]);
  });
});
