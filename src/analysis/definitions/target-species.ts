// target-species: which species are most hunted, smuggled and traded in a period and region.
import { referencePath } from '../../reference/read-reference.js';
import { UsageError } from '../../errors.js';
import type { AnalysisDefinition } from '../definition.js';
import { STANDARD_COLUMNS, STANDARDISE_OPTIONS } from '../standard.js';
import { rankedBars } from './charts.js';

export const targetSpecies: AnalysisDefinition = {
  name: 'target-species',
  title: 'Target species',
  question: 'Which species are most affected — by seizures, kilograms, individuals or value — and how protected are they (CITES appendix)?',
  options: [
    {
      flags: '--by <measure>',
      key: 'by',
      description:
        'rank by (items: individuals and pieces, the count units; kg: ' +
        'weighed, and estimated with --standardise; organisms: whole-organism ' +
        'equivalents, needs --standardise)',
      choices: ['seizures', 'kg', 'items', 'value', 'organisms'],
      default: 'seizures',
    },
    {
      flags: '--rank <rank>',
      key: 'rank',
      description: 'group taxa at this rank',
      choices: ['species', 'genus', 'family', 'order', 'class'],
      default: 'species',
    },
    ...STANDARDISE_OPTIONS,
  ],
  columns: {
    rank: 'position by the chosen measure',
    species: 'taxon',
    class_name: "the taxon's class: the reference's for a name it holds, else the class most of its rows give",
    cites_appendix: 'CITES appendix (from the bundled reference)',
    seizures: 'seizures',
    quantity_kg: 'kilograms as weighed',
    items: 'items (count units)',
    value_usd: 'value in US dollars',
    seizing_countries: 'countries that seized it',
    terms: 'CITES terms seized',
    ...STANDARD_COLUMNS,
  },
  params: (o) => {
    if (o.by === 'organisms' && !o.standardise)
      throw new UsageError('--by organisms needs --standardise', { hint: 'wen analyze target-species --standardise --by organisms' });
    return { by: String(o.by), rank: String(o.rank), taxa_path: referencePath('taxa.csv') };
  },
  chart: (rows, { options }) => {
    const measure =
      options.by === 'kg'
        ? 'quantity_kg'
        : options.by === 'items'
          ? 'items'
          : options.by === 'value'
            ? 'value_usd'
            : options.by === 'organisms'
              ? 'organisms'
              : 'seizures';
    return rankedBars(
      `Most affected taxa by ${options.by}`,
      rows.slice(0, 20).map((r) => ({ species: r.species, [measure]: r[measure], appendix: r.cites_appendix ?? 'not known' })),
      'species',
      measure,
      String(options.by),
      'appendix',
    );
  },
};
