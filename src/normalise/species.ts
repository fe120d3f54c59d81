// Species as written ("MANIS JAVANICA", "Manis sp.", "Pangolin scales", "Manis tricuspis") → a cleaned
// scientific name linked to higher taxa and CITES appendix from src/reference/taxa.csv.
// A name the reference does not know is still cleaned and kept; only text that is no name at all is flagged.
import { readReferenceCsv } from '../reference/read-reference.js';
import { fold, type Normalised } from './text.js';

export interface Taxon {
  taxon: string;
  rank: string;
  genus: string | null;
  family: string | null;
  order: string | null;
  class: string | null;
  appendix: string | null;
}

interface Entry extends Taxon {
  accepted: string | null;
}

/**
 * One taxon of a reference, in the columns of src/reference/taxa.csv: the bundled file and an imported
 * CITES Checklist (`wen reference import`) both reach the normaliser in this shape. Empty string = none.
 */
export interface TaxonRow {
  name: string;
  rank: string;
  genus: string;
  family: string;
  order: string;
  class: string;
  appendix: string;
  accepted: string; // for a synonym, the accepted name; '' for an accepted name
  common_names: string; // ';'-separated
}

let reference: { byName: Map<string, Entry>; byCommonName: Map<string, Entry> } | undefined;
let rows: TaxonRow[] | null = null;
let referenceName = 'bundled';

/** Replaces the bundled reference with `given` (null: back to the bundled one) until the next call. */
export function useTaxonRows(given: TaxonRow[] | null, name = given ? 'imported' : 'bundled'): void {
  rows = given;
  referenceName = name;
  reference = undefined;
}

/** Which reference the normaliser reads now ("bundled", or the name given to useTaxonRows). */
export function taxonReferenceName(): string {
  return referenceName;
}

function load() {
  const byName = new Map<string, Entry>();
  const byCommonName = new Map<string, Entry>();
  const nil = (s: string) => (s === '' ? null : s);
  for (const row of rows ?? (readReferenceCsv('taxa.csv') as unknown as TaxonRow[])) {
    const entry: Entry = {
      taxon: row.name, rank: row.rank, genus: nil(row.genus), family: nil(row.family), order: nil(row.order),
      class: nil(row.class), appendix: nil(row.appendix), accepted: nil(row.accepted),
    };
    byName.set(fold(row.name), entry);
    for (const common of row.common_names.split(';').map(fold).filter(Boolean)) byCommonName.set(common, entry);
  }
  return { byName, byCommonName };
}

function lookup(name: string): Entry | undefined {
  reference ??= load();
  const entry = reference.byName.get(fold(name));
  if (entry?.accepted) return reference.byName.get(fold(entry.accepted));
  return entry;
}

const GENUS_ONLY = /^([A-Za-z]+)\s+(?:spp?|sp\.?p?\.?|species|indet|cf)\.?$/i;
const LATIN = /^[A-Za-z]+(?:[ -][a-z]+){0,2}$/;

/** Capitalises the genus, lower-cases the rest, drops authorship ("Linnaeus, 1758") and the common-name half of "Latin / common". */
export function cleanScientificName(given: string): string {
  let text = given.replace(/[\s\u00a0]+/g, ' ').replace(/^["'\s]+|["'\s]+$/g, '');
  if (text.includes(' / ')) text = text.split(' / ')[0];
  // Authorship after the name: "Manis javanica Desmarest, 1822", "Panthera leo (Linnaeus, 1758)".
  text = text.replace(/^([A-Za-z]+(?: [a-z-]+){1,2})\s+\(?[A-Z][^()]*?,?\s*\d{4}\)?$/, '$1');
  const words = text.trim().split(' ');
  if (!words[0]) return '';
  return [words[0][0].toUpperCase() + words[0].slice(1).toLowerCase(), ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
}

function taxonOf(entry: Entry): Taxon {
  const { accepted: _accepted, ...taxon } = entry;
  return taxon;
}

export function normaliseSpecies(given: string): Normalised<Taxon> {
  const raw = given.trim();
  if (!raw || /^(null|na|n\/a|none|-|unknown|inconnu|desconocido)$/i.test(raw)) return { value: null, rule: 'no species given' };
  const cleaned = cleanScientificName(raw);
  const genusOnly = GENUS_ONLY.exec(cleaned);
  if (genusOnly) {
    const genus = cleanScientificName(genusOnly[1]);
    const known = lookup(genus);
    // "Manidae spp." names a family (CITES writes higher taxa so too): family rank, no genus.
    if (known?.rank === 'family' || (!known && /(idae|aceae)$/.test(genus))) {
      return {
        value: { ...(known ? taxonOf(known) : { family: genus, order: null, class: null, appendix: null }), taxon: `${genus} spp.`, rank: 'family', genus: null },
        rule: known ? 'family-level name ("spp.") in reference' : 'family-level name, family not in reference',
      };
    }
    return {
      value: { ...(known ? taxonOf(known) : { genus, family: null, order: null, class: null, appendix: null }), taxon: `${genus} spp.`, rank: 'genus', genus },
      rule: known ? 'genus-level name ("sp."/"spp.") in reference' : 'genus-level name, genus not in reference',
    };
  }
  const known = lookup(cleaned);
  if (known) {
    const synonym = reference!.byName.get(fold(cleaned))?.accepted;
    return { value: taxonOf(known), rule: synonym ? `synonym of ${known.taxon}` : 'name in reference' };
  }
  reference ??= load();
  const common = reference.byCommonName.get(fold(raw)) ?? reference.byCommonName.get(fold(raw.split(' / ').at(-1) ?? ''));
  if (common) return { value: taxonOf(common.accepted ? lookup(common.accepted)! : common), rule: `common name "${raw}"` };
  if (LATIN.test(cleaned)) {
    const words = cleaned.split(' ');
    const genus = lookup(words[0]);
    const rank = words.length === 1 ? (/(idae|aceae)$/.test(cleaned) ? 'family' : 'genus') : words.length === 2 ? 'species' : 'subspecies';
    const higher = genus ? { family: genus.family, order: genus.order, class: genus.class, appendix: genus.appendix } : { family: null, order: null, class: null, appendix: null };
    return {
      value: { taxon: cleaned, rank, genus: rank === 'family' ? null : words[0], ...higher, appendix: higher.appendix },
      rule: genus ? 'genus in reference, species not' : 'scientific name not in reference',
    };
  }
  return { value: null, rule: 'not a scientific name and not a known common name' };
}
