// The mappings wen ships for public datasets users hold (LEMIS, the CITES Trade Database, ROUTES,
// Brazil's PRF…), in sample-data/mappings/. A file that has every heading a bundled mapping names
// is read with that mapping: such files are trade or incident records whose seizures are a subset
// (LEMIS disposition S, CITES source I) or whose columns need more than heading synonyms, and the
// AITR guess would load every line of them as a seizure.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Mapping } from '../fields.js';
import { filtersOf, headingsReadBy, readMappingFile } from './generic.js';

const BUNDLED_MAPPINGS_DIR = fileURLToPath(new URL('../../../sample-data/mappings/', import.meta.url));

/** Fewer named headings than this is too little evidence that a file is the dataset a mapping was written for. */
const AT_LEAST = 5;

export interface BundledMapping {
  path: string;
  name: string;
  mapping: Mapping;
  headings: Set<string>;
}

let bundled: BundledMapping[] | undefined;

function headingsNamed(mapping: Mapping): Set<string> {
  const named = headingsReadBy(mapping);
  filtersOf(mapping).forEach((f) => named.add(f.column));
  return named;
}

function bundledMappings(): BundledMapping[] {
  bundled ??= readdirSync(BUNDLED_MAPPINGS_DIR)
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .sort()
    .map((name) => {
      const path = join(BUNDLED_MAPPINGS_DIR, name);
      const mapping = readMappingFile(path);
      return { path, name, mapping, headings: headingsNamed(mapping) };
    });
  return bundled;
}

/** The bundled mapping every one of whose headings the file has (the one naming the most, when several do). */
export function bundledMappingFor(headings: string[]): BundledMapping | undefined {
  const present = new Set(headings);
  const fitting = bundledMappings().filter((b) => b.headings.size >= AT_LEAST && [...b.headings].every((h) => present.has(h)));
  return fitting.sort((a, b) => b.headings.size - a.headings.size)[0];
}
