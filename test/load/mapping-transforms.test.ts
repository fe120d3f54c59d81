// What a mapping can say of a column's values, end to end on the real engine: a unit's factor or
// weight (so a national export's "Arroba" gets kilograms), a value mapped to missing, and a year
// written with a thousands separator. Each fixture is made here, with its answer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/loader.js';
import { tempDatabase, tempDir } from '../helpers.js';

function files(data: string[], mapping: string[]): { file: string; mappingPath: string } {
  const dir = tempDir();
  const file = join(dir, 'data.csv');
  const mappingPath = join(dir, 'data.yaml');
  writeFileSync(file, data.join('\n') + '\n');
  writeFileSync(mappingPath, mapping.join('\n') + '\n');
  return { file, mappingPath };
}

describe('a unit with a factor or a weight from the mapping', () => {
  it('turns the quantity into kilograms in specimens.quantity_kg, and keeps the rule', async () => {
    const { file, mappingPath } = files(
      [
        'Espécie;Qtd;Unidade',
        'Cuniculus paca;2;Arroba',
        'Cuniculus paca;3;Caixas',
        'Cuniculus paca;4;Arroba (15 kg)',
        'Cuniculus paca;5;Unidade',
        'Cuniculus paca;6;saco de 50 kg',
      ],
      [
        'fields:',
        '  species: Espécie',
        '  quantity: Qtd',
        '  unit: { column: Unidade, map: { Arroba: kg }, factor: { Arroba: 15 }, to_kg: { Caixas: 20 } }',
      ],
    );
    const db = await tempDatabase();
    const [report] = await loadFile(db, file, { mappingPath });
    expect(report).toMatchObject({ loaded: 5, rejected: 0 });
    expect(await db.all('SELECT quantity, unit, unit_as_given, quantity_kg, quantity_count FROM specimens ORDER BY source_row')).toEqual([
      { quantity: 30, unit: 'KIL', unit_as_given: 'Arroba', quantity_kg: 30, quantity_count: null },
      { quantity: 3, unit: 'BOX', unit_as_given: 'Caixas', quantity_kg: 60, quantity_count: null },
      { quantity: 60, unit: 'KIL', unit_as_given: 'Arroba (15 kg)', quantity_kg: 60, quantity_count: null },
      { quantity: 5, unit: null, unit_as_given: 'Unidade', quantity_kg: null, quantity_count: 5 },
      { quantity: 300, unit: 'KIL', unit_as_given: 'saco de 50 kg', quantity_kg: 300, quantity_count: null },
    ]);
    expect(await db.all("SELECT as_given, normalised, rule FROM normalisation_rules WHERE kind = 'unit' ORDER BY as_given")).toEqual([
      { as_given: 'Arroba', normalised: 'KIL', rule: '"arroba" → KIL ×15 (mapping: mapped to "kg", factor 15)' },
      { as_given: 'Arroba (15 kg)', normalised: 'KIL', rule: '"arroba (15 kg)" → KIL ×15' },
      { as_given: 'Caixas', normalised: 'BOX', rule: '"caixas" → BOX (mapping: "caixas" → BOX, 20 kg each)' },
      { as_given: 'Unidade', normalised: 'number of specimens', rule: '"unidade" → number of specimens' },
      { as_given: 'saco de 50 kg', normalised: 'KIL', rule: '"saco de 50 kg" → KIL ×50' },
    ]);
    expect(await db.all("SELECT * FROM flags WHERE column_name = 'Unidade'")).toEqual([]);
  });

  it('flags an arroba the mapping gives no weight, and loads its row', async () => {
    const { file, mappingPath } = files(
      ['Espécie;Qtd;Unidade', 'Cuniculus paca;2;Arroba'],
      ['fields:', '  species: Espécie', '  quantity: Qtd', '  unit: Unidade'],
    );
    const db = await tempDatabase();
    await loadFile(db, file, { mappingPath });
    expect(await db.all('SELECT column_name, value, flag FROM flags')).toEqual([
      { column_name: 'Unidade', value: 'Arroba', flag: 'unknown unit' },
    ]);
    expect(await db.one('SELECT quantity_kg FROM specimens')).toEqual({ quantity_kg: null });
  });

  it('refuses a factor on a field other than the unit, naming the key', async () => {
    const { file, mappingPath } = files(['a;b', 'x;1'], ['fields:', '  species: a', '  quantity: { column: b, factor: { "1": 2 } }']);
    const db = await tempDatabase();
    await expect(loadFile(db, file, { mappingPath })).rejects.toThrow(/data\.yaml: fields\.quantity\.factor: is only for the unit field$/);
  });
});

