import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pluralOf, splitQuantityAndUnit, unitInfo, unitNames, unitWithOverride } from '../../src/normalise/units.js';
import { parseNumber } from '../../src/normalise/numbers.js';

describe('unitInfo', () => {
  it.each([
    ['kg', 'KIL', 1],
    ['KGM', 'KIL', 1],
    ['kilograms', 'KIL', 1],
    ['g', 'GRM', 0.001],
    ['GM', 'GRM', 0.001],
    ['t', 'TON', 1000],
    ['lbs', 'KIL', 0.45359237],
    ['oz', 'GRM', 0.028349523125],
  ])('%s is %s with %s kg per unit', (given, code, kgPer) => {
    const unit = unitInfo(given).value!;
    expect(unit.code).toBe(code);
    expect(unit.kgPer).toBeCloseTo(kgPer, 12);
  });

  it('reads a blank unit, NO (LEMIS) and "specimens" as a number of specimens', () => {
    for (const given of ['', 'NO', 'specimens', 'heads']) expect(unitInfo(given).value).toMatchObject({ code: null, countPer: 1 });
  });

  it('counts a pair as two specimens', () => {
    expect(unitInfo('pairs').value).toMatchObject({ code: 'PAI', countPer: 2 });
  });

  it('gives no kilograms for volumes, containers and lengths', () => {
    for (const given of ['ml', 'm3', 'cartons', 'bags', 'cm']) expect(unitInfo(given).value!.kgPer).toBeNull();
  });

  it('flags units it does not know rather than guessing', () => {
    expect(unitInfo('bundles')).toEqual({ value: null, rule: 'unknown unit' });
  });

  it('converts any mass to kilograms consistently: 1000 g = 1 kg, 1 t = 1000 kg', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (q) => {
        expect(q * unitInfo('g').value!.kgPer! * 1000).toBeCloseTo(q * unitInfo('kg').value!.kgPer!, 6);
        expect(q * unitInfo('t').value!.kgPer!).toBeCloseTo(q * 1000, 6);
      }),
    );
  });

  it('splits a number and a unit written in one cell', () => {
    expect(splitQuantityAndUnit('12.5 kg')).toEqual({ quantity: '12.5', unit: 'kg' });
    expect(splitQuantityAndUnit('3 pairs')).toEqual({ quantity: '3', unit: 'pairs' });
    expect(splitQuantityAndUnit('kg')).toBeNull();
  });
});

