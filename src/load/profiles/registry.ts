// Every loader profile, in one explicit list, and the one rule that picks among them: the best
// clear score. Two close candidates, or none that fits, stop the load with the candidates and their
// reasons rather than a guess (a wrong guess once read a seizure table as payments, rejecting most
// of its rows).
import { InputError } from '../../errors.js';
import { aitrProfile } from './aitr.js';
import { ecomessageProfile } from './ecomessage.js';
import { forensicsProfile } from './forensics.js';
import { genericProfile } from './generic.js';
import type { ProfileName } from './names.js';
import { paymentsProfile } from './payments.js';
import type { Detection, ProfileDefinition, SeizureTableProfile, SideTableProfile, TableSample } from './profile.js';

export const PROFILE_DEFINITIONS: readonly ProfileDefinition[] = [
  aitrProfile,
  ecomessageProfile,
  genericProfile,
  forensicsProfile,
  paymentsProfile,
];

/** A score from which a profile fits, and the margin by which the best must beat the next. */
export const FITS = 0.5;
const MARGIN = 0.2;

export function profileNamed(name: Exclude<ProfileName, 'auto'>): ProfileDefinition {
  const found = PROFILE_DEFINITIONS.find((p) => p.name === name);
  if (!found) throw new Error(`no profile named ${name}`); // names.ts and this list are checked by a test
  return found;
}

export type TableProfile = SeizureTableProfile | SideTableProfile;
const TABLE_PROFILES = PROFILE_DEFINITIONS.filter((p): p is TableProfile => p.kind !== 'record-file');

/** A heading any table profile knows: for finding the header row below title rows. */
export function knownByAnyProfile(cell: string): boolean {
  return TABLE_PROFILES.some((p) => p.knownHeading(cell));
}

interface Candidate extends Detection {
  profile: TableProfile;
}

/** Every table profile's detection, best first. */
function rankTableProfiles(sample: TableSample): Candidate[] {
  return TABLE_PROFILES.map((profile) => ({ profile, ...profile.detect(sample) })).sort((a, b) => b.score - a.score);
}

export type Choice =
  | { clear: true; best: Candidate; ranking: Candidate[] }
  | { clear: false; why: 'none fits' | 'close'; ranking: Candidate[] };

export function chooseTableProfile(sample: TableSample): Choice {
  const ranking = rankTableProfiles(sample);
  const [best, next] = ranking;
  if (!best || best.score < FITS) return { clear: false, why: 'none fits', ranking };
  if (next && next.score >= FITS && best.score - next.score < MARGIN) return { clear: false, why: 'close', ranking };
  return { clear: true, best, ranking };
}

/** Exit 3 with the candidates, their reasons and the commands that settle it. */
export function unclearProfileError(where: string, file: string, choice: Extract<Choice, { clear: false }>): InputError {
  const listed = choice.ranking.filter((c) => c.score > 0).slice(0, 3);
  const candidates = listed.length
    ? listed.map((c) => `${c.profile.name} ${c.score.toFixed(2)}: ${c.reason}`).join('; ')
    : 'no profile recognises its headings';
  const message =
    choice.why === 'close'
      ? `${where}: two profiles fit about as well (${candidates})`
      : `${where}: no profile clearly fits (${candidates})`;
  const pick = listed.length ? `wen load ${file} --profile ${listed[0].profile.name}` : `wen load ${file} --profile aitr`;
  return new InputError(message, {
    hint: `pick one with "${pick}", or draft a mapping with "wen mapping draft ${file} --out map.yaml" and load with --mapping map.yaml`,
  });
}
