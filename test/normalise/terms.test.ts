// CITES term codes: every code and every name of src/reference/cites-terms.csv resolves (generated from
// the CSV), singular and plural fold into each other by rule, and the spellings of real files that were
// unknown before (issue 14) resolve as written here.
import { describe, expect, it } from 'vitest';
import { readReferenceCsv } from '../../src/reference/read-reference.js';
import { termCode, termCodes, termKey, termRows, wordKey } from '../../src/normalise/terms.js';

const ROWS = termRows();
/** Names the CSV gives to two codes: they go to the first listed, as written here. */
const SHARED: Record<string, string> = { plumas: 'FEA' };
/** Every listed name with the code it must resolve to. */
const NAMES = ROWS.flatMap((r) => r.names.map((name) => [name, SHARED[name] ?? r.resolvesTo] as const));

describe('the bundled list of CITES term codes', () => {
  it('holds every code of the Trade Database term table once (110 rows, about a hundred in use)', () => {
    const codes = ROWS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(110);
    for (const code of [
      'BAL',
      'BOD',
      'CAR',
      'COR',
      'DER',
      'LIV',
      'SCA',
      'SKI',
      'TUS',
      'LVS',
      'PEA',
      'VNM',
      'VEN',
      'GAB',
      'SKP',
      'SKS',
      'WPR',
      'KEY',
    ])
      expect(codes).toContain(code);
  });

  it('gives every code an English, a French and a Spanish name', () => {
    for (const row of readReferenceCsv('cites-terms.csv')) {
      expect([row.code, row.english && row.french && row.spanish ? 'named' : 'missing']).toEqual([row.code, 'named']);
    }
  });

  it('has no quote inside a field, so the plain comma split reads it', () => {
    for (const row of readReferenceCsv('cites-terms.csv')) for (const cell of Object.values(row)) expect(cell).not.toMatch(/"/);
  });

  // One test per rule, listing every value that misses (an it.each of ~700 names floods the runner).
  it('resolves each of the 110 codes from itself, in capitals or not', () => {
    const misses = ROWS.filter((r) => termCode(r.code).value !== r.code || termCode(r.code.toLowerCase()).value !== r.code).map(
      (r) => r.code,
    );
    expect(misses).toEqual([]);
  });

  it('resolves each listed name (English, French, Spanish, synonyms) to its code, in capitals or not', () => {
    const misses = NAMES.filter(([name, code]) => termCode(name).value !== code || termCode(name.toUpperCase()).value !== code);
    expect(misses).toEqual([]);
    expect(NAMES.length).toBeGreaterThan(500);
  });

  it('sends the names of a former code to the code that replaced it, and keeps the former code itself', () => {
    expect(termCode('WOO').value).toBe('WOO');
    expect(termCode('wood products').value).toBe('WPR');
    expect(termCode('SKD').value).toBe('SKD');
    expect(termCode('sides').value).toBe('SID');
  });

  it('knows each code that use-types.csv gives a use', () => {
    const known = termCodes();
    const unknown = readReferenceCsv('use-types.csv')
      .map((r) => r.term)
      .filter((code) => !known.has(code));
    expect(unknown).toEqual([]);
  });
});

describe('singular and plural, by rule', () => {
  it.each([
    ['skins', 'skin'],
    ['bodies', 'body'],
    ['boxes', 'box'],
    ['shoes', 'shoe'],
    ['scales', 'scale'],
    ['peaux', 'peau'],
    ['animaux', 'animal'],
    ['animais', 'animal'],
    ['pieles', 'piel'],
    ['peles', 'pele'],
    ['raíces', 'raíz'],
    ['flores', 'flor'],
    ['cuernos', 'cuerno'],
    ['aves', 'ave'],
    ['ovos', 'ovo'],
    ['glasses', 'glass'],
  ])('folds %s and %s into one key', (plural, singular) => {
    expect(termKey(plural)).toBe(termKey(singular));
  });

  it('leaves short words alone, so "os" (bones) stays itself', () => {
    expect(wordKey('os')).toBe('os');
    expect(wordKey('ovo')).toBe('ovo');
  });

  it('finds every listed name with each of its words made plural ("raw coral" → "raws corals")', () => {
    const plural = (name: string) =>
      name
        .split(' ')
        .map((w) => (w.length > 3 && !/[sx)]$/i.test(w) ? `${w}s` : w))
        .join(' ');
    const misses = NAMES.filter(([name, code]) => termCode(plural(name)).value !== code).map(([name]) => plural(name));
    expect(misses).toEqual([]);
  });

  it('finds every English name in -s made singular ("skins" → "skin", "bodies" → "body")', () => {
    const english = ROWS.filter((r) => /[^s]s$/.test(r.names[0])).map(
      (r) => [r.names[0].replace(/ies$/, 'y').replace(/s$/, ''), r.resolvesTo] as const,
    );
    expect(english.filter(([singular, code]) => termCode(singular).value !== code)).toEqual([]);
    expect(english.length).toBeGreaterThan(50);
  });
});