describe('the unit grammar on spellings of real files', () => {
  // [as written, code, quantity in the code per unit, kg per unit, specimens per unit, rule]
  it.each([
    ['Unidade', null, 1, null, 1, '"unidade" → number of specimens'],
    ['kg (1.000 L)', 'KIL', 1, 1, null, '"kg (1.000 l)" → KIL (the rest a gloss)'],
    ['g (Gramas)', 'GRM', 1, 0.001, null, '"g (gramas)" → GRM (the rest a gloss)'],
    ['m³ (1 MDC)', 'CUM', 1, null, null, '"m³ (1 mdc)" → CUM (the rest a gloss)'],
    ['Metros', 'MTR', 1, null, null, '"metros" → MTR'],
    ['Caixas', 'BOX', 1, null, null, '"caixas" → BOX'],
    ['Arroba (15 kg)', 'KIL', 15, 15, null, '"arroba (15 kg)" → KIL ×15'],
    ['saco de 50 kg', 'KIL', 50, 50, null, '"saco de 50 kg" → KIL ×50'],
    ['caixa com 12', null, 12, null, 12, '"caixa com 12" → number of specimens ×12'],
    ['box of 12 pairs', 'PAI', 12, null, 24, '"box of 12 pairs" → PAI ×12'],
    ['50 kg bags', 'KIL', 50, 50, null, '"50 kg bags" → KIL ×50'],
    ['unidade (10 kg)', null, 1, 10, 1, '"unidade (10 kg)" → number of specimens, 10 kg each'],
    ['箱（10公斤）', 'KIL', 10, 10, null, '"箱（10公斤）" → KIL ×10'],
    ['公斤', 'KIL', 1, 1, null, '"公斤" → KIL'],
    ['千克', 'KIL', 1, 1, null, '"千克" → KIL'],
    ['克', 'GRM', 1, 0.001, null, '"克" → GRM'],
    ['斤', 'KIL', 0.5, 0.5, null, '"斤" → KIL ×0.5'],
    ['两', 'KIL', 0.05, 0.05, null, '"两" → KIL ×0.05'],
    ['吨', 'TON', 1, 1000, null, '"吨" → TON'],
    ['箱', 'BOX', 1, null, null, '"箱" → BOX'],
    ['袋', 'BAG', 1, null, null, '"袋" → BAG'],
    ['microgrammes', 'MGM', 0.001, 1e-9, null, '"microgrammes" → MGM ×0.001'],
    ['cm3', 'MLT', 1, null, null, '"cm3" → MLT'],
    ['ft2', 'SQM', 0.09290304, null, null, '"ft2" → SQM ×0.09290304'],
    ['sides', 'PCS', 1, null, 1, '"sides" → PCS'],
    ['bellyskins', null, 1, null, 1, '"bellyskins" → number of specimens'],
    ['douzaines', null, 12, null, 12, '"douzaines" → number of specimens ×12'],
  ])('reads %s as %s ×%s', (given, code, toCode, kgPer, countPer, rule) => {
    const read = unitInfo(given);
    expect(read.rule).toBe(rule);
    expect(read.value!.code).toBe(code);
    expect(read.value!.toCode).toBeCloseTo(toCode as number, 12);
    if (kgPer === null) expect(read.value!.kgPer).toBeNull();
    else expect(read.value!.kgPer).toBeCloseTo(kgPer as number, 15);
    expect(read.value!.countPer).toBe(countPer);
  });

  it.each(['只', '头', '条', '个', '件', '根', '张'])('counts the Chinese classifier %s as a number of specimens', (given) => {
    expect(unitInfo(given)).toEqual({
      value: { code: null, toCode: 1, kgPer: null, countPer: 1 },
      rule: `"${given}" → number of specimens`,
    });
  });

  it('flags an arroba without its weight, saying how to give one', () => {
    expect(unitInfo('Arroba')).toEqual({
      value: null,
      rule:
        'unknown unit: an arroba has no fixed weight (15 kg in Brazil, ' +
        '11.5 kg in Spain); write its weight ("arroba (15 kg)") or give ' +
        'the mapping a factor',
    });
  });

  it('does not take a size after an unknown word for a unit', () => {
    expect(unitInfo('bundles of 12')).toEqual({ value: null, rule: 'unknown unit' });
    expect(unitInfo('fardo (20 kg)')).toEqual({ value: null, rule: 'unknown unit' });
  });

  it('resolves every code of the table from the code itself', () => {
    const codes = new Set(
      unitNames()
        .map((n) => n.unit.code)
        .filter((c): c is string => c !== null),
    );
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) expect(unitInfo(code).value?.code, code).toBe(code);
  });

  it('reads the singular and the plural of every base name as the same unit, both ways', () => {
    const words = unitNames().filter((n) => /^[a-z ]{3,}$/.test(n.name));
    expect(words.length).toBeGreaterThan(80);
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.constantFrom('', ' ', '  '), fc.boolean(), ({ name, unit }, pad, upper) => {
        const plural = pluralOf(name);
        const write = (s: string) => pad + (upper ? s.toUpperCase() : s) + pad;
        expect(unitInfo(write(plural)).value, plural).toEqual(unit);
        expect(unitInfo(write(name)).value, name).toEqual(unit);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a unit read with a mapping', () => {
  it('maps a unit to a code and scales it by its factor', () => {
    expect(unitWithOverride('Arroba', { map: 'kg', factor: 15 })).toEqual({
      value: { code: 'KIL', toCode: 15, kgPer: 15, countPer: null },
      rule: '"arroba" → KIL ×15 (mapping: mapped to "kg", factor 15)',
    });
  });

  it('gives a unit its weight and keeps its code', () => {
    expect(unitWithOverride('Caixas', { toKg: 20 })).toEqual({
      value: { code: 'BOX', toCode: 1, kgPer: 20, countPer: null },
      rule: '"caixas" → BOX (mapping: "caixas" → BOX, 20 kg each)',
    });
  });

  it('reads an unknown unit with a weight as that many kilograms', () => {
    expect(unitWithOverride('Fardo', { toKg: 30 }).value).toEqual({ code: 'KIL', toCode: 30, kgPer: 30, countPer: null });
  });

  it('refuses a factor for a unit it cannot read', () => {
    expect(unitWithOverride('Fardo', { factor: 2 }).value).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1 234', 1234],
    ['12,5', 12.5],
    ['1,234', 1234],
    ['2.5 million', 2_500_000],
    ['12k', 12000],
    ['-3', -3],
    ['1.234.567', 1234567],
  ])('reads %s as %s', (given, value) => {
    expect(parseNumber(given)).toBe(value);
  });

  it('returns null for text that is not a number', () => {
    expect(parseNumber('about ten bags')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('reads any integer written with thousands separators', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseNumber(n.toLocaleString('en-US')) === n));
  });
});
