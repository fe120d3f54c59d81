// The keys identifiers are compared by, as DuckDB macros every connection has: one home for the rule
// that the resolver, evidence, networks, watch lists, same-seizure links and wen share all follow.
//  * number_key: passports, ID numbers, documents, plates and references, upper case, letters and
//    digits only ("B 123-4567" and "b1234567" are one number);
//  * phone_key: digits only, so "+84 90 123 4567" and "84901234567" are one phone (a leading "+" or
//    "00" is how a number is dialled, not part of it; a local form without the country code stays apart).
export const KEY_MACROS = [
  `CREATE OR REPLACE TEMP MACRO number_key(x) AS upper(regexp_replace(x, '[^A-Za-z0-9]', '', 'g'))`,
  `CREATE OR REPLACE TEMP MACRO phone_key(x) AS regexp_replace(regexp_replace(x, '[^0-9]', '', 'g'), '^00', '')`,
];