describe('spellings of real files', () => {
  it.each([
    ['raw corals', 'COR'],
    ['Raw Corals', 'COR'],
    ['raw coral', 'COR'],
    ['leaves', 'LVS'],
    ['leaf', 'LVS'],
    ['jewellery', 'JWL'],
    ['jewelry', 'JWL'],
    ['pearls', 'PEA'],
    ['venom', 'VNM'],
    ['veneer', 'VEN'],
    ['Viva', 'LIV'],
    ['VIVOS', 'LIV'],
    ['Pele', 'SKI'],
    ['Peles', 'SKI'],
    ['Carne', 'MEA'],
    ['Ovos', 'EGG'],
    ['Penas', 'FEA'],
    ['Escamas', 'SCA'],
    ['Couro', 'LEA'],
    ['Dentes', 'TEE'],
    ['Ossos', 'BON'],
    ['écailles de pangolin', 'SCA'],
    ['Écaille', 'SCA'],
    ['PIELES', 'SKI'],
    ['Raíces', 'ROO'],
    ['animaux vivants', 'LIV'],
    ['body', 'BOD'],
    ['teeth', 'TEE'],
    ['tooth', 'TEE'],
    ['gall bladders', 'GAB'],
    ['bear bile', 'GAL'],
    ['skin pieces', 'SKP'],
    ['leather items', 'SKO'],
    ['skin scraps', 'SKS'],
    ['sets of piano keys', 'PKY'],
    ['raw ivory', 'IVP'],
    ['plumas', 'FEA'],
    ['shoes', 'SHO'],
    ['pairs of shoes', 'SHO'],
  ])('reads %s as %s', (given, code) => {
    expect(termCode(given).value).toBe(code);
  });

  it('keeps the longest name inside a longer description', () => {
    expect(termCode('Dried pangolin scales in bags')).toEqual({ value: 'SCA', rule: 'contains "pangolin scal"' });
    expect(termCode('ivory carvings and tusks').value).toBe('IVC');
    expect(termCode('frozen bush meat').value).toBe('MEA');
    expect(termCode('3 rhino horns, wrapped').value).toBe('HOR');
    expect(termCode('ivory, 3 pieces').value).toBe('IVP');
    expect(termCode('leather products').value).toBe('LEA');
    expect(termCode('pangolin derivatives').value).toBe('DER');
  });

  it('flags "frozen" alone (a body or meat?) and lets the part decide beside it', () => {
    const state = { value: null, rule: 'unknown term: says how it was kept, not which part' };
    expect(termCode('frozen')).toEqual(state);
    expect(termCode('Congelado')).toEqual(state);
    expect(termCode('frozen pangolins')).toEqual(state);
    expect(termCode('frozen meat').value).toBe('MEA');
    expect(termCode('frozen bodies').value).toBe('BOD');
  });

  it('keeps the longest name as written when two keys are as long ("live;dead;skins" → skins)', () => {
    expect(termCode('live;dead;skins')).toEqual({ value: 'SKI', rule: 'contains "skin"' });
  });

  it('flags what names no term', () => {
    expect(termCode('assorted stuff').value).toBeNull();
    expect(termCode('XYZ').value).toBeNull();
    expect(termCode('  ')).toEqual({ value: null, rule: 'empty' });
  });
});
