// Persons named inside a text cell: court-judgment tables write the defendants in the sanctions
// cell, several per cell, each with a sentence ("张某某:13 years(prison)\n李某：1year and 6months",
// "John Doe: 3 years imprisonment; Jane Roe: fine of 5,000 USD"). Using the whole cell as a name
// would link different people who got the same sentence, so the cell is read into one
// {name, text} per person. It is SQL over the distinct cells of a column (their lines as rows, a
// window to attach wrapped lines to their person), so staging reads every row in DuckDB, set-based,
// and the same table says whether a column has that shape at all (namesInTextShare).
//
// How a cell is read:
// - Persons are parted by line breaks, and by `;` `；` when what follows looks like "name:".
// - A line names a person when it starts with a short name (letters, marks, spaces and . ' ’ - ·
//   ( ), at most 5 words and 40 characters, no digit) then an ASCII `:` or full-width `：`, then a
//   text. A time ("10:30") or a count ("Accused 2:") has digits; a URL's text starts with "//"; a
//   label ("Fine: 500 USD", "罚金：5000元", "Status: closed") is on a list of labels: none is a name.
// - A leading role word ("被告人张某", "Defendant John Doe") is not part of the name; "张某、李某：…"
//   names two persons with one sentence.
// - A line that names nobody continues the person above it (a sentence wrapped onto two lines).
// - The cell is of that shape only when its first line names a person and at least half of its
//   lines do; otherwise it yields an empty list and is left alone.

/** Words that start a label, not a name (lower case; the first word of the part before the colon). */
const LABEL_WORDS = [
  'fine',
  'fines',
  'fined',
  'penalty',
  'penalties',
  'sanction',
  'sanctions',
  'sentence',
  'sentenced',
  'prison',
  'imprisonment',
  'jail',
  'custody',
  'probation',
  'note',
  'notes',
  'nb',
  'status',
  'result',
  'results',
  'outcome',
  'verdict',
  'judgment',
  'judgement',
  'court',
  'case',
  'charge',
  'charges',
  'charged',
  'offence',
  'offense',
  'remark',
  'remarks',
  'comment',
  'comments',
  'total',
  'amount',
  'date',
  'time',
  'ref',
  'reference',
  'source',
  'see',
  'decision',
  'appeal',
  'seized',
  'confiscated',
  'confiscation',
  'arrested',
  'arrest',
  'pending',
  'other',
  'others',
  'details',
  'description',
  'value',
  'http',
  'https',
  'www',
  'ftp',
  'mailto',
  'tel',
  'phone',
  'email',
  'amende',
  'amendes',
  'peine',
  'emprisonnement',
  'condamnation',
  'statut',
  'resultat',
  'résultat',
  'jugement',
  'tribunal',
  'affaire',
  'multa',
  'multas',
  'pena',
  'prisión',
  'prision',
  'sentencia',
  'condena',
  'resultado',
  'estado',
  'observación',
  'observacion',
  'juicio',
];
/** Han labels: a part before the colon that starts with one of them is not a name. */
const HAN_LABELS = [
  '罚金',
  '罚款',
  '判决',
  '判处',
  '处罚',
  '备注',
  '刑期',
  '结果',
  '案件',
  '案由',
  '状态',
  '说明',
  '注',
  '没收',
  '合计',
  '总计',
  '法院',
  '罪名',
  '刑罚',
  '处理',
  '附加',
];
/** Role words written before a name: dropped from it. */
const ROLE_PREFIX = '(原审被告人|犯罪嫌疑人|被告人|嫌疑人|上诉人|被告|罪犯|(?i:defendants?|accused|suspects?|offenders?)\\s+)';

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A part before the colon that may be a name (letters first; no digit, colon or separator). */
const NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} .'’·•()（）\\-、]*?";
/** A line naming a person: the name, a colon, the text (group 1 and 2), after an optional leading `;`. */
const LINE = sqlText(`^[;；]?\\s*(${NAME})\\s*[:：]\\s*(\\S.*?)\\s*$`);
const MARK = sqlText(`([;；])\\s*(${NAME}\\s*[:：])`);
const ROLE = sqlText(`^${ROLE_PREFIX}`);
const LABEL = sqlText(`^(${LABEL_WORDS.join('|')})([\\s.(（]|$)|^(${HAN_LABELS.join('|')})`);

