// Matches one place cell as files write it ("JFK Airport", "Jomo Kenyatta Int'l", "NBO", "Port of
// Mombasa", "Hanoi, Vietnam", "Manaus, AM") to a point of the gazetteer, with the rule that matched
// and a confidence. The row's seizure country, when known, bounds the search: a name is never placed
// in another country, and a name that several countries have, with no country to decide, is called
// ambiguous and left unplaced rather than guessed. Pure: one call per distinct (value, country).
import { countryCode } from '../normalise/countries.js';
import { airportNameKey, gazetteer, placeKey, type Airport, type City } from './gazetteer.js';

export interface PlaceMatch {
  kind: 'airport' | 'city' | 'port' | null;
  name: string | null;
  /** IATA code of an airport (its ICAO code when it has none), GeoNames id of a city or port's city. */
  code: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  rule: string;
  /** 0..1: 0.95 for a code, less for a name read through a rule; 0 when not placed. */
  confidence: number;
}

/** Territories that files often file under China ("Hong Kong, China"): a Chinese row may be placed in them. */
const WITHIN: Record<string, string[]> = { CN: ['CN', 'HK', 'MO'] };

/**
 * Brazil's states (UF), as their GeoNames division codes: "Manaus, AM" is Manaus in Amazonas. Only
 * Brazil for now, whose files write the state after the city; others are read as "City, Country".
 */
const SUBDIVISIONS: Record<string, Record<string, string>> = {
  BR: {
    AC: '01',
    AL: '02',
    AP: '03',
    AM: '04',
    BA: '05',
    CE: '06',
    DF: '07',
    ES: '08',
    GO: '29',
    MA: '13',
    MT: '14',
    MS: '11',
    MG: '15',
    PA: '16',
    PB: '17',
    PR: '18',
    PE: '30',
    PI: '20',
    RJ: '21',
    RN: '22',
    RS: '23',
    RO: '24',
    RR: '25',
    SC: '26',
    SP: '27',
    SE: '28',
    TO: '31',
  },
};

