import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitQuantityAndUnit, unitInfo } from '../../src/normalise/units.js';
import { parseNumber } from '../../src/normalise/numbers.js';

describe('unitInfo', () => {
  it.each([
    ['kg', 'KIL', 1], ['KGM', 'KIL', 1], ['kilograms', 'KIL', 1], ['g', 'GRM', 0.001], ['GM', 'GRM', 0.001], ['t', 'TON', 1000], ['lbs', 'KIL', 0.45359237], ['oz', 'GRM', 0.028349523125],
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

describe('parseNumber', () => {
  it.each([
    ['1,234.5', 1234.5], ['1.234,5', 1234.5], ['1 234', 1234], ['12,5', 12.5], ['1,234', 1234], ['2.5 million', 2_500_000], ['12k', 12000], ['-3', -3], ['1.234.567', 1234567],
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
