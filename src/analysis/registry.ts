// Every analysis, registered explicitly. The name is the CLI argument, the SQL file in queries/,
// and the golden test file; a contract test checks that the three match one to one.
import { didYouMean } from '../normalise/closest.js';
import { UsageError } from '../errors.js';
import type { AnalysisDefinition } from './definition.js';
import { adjustedTrends } from './definitions/adjusted-trends.js';
import { dataQuality } from './definitions/data-quality.js';
import { evidence } from './definitions/evidence.js';
import { financing } from './definitions/financing.js';
import { forensics } from './definitions/forensics.js';
import { interception } from './definitions/interception.js';
import { markets } from './definitions/markets.js';
import { modusOperandi } from './definitions/modus-operandi.js';
import { motives } from './definitions/motives.js';
import { networks } from './definitions/networks.js';
import { outcomes } from './definitions/outcomes.js';
import { patterns } from './definitions/patterns.js';
import { prices } from './definitions/prices.js';
import { repeatSuspects } from './definitions/repeat-suspects.js';
import { routes } from './definitions/routes.js';
import { speciesTrends } from './definitions/species-trends.js';
import { suspectProfiling } from './definitions/suspect-profiling.js';
import { targetCriminals } from './definitions/target-criminals.js';
import { targetSpecies } from './definitions/target-species.js';

/** In the order of Annex 2 of CITES Res. Conf. 11.3 (Rev. CoP19), then the scorecard. */
export const ANALYSES: readonly AnalysisDefinition[] = [
  patterns,
  repeatSuspects,
  suspectProfiling,
  networks,
  modusOperandi,
  speciesTrends,
  adjustedTrends,
  evidence,
  targetSpecies,
  forensics,
  targetCriminals,
  motives,
  routes,
  markets,
  prices,
  financing,
  outcomes,
  interception,
  dataQuality,
];

export function getAnalysis(name: string): AnalysisDefinition {
  const found = ANALYSES.find((a) => a.name === name);
  if (!found) {
    const names = ANALYSES.map((a) => a.name);
    const suggestion = didYouMean(name, names);
    throw new UsageError(`unknown analysis "${name}"${suggestion ? `: ${suggestion}` : ''}`, {
      hint: `wen analyze --list shows them: ${names.join(', ')}`,
    });
  }
  return found;
}
