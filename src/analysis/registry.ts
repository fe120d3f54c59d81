// Every analysis, registered explicitly. The name is the CLI argument, the SQL file in queries/,
// and the golden test file; a contract test checks that the three match one to one.
import { UsageError } from '../errors.js';
import type { AnalysisDefinition } from './definition.js';
import { patterns } from './definitions/patterns.js';
import { prices } from './definitions/prices.js';
import { repeatSuspects } from './definitions/repeat-suspects.js';
import { routes } from './definitions/routes.js';
import { speciesTrends } from './definitions/species-trends.js';

export const ANALYSES: readonly AnalysisDefinition[] = [patterns, routes, repeatSuspects, prices, speciesTrends];

export function getAnalysis(name: string): AnalysisDefinition {
  const found = ANALYSES.find((a) => a.name === name);
  if (!found) throw new UsageError(`unknown analysis "${name}"`, { hint: `wen analyze --list shows them: ${ANALYSES.map((a) => a.name).join(', ')}` });
  return found;
}