describe('a value mapped to missing', () => {
  it('is stored as NULL with the rule "mapped to missing", and not flagged', async () => {
    const { file, mappingPath } = files(
      ['Data;Espécie;Qtd;Origem', '2019-05-01;Não identificado;1;Desconhecida', '2019-05-02;Cuniculus paca;2;Brasil'],
      [
        'fields:',
        '  date: Data',
        '  species: { column: Espécie, map: { Não identificado: missing } }',
        '  quantity: Qtd',
        '  origin: { column: Origem, map: { Desconhecida: missing } }',
      ],
    );
    const db = await tempDatabase();
    const [report] = await loadFile(db, file, { mappingPath });
    expect(report).toMatchObject({ rowsInFile: 2, loaded: 2, rejected: 0 });
    expect(await db.all('SELECT species_as_given, taxon FROM specimens ORDER BY source_row')).toEqual([
      { species_as_given: null, taxon: null },
      { species_as_given: 'Cuniculus paca', taxon: 'Cuniculus paca' },
    ]);
    expect(await db.all('SELECT origin_countries FROM seizures ORDER BY date')).toEqual([
      { origin_countries: null },
      { origin_countries: ['BR'] },
    ]);
    expect(
      await db.all("SELECT kind, as_given, normalised, rule FROM normalisation_rules WHERE rule = 'mapped to missing' ORDER BY kind"),
    ).toEqual([
      { kind: 'country', as_given: 'Desconhecida', normalised: null, rule: 'mapped to missing' },
      { kind: 'species', as_given: 'Não identificado', normalised: null, rule: 'mapped to missing' },
    ]);
    expect(await db.all('SELECT column_name, value, flag FROM flags')).toEqual([]);
  });
});

describe('a year written with a thousands separator', () => {
  it('reads "2.008" and "2,008" as the year 2008 in a Year column, as parts or as the whole date', async () => {
    const { file, mappingPath } = files(
      ['Ano;Mes;Espécie;Qtd', '2.008;3;Cuniculus paca;2.5', '"2,008";;Cuniculus paca;"1,234"'],
      ['fields:', '  date: { parts: { year: Ano, month: Mes } }', '  species: Espécie', '  quantity: Qtd'],
    );
    const db = await tempDatabase();
    await loadFile(db, file, { mappingPath });
    expect(await db.all('SELECT date::VARCHAR AS date, date_precision FROM seizures ORDER BY source_row')).toEqual([
      { date: '2008-03-01', date_precision: 'month' },
      { date: '2008-01-01', date_precision: 'year' },
    ]);
    // Elsewhere the same marks are a decimal point and a thousands separator.
    expect(await db.all('SELECT quantity FROM specimens ORDER BY source_row')).toEqual([{ quantity: 2.5 }, { quantity: 1234 }]);

    const whole = files(
      ['Ano;Espécie', '2.008;Cuniculus paca', '"2,008";Cuniculus paca', '1.234;Cuniculus paca'],
      ['fields:', '  date: Ano', '  species: Espécie'],
    );
    const other = await tempDatabase();
    await loadFile(other, whole.file, { mappingPath: whole.mappingPath });
    expect(await other.all('SELECT date::VARCHAR AS date FROM seizures ORDER BY source_row')).toEqual([
      { date: '2008-01-01' },
      { date: '2008-01-01' },
      { date: null },
    ]);
    expect(await other.all("SELECT as_given, rule FROM normalisation_rules WHERE kind = 'date' ORDER BY as_given")).toEqual([
      { as_given: '1.234', rule: 'unrecognised date' },
      { as_given: '2,008', rule: 'year written with a thousands separator' },
      { as_given: '2.008', rule: 'year written with a thousands separator' },
    ]);
  });
});
