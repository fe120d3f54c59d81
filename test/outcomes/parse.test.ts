// The sanctions-text parser, table-driven: each hand-written text with the outcomes it states, in
// English, French, Spanish, Portuguese and Chinese. An outcome is written short: its kind, then the
// months (with "suspended"), or the fine's amount and currency ("?" when none is named).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHanNumber, parseOutcomes, type Outcome } from '../../src/outcomes/parse.js';

function short(o: Outcome): string {
  if (o.kind === 'custodial') return `custodial ${o.months ?? 'life'}${o.suspended ? ' suspended' : ''}`;
  if (o.kind === 'fine') return o.fineAmount === null ? 'fine' : `fine ${o.fineAmount} ${o.fineCurrency ?? '?'}`;
  return o.kind;
}

const CASES: Array<[language: string, text: string, outcomes: string[], unparsed?: string]> = [
  // English
  ['en', 'sentenced to 2 years and a fine of 5,000 USD', ['convicted', 'custodial 24', 'fine 5000 USD']],
  ['en', '13 years(prison)', ['custodial 156']],
  ['en', '1year and 6months', ['custodial 18']],
  ['en', 'prosecution pending', ['pending']],
  ['en', 'case closed', ['dismissed']],
  ['en', 'acquitted', ['acquitted']],
  ['en', 'under investigation', ['pending']],
  ['en', 'fined', ['fine']],
  ['en', 'sentenced to 5 years imprisonment', ['convicted', 'custodial 60']],
  ['en', 'Arrested and charged; released on bail', ['arrested', 'charged', 'pending']],
  ['en', 'fined US$ 2,500 and ivory confiscated', ['fine 2500 USD', 'confiscation'], 'ivory'],
  ['en', 'sentenced to 18 months in jail, suspended for 2 years', ['convicted', 'custodial 18 suspended']],
  ['en', '2 years suspended', ['custodial 24 suspended']],
  ['en', '3 years; 2 years', ['custodial 36', 'custodial 24']],
  ['en', 'investigation ongoing for 2 months', ['pending'], 'months'],
  ['en', 'life imprisonment', ['custodial life']],
  ['en', 'warned and released', [], 'warned released'],
  ['en', 'no arrest', []],
  // A penalty column: the whole text an amount and its currency is a fine; with no currency it is not read.
  ['en', '50000 CNY', ['fine 50000 CNY']],
  ['en', 'USD 2,000', ['fine 2000 USD']],
  ['en', '5 years', ['custodial 60']],
  // French
  ['fr', "6 mois d'emprisonnement avec sursis", ['custodial 6 suspended']],
  ['fr', "condamné à 2 ans de prison ferme et 500 000 FCFA d'amende", ['convicted', 'custodial 24', 'fine 500000 ?']],
  ['fr', 'amende de 200 euros', ['fine 200 EUR']],
  ['fr', 'classé sans suite', ['dismissed']],
  ['fr', 'relaxé', ['acquitted']],
  ['fr', 'interpellé et déféré au parquet', ['arrested', 'prosecuted']],
  ['fr', 'en cours', ['pending']],
  // Spanish
  ['es', 'multa de 10.000 reales', ['fine 10000 BRL']],
  ['es', 'condenado a 4 años de prisión y multa de 1.500 dólares', ['convicted', 'custodial 48', 'fine 1500 USD']],
  ['es', 'absuelto', ['acquitted']],
  ['es', 'archivado', ['dismissed']],
  ['es', 'detenido, proceso en curso', ['arrested', 'pending']],
  // Portuguese
  ['pt', 'pena de 3 anos', ['custodial 36']],
  ['pt', 'pena de quatro anos de prisão', ['custodial 48']],
  ['pt', 'condenado a pena de 2 anos e 6 meses de reclusão', ['convicted', 'custodial 30']],
  ['pt', 'multa de R$ 5.000', ['fine 5000 BRL']],
  ['pt', 'preso em flagrante', ['arrested']],
  ['pt', 'absolvido', ['acquitted']],
  // Chinese (simplified and traditional, Chinese and full-width digits)
  ['zh', '判处有期徒刑三年，并处罚金人民币五万元', ['convicted', 'custodial 36', 'fine 50000 CNY']],
  ['zh', '有期徒刑柒月，緩刑貳年', ['custodial 7 suspended']],
  ['zh', '拘役六个月，并处罚金人民币3000元', ['custodial 6', 'fine 3000 CNY']],
  ['zh', '有期徒刑一年六个月，缓刑二年，并处罚金人民币二万元', ['custodial 18 suspended', 'fine 20000 CNY']],
  ['zh', '判處有期徒刑１年２月，併科罰金新臺幣拾萬元', ['convicted', 'custodial 14', 'fine 100000 TWD']],
  ['zh', '罰金3萬元', ['fine 30000 ?']],
  ['zh', '被告人无罪', ['acquitted']],
  ['zh', '无期徒刑', ['custodial life']],
  ['zh', '不起诉', ['dismissed']],
  ['zh', '没收', ['confiscation']],
];

describe('parseOutcomes', () => {
  it.each(CASES)('reads the %s text "%s" as its outcomes', (_language, text, outcomes, unparsed) => {
    const parsed = parseOutcomes(text);
    expect(parsed.outcomes.map(short)).toEqual(outcomes);
    expect(parsed.unparsed).toBe(unparsed ?? null);
  });

  it('covers the five languages with at least thirty texts', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c[0]))).toEqual(new Set(['en', 'fr', 'es', 'pt', 'zh']));
  });

  it('keeps with every outcome the rule that read it and the words it read, taken from the text', () => {
    for (const [, text] of CASES) {
      for (const o of parseOutcomes(text).outcomes) {
        expect(o.rule).not.toBe('');
        expect(text.normalize('NFKC')).toContain(o.text);
      }
    }
    expect(parseOutcomes('罰金3萬元').outcomes[0].rule).toBe('罰金 in 元: CNY or TWD? not guessed');
    expect(parseOutcomes("condamné à 2 ans de prison ferme et 500 000 FCFA d'amende").outcomes[2].rule).toContain(
      'ambiguous currency: XAF or XOF',
    );
  });

  it('returns a text that no rule reads as unparsed, whole, and an empty text as nothing', () => {
    expect(parseOutcomes('see attached file')).toEqual({ outcomes: [], unparsed: 'see attached file' });
    expect(parseOutcomes('  ')).toEqual({ outcomes: [], unparsed: null });
  });

  it('never throws on any text and gives only finite months', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parsed = parseOutcomes(text);
        for (const o of parsed.outcomes) if (o.months !== null) expect(Number.isFinite(o.months)).toBe(true);
      }),
    );
  });
});

describe('parseHanNumber', () => {
  it.each([
    ['三', 3],
    ['十二', 12],
    ['二十', 20],
    ['壹拾伍', 15],
    ['貳', 2],
    ['柒', 7],
    ['五万', 50000],
    ['拾萬', 100000],
    ['一百二十', 120],
    ['3000', 3000],
    ['1.5万', 15000],
    ['两千五百', 2500],
  ])('reads %s as %d', (text, value) => {
    expect(parseHanNumber(text as string)).toBe(value);
  });
  it('returns null for characters that are not a number', () => {
    expect(parseHanNumber('年')).toBeNull();
  });
});
