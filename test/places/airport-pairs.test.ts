// routes --view airport-pairs on a hand-made file whose chain cells name cities ("Nairobi, Kenya") and
// whose seizure places name airports: the chain at airport level, with the seizure's own airport as
// a stop, and the pairs ranked with their seizures, kilograms and species. The answer is worked out by
// hand below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/analysis/filters.js';
import { runAnalysis } from '../../src/analysis/run.js';
import { getAnalysis } from '../../src/analysis/registry.js';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

const CSV = [
  'ref,country,place,origin,transit,destination,taxon,qty,unit',
  // MPM (origin Maputo) → NBO (seized) → HAN (destination Hanoi)
  'A1,Kenya,Jomo Kenyatta Airport,"Maputo, Mozambique",,"Hanoi, Vietnam",Loxodonta africana,10,kg',
  // NBO → HAN; the seizure's airport (HAN, Noi Bai) is the destination already
  'A2,Vietnam,Noi Bai Airport,"Nairobi, Kenya",,"Hanoi, Vietnam",Loxodonta africana,5,kg',
  // Mozambique and China name no place: NBO alone, no pair
  'A3,Kenya,NBO,Mozambique,"Nairobi, Kenya",China,Loxodonta africana,2,kg',
  // NBO → DOH → DXB (two transits, in order; the seizure's airport is the second) → HAN
  'A4,UAE,Dubai Airport,"Nairobi, Kenya","Doha, Qatar; Dubai, UAE","Hanoi, Vietnam",Manis javanica,3,kg',
].join('\n');
const MAPPING =
  'group_rows: none\nfields:\n  seizure_ref: ref\n  seizure_country: ' +
  'country\n  place: place\n  origin: origin\n  transit: transit\n ' +
  ' destination: destination\n  species: taxon\n  quantity: qty\n  unit: unit\n';

describe('routes --view airport-pairs and city-pairs', { timeout: 60_000 }, () => {
  it('ranks the airport pairs of the chains, the seizing airport a stop of its own', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'chains.csv'), `${CSV}\n`);
    writeFileSync(join(dir, 'mapping.yaml'), MAPPING);
    const db = await tempDatabase();
    const [report] = await loadFile(db, join(dir, 'chains.csv'), { mappingPath: join(dir, 'mapping.yaml') });
    expect(report.loaded).toBe(4);
    expect(await db.all("SELECT cell, item, kind, airport FROM chain_places WHERE cell = 'Doha, Qatar; Dubai, UAE' ORDER BY item")).toEqual(
      [
        { cell: 'Doha, Qatar; Dubai, UAE', item: 1, kind: 'city', airport: 'DOH' },
        { cell: 'Doha, Qatar; Dubai, UAE', item: 2, kind: 'city', airport: 'DXB' },
      ],
    );
    const { rows } = await runAnalysis(db, getAnalysis('routes'), NO_FILTERS, {}, { view: 'airport-pairs' });
    expect(
      rows.map((r) => [r.from_airport, r.to_airport, r.from_country, r.to_country, r.seizures, r.quantity_kg, r.species, r.top_species]),
    ).toEqual([
      ['NBO', 'HAN', 'KE', 'VN', 2, 15, 1, 'Loxodonta africana'],
      ['MPM', 'NBO', 'MZ', 'KE', 1, 10, 1, 'Loxodonta africana'],
      ['DOH', 'DXB', 'QA', 'AE', 1, 3, 1, 'Manis javanica'],
      ['DXB', 'HAN', 'AE', 'VN', 1, 3, 1, 'Manis javanica'],
      ['NBO', 'DOH', 'KE', 'QA', 1, 3, 1, 'Manis javanica'],
    ]);
    // routes --level airport is the same ranking; the default level stays the countries'.
    expect((await runAnalysis(db, getAnalysis('routes'), NO_FILTERS, { level: 'airport' })).rows).toEqual(rows);
    expect((await runAnalysis(db, getAnalysis('routes'), NO_FILTERS, {})).rows.map((r) => `${r.from}→${r.to}`)).toContain('KE→VN');
  });
  it('ranks the city pairs of the same chains, an airport counted at the city it serves', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'chains.csv'), `${CSV}\n`);
    writeFileSync(join(dir, 'mapping.yaml'), MAPPING);
    const db = await tempDatabase();
    await loadFile(db, join(dir, 'chains.csv'), { mappingPath: join(dir, 'mapping.yaml') });
    // By hand: A1 Maputo → Nairobi (seized at Jomo Kenyatta, whose town is Nairobi) → Hanoi; A2 Nairobi → Hanoi
    // (seized at Noi Bai, town "Hanoi (Soc Son)": Hanoi, the destination already); A3 Nairobi alone (seized at
    // NBO, Nairobi again): no pair; A4 Nairobi → Doha → Dubai (seized at Dubai Airport, Dubai again) → Hanoi.
    const { rows } = await runAnalysis(db, getAnalysis('routes'), NO_FILTERS, { level: 'city' });
    expect(
      rows.map((r) => [r.from_city, r.from_country, r.to_city, r.to_country, r.seizures, r.quantity_kg, r.species, r.top_species]),
    ).toEqual([
      ['Nairobi', 'KE', 'Hanoi', 'VN', 2, 15, 1, 'Loxodonta africana'],
      ['Maputo', 'MZ', 'Nairobi', 'KE', 1, 10, 1, 'Loxodonta africana'],
      ['Doha', 'QA', 'Dubai', 'AE', 1, 3, 1, 'Manis javanica'],
      ['Dubai', 'AE', 'Hanoi', 'VN', 1, 3, 1, 'Manis javanica'],
      ['Nairobi', 'KE', 'Doha', 'QA', 1, 3, 1, 'Manis javanica'],
    ]);
    // Nairobi at the GeoNames point of the city, not at the airport (Jomo Kenyatta lies 15 km south-east).
    expect([Math.round(Number(rows[0].from_latitude) * 10) / 10, Math.round(Number(rows[0].from_longitude) * 10) / 10]).toEqual([
      -1.3, 36.8,
    ]);
    // --view city-pairs is the same ranking.
    expect((await runAnalysis(db, getAnalysis('routes'), NO_FILTERS, {}, { view: 'city-pairs' })).rows).toEqual(rows);
  });
});
