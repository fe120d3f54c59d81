// "Did you mean …": the known names closest to what a user typed, for the hints of filters and
// flags. Jaro-Winkler similarity (talisman) on folded text favours a shared beginning, which is how
// names are mistyped ("Vietnma", "Manidea", "pangolins"); below 0.8 a name is not offered at all.
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import { fold } from './text.js';

const THRESHOLD = 0.8;

/** Up to `n` of `candidates` closest to `given`, best first; [] when none is close. */
export function closest(given: string, candidates: Iterable<string>, n = 3): string[] {
  const key = fold(given);
  if (!key) return [];
  const scored = new Map<string, number>();
  for (const candidate of candidates) {
    const folded = fold(candidate);
    if (!folded || scored.has(candidate)) continue;
    const score = jaroWinkler(key, folded);
    if (score >= THRESHOLD) scored.set(candidate, score);
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([name]) => name);
}

/** "did you mean "A", "B" or "C"?" for the names closest to `given`, or null when none is close. */
export function didYouMean(given: string, candidates: Iterable<string>): string | null {
  return didYouMeanOf(closest(given, candidates).map((name) => `"${name}"`));
}

/** The words of a hint offering `names` (already chosen and shown as they should be), or null. */
export function didYouMeanOf(names: string[]): string | null {
  if (!names.length) return null;
  return `did you mean ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]}?`;
}