/**
 * SQL that makes temp table `target`(cell, person, name, text): the persons each distinct cell of
 * `from` (a query with a column `cell`) names, numbered from 1 in the cell, with the text after each
 * name. A cell not of that shape has no row. Each distinct cell is read once; its lines are rows,
 * so every regular expression is a constant compiled once (inside a list lambda it was compiled per
 * row: 0.4 ms a cell).
 */
export function namesInTextStatements(from: string, target: string): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE ${target}_lines AS
     SELECT cell, i, line, named, CASE WHEN named THEN regexp_replace(m.name, ${ROLE}, '') END AS name,
       CASE WHEN named THEN m.text ELSE line END AS text,
            sum(named::INTEGER) OVER (PARTITION BY cell ORDER BY i) AS person
     FROM (
       SELECT cell, i, line, m,
              m.name <> '' AND length(m.name) <= 40 AND len(string_split(m.name, ' ')) <= 5 AND NOT starts_with(m.text, '/')
                AND NOT regexp_matches(lower(m.name), ${LABEL}) AND regexp_replace(m.name, ${ROLE}, '') <> '' AS named
       FROM (
         SELECT cell, i, line, regexp_extract(line, ${LINE}, ['name', 'text']) AS m
         FROM (
           SELECT cell, unnest(ls) AS line, generate_subscripts(ls, 1) AS i
           FROM (SELECT cell, list_filter(list_transform(string_split_regex(regexp_replace(cell, ${MARK}, chr(10) || '\\1 \\2', 'g'),
             '[\\r\\n]+'), l -> trim(l)), l -> l <> '') AS ls
                 FROM (SELECT DISTINCT cell FROM (${from}) WHERE cell IS NOT NULL)))))`,
    // Lines that name nobody join the person above ("; …" with no space); the cell must be of that shape.
    `CREATE OR REPLACE TEMP TABLE ${target} AS
     SELECT cell, row_number() OVER (PARTITION BY cell ORDER BY person, part) AS person, part_name AS name, text
     FROM (
       SELECT cell, person, trim(unnest(string_split(name, '、'))) AS part_name, generate_subscripts(string_split(name, '、'), 1) AS part,
         text
       FROM (
         SELECT l.cell, l.person, first(l.name ORDER BY l.i) AS name,
                trim(string_agg(CASE WHEN l.named OR starts_with(l.text, ';') OR starts_with(l.text, '；') THEN '' ELSE ' ' END || l.text,
                  '' ORDER BY l.i)) AS text
         FROM ${target}_lines l
         WHERE l.cell IN (SELECT cell FROM ${target}_lines GROUP BY cell HAVING bool_or(named AND i = 1) AND 2 * count(*) FILTER (named) >=
           count(*))
         GROUP BY l.cell, l.person))
     WHERE part_name <> ''`,
    `DROP TABLE ${target}_lines`,
  ];
}

/** At least this share of a column's non-empty cells must name persons for `names_in_text: auto` to read it. */
export const SHAPED_SHARE = 0.5;

/**
 * SQL of one row (cells, shaped): a column's non-empty cells and how many of them name persons, given `from`
 * (cell per row) and the persons table.
 */
export function namesInTextShare(from: string, persons: string): string {
  return (
    `SELECT count(*)::INTEGER AS cells, count(*) FILTER (cell IN ` +
    `(SELECT cell FROM ${persons}))::INTEGER AS shaped FROM (${from}) ` +
    `WHERE cell IS NOT NULL`
  );
}
