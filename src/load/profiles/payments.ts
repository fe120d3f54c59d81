// Payment records (bank transfers, mobile money, hawala…) between persons and companies: who paid
// whom, how much, when, and for which seizure when known. The financing analysis traces the flows.
import { mapNameKeys } from '../../identity/name-key.js';
import type { Database } from '../../db/database.js';
import { currencyCode, parseMoney } from '../../normalise/currencies.js';
import { parseDate } from '../../normalise/dates.js';
import type { RawTable } from '../readers/raw-table.js';
import { countryCode } from '../../normalise/countries.js';
import { shareOf, type SideTableProfile } from './profile.js';
import { fieldOf, mapDistinct, stageByHeadings, type TableCounts } from './simple-table.js';

const HEADINGS = {
  payment_ref: ['payment id', 'payment reference', 'transaction id', 'transaction', 'reference'],
  seizure_ref: ['seizure', 'seizure reference', 'case', 'case id', 'case reference'],
  date: ['date', 'payment date', 'transaction date'],
  payer: ['payer', 'sender', 'from', 'remitter', 'ordering party'],
  payee: ['payee', 'receiver', 'beneficiary', 'to', 'recipient'],
  amount: ['amount', 'sum', 'value'],
  currency: ['currency', 'devise', 'moneda'],
  method: ['method', 'channel', 'payment method', 'means'],
  payer_account: ['payer account', 'sender account', 'from account'],
  payee_account: ['payee account', 'beneficiary account', 'to account'],
  notes: ['notes', 'remarks', 'comments'],
};

function isPaymentHeading(cell: string): boolean {
  return fieldOf(HEADINGS, cell) !== undefined;
}

/**
 * Payments need a payer, a payee and an amount among the headings, and values that look like them:
 * amounts with digits, and payers and payees that are not countries ("From", "To" and "Amount" are
 * just as often a seizure's route and quantity).
 */
export const paymentsProfile: SideTableProfile = {
  name: 'payments',
  kind: 'side-table',
  description: 'payment records between persons and companies (payer, payee, amount, currency, date)',
  writes: ['payments'],
  noun: 'payments',
  knownHeading: isPaymentHeading,
  recognises: HEADINGS,
  write: (db, table, sourceId) => writePayments(db, table, sourceId),
  detect(sample) {
    const column = (field: string) => sample.headings.findIndex((h) => fieldOf(HEADINGS, h) === field);
    const [payer, payee, amount] = [column('payer'), column('payee'), column('amount')];
    if (payer < 0 || payee < 0 || amount < 0) return { score: 0, reason: 'no payer, payee and amount headings' };
    const named = `"${sample.headings[payer]}", "${sample.headings[payee]}" and "${sample.headings[amount]}"`;
    const isCountry = (v: string) => countryCode(v).value !== null;
    const countries = Math.max(shareOf(sample, payer, isCountry).share, shareOf(sample, payee, isCountry).share);
    if (countries >= 0.5)
      return {
        score: 0.15,
        reason: `headings ${named} could be payments, but ${Math.round(countries * 100)}% of payers or payees are countries`,
      };
    const numbers = shareOf(sample, amount, (v) => /\d/.test(v));
    if (numbers.values >= 3 && numbers.share < 0.5)
      return { score: 0.2, reason: `headings ${named} could be payments, but few amounts hold a number` };
    return { score: 0.9, reason: `headings name a payer, a payee and an amount (${named})` };
  },
};

async function writePayments(db: Database, raw: RawTable, sourceId: number): Promise<TableCounts> {
  const heading = await stageByHeadings(db, raw, HEADINGS, 'payment_staged');
  await mapDistinct(
    db,
    'SELECT amount AS v FROM payment_staged',
    'payment_amounts',
    '{"given":"VARCHAR","amount":"DOUBLE","currency":"VARCHAR"}',
    (v) => {
      const money = parseMoney(v, null).value;
      return { amount: money?.amount ?? null, currency: money?.currency ?? null };
    },
  );
  await mapDistinct(db, 'SELECT currency AS v FROM payment_staged', 'payment_currencies', '{"given":"VARCHAR","code":"VARCHAR"}', (v) => ({
    code: currencyCode(v).value,
  }));
  await mapDistinct(db, 'SELECT date AS v FROM payment_staged', 'payment_dates', '{"given":"VARCHAR","day":"DATE"}', (v) => ({
    day: parseDate(v).value?.start ?? null,
  }));
  await db.run(
    `CREATE OR REPLACE TEMP TABLE payment_checked AS
     SELECT p.*, a.amount AS amount_n, coalesce(a.currency, c.code) AS currency_n, d.day,
       CASE WHEN p.payer IS NULL THEN 'no payer' WHEN p.payee IS NULL THEN 'no payee'
            WHEN p.amount IS NULL OR a.amount IS NULL THEN 'amount is not a number' WHEN a.amount < 0 THEN 'amount is negative' END AS
              reject_reason
     FROM payment_staged p LEFT JOIN payment_amounts a ON a.given = p.amount LEFT JOIN payment_currencies c ON c.given = p.currency
     LEFT JOIN payment_dates d ON d.given = p.date
     WHERE NOT p.blank`,
  );
  await db.run(
    `INSERT INTO rejects SELECT $source, row_number,
      CASE WHEN reject_reason LIKE 'amount%' THEN $amount WHEN reject_reason = 'no payer' THEN $payer ELSE $payee END,
       CASE WHEN reject_reason LIKE 'amount%' THEN amount END, reject_reason, concat_ws(' | ', payer, payee, amount, currency, date)
     FROM payment_checked WHERE reject_reason IS NOT NULL`,
    { source: sourceId, amount: heading.amount ?? 'amount', payer: heading.payer ?? 'payer', payee: heading.payee ?? 'payee' },
  );
  // Payers and payees keyed like actors' names (src/identity/name-key.ts), to find them among the actors.
  await mapNameKeys(db, 'payment_names', 'SELECT payer FROM payment_checked UNION ALL SELECT payee FROM payment_checked');
  await db.run(
    `INSERT INTO payments
     SELECT $source, row_number, payment_ref, seizure_ref, day, payer, pr.name_key, payee, pe.name_key, amount_n, currency_n, amount,
       method, payer_account, payee_account, notes
     FROM payment_checked LEFT JOIN payment_names pr ON pr.given = payer LEFT JOIN payment_names pe ON pe.given = payee WHERE reject_reason
       IS NULL`,
    { source: sourceId },
  );
  await db.run(
    `INSERT INTO flags SELECT $source, row_number, $column, currency, ` +
      `'unknown currency' FROM payment_checked WHERE reject_reason IS ` +
      `NULL AND currency IS NOT NULL AND currency_n IS NULL`,
    { source: sourceId, column: heading.currency ?? 'currency' },
  );
  const counts = await db.one<TableCounts>(
    `SELECT (SELECT count(*) FROM payment_staged WHERE blank)::INTEGER AS blank, count(*) FILTER (reject_reason IS NULL)::INTEGER AS loaded,
            count(*) FILTER (reject_reason IS NOT NULL)::INTEGER AS rejected,
              (SELECT count(DISTINCT row_number) FROM flags WHERE source_id = $source)::INTEGER AS flagged
     FROM payment_checked`,
    { source: sourceId },
  );
  return counts!;
}