const AIRPORT_HINT = /\b(airport|aeroport|aéroport|aeropuerto|aeroporto|aerodrome|airfield|int'?l|international|internacional)\b/i;
/** "Port of Mombasa", "Mombasa Port", "Mombasa seaport", "Puerto de Manzanillo", "Porto de Santos", "Dar es Salaam harbour". */
const PORT_BEFORE = /^(?:sea ?port|port|harbou?r|puerto|porto)(?:\s+(?:of|de|do|da|del))?\s+(.+)$/i;
const PORT_AFTER = /^(.+?)\s+(?:sea ?port|port|harbou?r|docks?)$/i;

const NONE = { kind: null, name: null, code: null, country: null, latitude: null, longitude: null } as const;

function notPlaced(rule: string): PlaceMatch {
  return { ...NONE, rule, confidence: 0 };
}

function airportMatch(a: Airport, rule: string, confidence: number): PlaceMatch {
  return { kind: 'airport', name: a.name, code: a.iata ?? a.icao, country: a.country, latitude: a.lat, longitude: a.lon, rule, confidence };
}

function cityMatch(c: City, kind: 'city' | 'port', rule: string, confidence: number): PlaceMatch {
  return { kind, name: c.name, code: String(c.id), country: c.country, latitude: c.lat, longitude: c.lon, rule, confidence };
}

interface Bounds {
  countries: string[] | null;
  /** GeoNames division code of a state named in the cell ("AM" of "Manaus, AM"). */
  admin: string | null;
  /** What bounded the search, for the rule: "in KE". */
  said: string;
}

type Found<T> = { one: T } | { ambiguous: string } | null;

/** The candidates inside the bounds; one country's → the best of them, several countries' → ambiguous. */
function choose<T extends { country: string }>(candidates: T[] | undefined, bounds: Bounds, best: (list: T[]) => T | null): Found<T> {
  if (!candidates?.length) return null;
  const inside = bounds.countries ? candidates.filter((c) => bounds.countries!.includes(c.country)) : candidates;
  if (!inside.length) return null;
  const countries = [...new Set(inside.map((c) => c.country))];
  if (countries.length > 1 && !bounds.countries?.length)
    return { ambiguous: countries.sort().slice(0, 6).join(', ') + (countries.length > 6 ? ' …' : '') };
  const chosen = best(inside);
  return chosen ? { one: chosen } : { ambiguous: `several in ${countries.join(', ')}` };
}

/** One airport of several: the only large one, else none (two airports of one name or town are not guessed between). */
function oneAirport(list: Airport[]): Airport | null {
  if (list.length === 1) return list[0];
  const large = list.filter((a) => a.large);
  return large.length === 1 ? large[0] : null;
}

/** The city of a name: the most populous of those in the bounds (GeoNames lists many hamlets of one name). */
function biggestCity(list: City[]): City {
  return list.reduce((a, b) => (b.population > a.population ? b : a));
}

/**
 * An airport named in a cell; `namedOnly` (a cell without an airport word: "Suvarnabhumi") takes only an
 * airport's own names, never its town's.
 */
function findAirportByName(text: string, bounds: Bounds, namedOnly = false): PlaceMatch | null {
  const g = gazetteer();
  const key = airportNameKey(text);
  if (!key) return null;
  const named = choose(g.airportByName.get(key), bounds, oneAirport);
  if (named && 'one' in named) return airportMatch(named.one, `airport name${bounds.said}`, 0.9);
  if (named) return notPlaced(`ambiguous airport name: ${named.ambiguous}`);
  if (namedOnly) return null;
  // "Bengaluru Airport": a town's one large airport, else the one large airport within 50 km of the city of
  // that name (OurAirports writes the town Bangalore), else the town's only airport.
  const town = choose(g.airportByMunicipality.get(key), bounds, (list) => {
    const large = list.filter((a) => a.large);
    return large.length === 1 ? large[0] : large.length > 1 ? null : list.length === 1 ? list[0] : null;
  });
  if (town && 'one' in town && town.one.large) return airportMatch(town.one, `the airport of the town${bounds.said}`, 0.75);
  const city = findCity(key, bounds, 'city', '', 0);
  if (city?.kind) {
    const near = g.airports
      .filter(
        (e) =>
          e.airport.large &&
          (!bounds.countries || bounds.countries.includes(e.airport.country)) &&
          kmBetween(e.airport, { lat: city.latitude!, lon: city.longitude! }) <= NEAR_KM,
      )
      .map((e) => e.airport);
    if (near.length === 1)
      return airportMatch(near[0], `the large airport within ${NEAR_KM} km of the city ${city.name}${bounds.said}`, 0.7);
  }
  if (town && 'one' in town) return airportMatch(town.one, `the airport of the town${bounds.said}`, 0.7);
  if (town) return notPlaced(`ambiguous: several airports serve ${text.trim()} (${town.ambiguous})`);
  const other = choose(g.airportByKeyword.get(key), bounds, oneAirport);
  if (other && 'one' in other) return airportMatch(other.one, `another name of the airport${bounds.said}`, 0.75);
  // Last resort: an airport whose name holds every word given ("Kenyatta Airport"), when one does.
  const words = key.split(' ');
  const holding = g.airports
    .filter((e) => words.every((w) => e.words.has(w)) && (!bounds.countries || bounds.countries.includes(e.airport.country)))
    .map((e) => e.airport);
  const partial = choose(holding, bounds, oneAirport);
  if (partial && 'one' in partial) return airportMatch(partial.one, `words of an airport's name and town${bounds.said}`, 0.6);
  return null;
}

export const NEAR_KM = 50;

/** Great-circle distance in km (haversine, mean Earth radius). */
export function kmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function findCity(text: string, bounds: Bounds, kind: 'city' | 'port', rule: string, confidence: number): PlaceMatch | null {
  const key = placeKey(text);
  // "St. Petersburg", "Sta. Cruz": GeoNames writes the saint's title out.
  const g = gazetteer();
  const candidates =
    g.citiesNamed(key, bounds.countries) ??
    g.citiesNamed(key.replace(/^st /, 'saint '), bounds.countries) ??
    g.citiesNamed(key.replace(/^sta /, 'santa '), bounds.countries);
  const inState = bounds.admin && candidates ? candidates.filter((c) => c.admin === bounds.admin) : candidates;
  const found = choose(inState, bounds, biggestCity);
  if (!found) return null;
  if ('ambiguous' in found) return notPlaced(`ambiguous ${kind} name: in ${found.ambiguous} (no country to decide)`);
  const several = (inState ?? []).filter((c) => c.country === found.one.country).length > 1;
  return cityMatch(
    found.one,
    kind,
    `${rule}${bounds.said}${several ? ', the most populous of that name' : ''}`,
    several ? round2(confidence - 0.2) : confidence,
  );
}

/** Where one place cell points, bounded by the row's seizure country (ISO alpha-2) when known. */
export function matchPlace(given: string, rowCountry: string | null): PlaceMatch {
  const text = given.replace(/\s+/g, ' ').trim();
  if (!text) return notPlaced('empty');
  let country = rowCountry && rowCountry !== 'XX' ? rowCountry : null;
  let admin: string | null = null;
  let head = text;
  // "Hanoi, Vietnam": the country the cell names bounds the rest; "Manaus, AM": a state of the row's country.
  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const tail = text.slice(comma + 1).trim();
    const state = country ? SUBDIVISIONS[country]?.[tail.toUpperCase()] : undefined;
    const named = state ? null : countryCode(tail).value;
    if (state) {
      admin = state;
      head = text.slice(0, comma).trim();
    } else if (named && named !== 'XX') {
      if (country && !(WITHIN[country] ?? [country]).includes(named))
        return notPlaced(`the cell names ${named}, the row's country is ${country}`);
      country = named;
      head = text.slice(0, comma).trim();
    }
  }
  const bounds: Bounds = { countries: country ? (WITHIN[country] ?? [country]) : null, admin, said: country ? ` in ${country}` : '' };

  // A code: three capitals are an IATA code, four an ICAO code (when an airport has it).
  if (/^[A-Z]{3}$/.test(head) || /^[A-Z]{4}$/.test(head)) {
    const g = gazetteer();
    const coded = choose(head.length === 3 ? g.byIata.get(head) : g.byIcao.get(head), bounds, oneAirport);
    if (coded && 'one' in coded) return airportMatch(coded.one, `${head.length === 3 ? 'IATA' : 'ICAO'} code${bounds.said}`, 0.95);
  }
  // "JFK Airport": a code beside the airport word.
  const code = /^([A-Z]{3})\s+(?:airport|int'?l|international)$/i.exec(head);
  if (code && code[1] === code[1].toUpperCase()) {
    const coded = choose(gazetteer().byIata.get(code[1]), bounds, oneAirport);
    if (coded && 'one' in coded) return airportMatch(coded.one, `IATA code${bounds.said}`, 0.9);
  }
  if (AIRPORT_HINT.test(head)) {
    return findAirportByName(head, bounds) ?? notPlaced(`airport not found${bounds.said}`);
  }
  // A city of that name, else a port named by its city, else an airport named without the word.
  const city = findCity(head, bounds, 'city', 'city name', 0.85);
  if (city?.kind) return city;
  const port = PORT_BEFORE.exec(head) ?? PORT_AFTER.exec(head);
  if (port) {
    const portCity = findCity(port[1], bounds, 'port', 'port named by its city', 0.6);
    if (portCity) return portCity;
  }
  const airport = findAirportByName(head, bounds, true);
  if (airport?.kind) return { ...airport, confidence: round2(airport.confidence - 0.1) };
  // "Bangalore", "St. Petersburg", "New York": a town GeoNames lists under another name, placed at its one large airport.
  const served = choose(gazetteer().airportByMunicipality.get(placeKey(head)), bounds, (list) => {
    const large = list.filter((a) => a.large);
    return large.length === 1 ? large[0] : null;
  });
  if (served && 'one' in served) {
    const a = served.one;
    return {
      kind: 'city',
      name: a.municipality,
      code: null,
      country: a.country,
      latitude: a.lat,
      longitude: a.lon,
      rule: `the town of ${a.name} (${a.iata ?? a.icao})${bounds.said}`,
      confidence: 0.5,
    };
  }
  return city ?? airport ?? notPlaced(`not found${bounds.said}`);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The airport a place stands for on an airport-to-airport route: an airport itself; a city or port
 * by the one large airport within 50 km of it, or of several the one named after the city alone (none
 * when that does not decide, as around London, Paris or Bangkok).
 */
export function airportServing(m: PlaceMatch): string | null {
  if (m.kind === 'airport') return m.code;
  if (m.latitude === null || m.longitude === null || !m.country) return null;
  const at = { lat: m.latitude, lon: m.longitude };
  const bounds = WITHIN[m.country] ?? [m.country];
  const near = gazetteer()
    .airports.filter((e) => e.airport.large && bounds.includes(e.airport.country) && kmBetween(e.airport, at) <= NEAR_KM)
    .map((e) => e.airport);
  // Several (Dubai: DXB and Al Maktoum): the one named after the city alone ("Dubai International Airport"), else
  // none (Bangkok: Suvarnabhumi and Don Mueang, Paris: Charles de Gaulle and Paris-Orly).
  const named = near.length > 1 && m.name ? near.filter((a) => airportNameKey(a.name) === placeKey(m.name!)) : near;
  const one = named.length === 1 ? named[0] : null;
  return one ? (one.iata ?? one.icao) : null;
}

/** One item of a trade-chain cell: a country alone ("China"), or a place in its country ("Dubai, UAE"). */
export function matchChainItem(item: string): PlaceMatch & { countryOnly: string | null } {
  const country = countryCode(item).value;
  if (country) return { ...notPlaced('a country, no place'), country, countryOnly: country };
  const m = matchPlace(item, null);
  // Not placed, the item still names its country ("Nowhere, Kenya").
  const comma = item.lastIndexOf(',');
  return { ...m, country: m.country ?? (comma > 0 ? countryCode(item.slice(comma + 1)).value : null), countryOnly: null };
}
