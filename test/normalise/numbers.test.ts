// Numbers split by spaces and line breaks, ranges and "amount not given" marks in quantity cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseRange } from '../../src/normalise/numbers.js';
import { splitQuantityAndUnit } from '../../src/normalise/units.js';

describe('spaces and line breaks inside numbers', () => {
  it.each([
    ['1 234 567', 1234567],
    ['1 234', 1234],
    ['12 345,5', 12345.5],
    ['1\u00a0234', 1234],
    ["1'234", 1234],
  ])('reads %j as %s: every group after the first has three digits', (given, value) => {
    expect(parseNumber(given)).toBe(value);
  });

  it.each(['11 1', '1 23', '1234 567', '12 3456'])('refuses %j: a group after the first does not have three digits', (given) => {
    expect(parseNumber(given)).toBeNull();
  });

  it.each(['11\n1', '1\n234', '11\r\n1', '4;\n41'])('never glues digits across a line break (%j)', (given) => {
    expect(parseNumber(given)).toBeNull();
  });

  it('keeps a line break out of a number written with its unit', () => {
    expect(parseNumber(splitQuantityAndUnit('11\n1 kg')!.quantity)).toBeNull();
    expect(parseNumber(splitQuantityAndUnit('1 234 kg')!.quantity)).toBe(1234);
  });

  it('reads any integer written with spaces between thousands', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseNumber(n.toLocaleString('en-US').replace(/,/g, ' ')) === n));
  });
});

describe('ranges', () => {
  it.each([
    ['60-120', [60, 120]],
    ['60 -120', [60, 120]],
    ['60 – 120', [60, 120]],
    ['10 to 20', [10, 20]],
    ['1,000-2,000', [1000, 2000]],
    ['2.5-3', [2.5, 3]],
  ])('reads %j as a range', (given, range) => {
    expect(parseRange(given)).toEqual(range);
  });

  it.each(['-5', '120-60', '60', 'a-b', '60-'])('refuses %j: not two numbers, low to high', (given) => {
    expect(parseRange(given)).toBeNull();
  });
});
