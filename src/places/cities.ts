// The city each airport serves, for routes at city level: OurAirports' town of the airport, placed at
// the GeoNames city of that name in the airport's country (the most populous of namesakes); when
// GeoNames has no city of that name (Hong Kong's airport lies in the town "Islands"), the most populous
// city within 50 km of the airport; else the airport itself under the town's name. Looked up in TypeScript once per distinct airport of the
// database (never per row) and handed to the SQL as one bound JSON parameter, as the places are.
import type { Database } from '../db/database.js';
import { gazetteer, placeKey } from './gazetteer.js';
import { kmBetween, NEAR_KM } from './match.js';

interface AirportCity {
  airport: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
}

/** The city of an airport by its IATA (else ICAO) code; null for a code the gazetteer lacks or an airport without a town. */
function airportCity(code: string): AirportCity | null {
  const g = gazetteer();
  const airport = (g.byIata.get(code) ?? g.byIcao.get(code))?.[0];
  // "Hanoi (Soc Son)": the town is the part before the brackets.
  const town = airport?.municipality.replace(/\(.*\)/, '').trim();
  if (!airport || !town) return null;
  const namesakes = g.citiesNamed(placeKey(town), [airport.country]) ?? [];
  const near = namesakes.length ? [] : g.citiesIn(airport.country).filter((c) => kmBetween(airport, c) <= NEAR_KM);
  const city = [...(namesakes.length ? namesakes : near)].sort((a, b) => b.population - a.population || a.id - b.id)[0];
  return city
    ? { airport: code, city: city.name, country: airport.country, latitude: city.lat, longitude: city.lon }
    : { airport: code, city: town, country: airport.country, latitude: airport.lat, longitude: airport.lon };
}

/** The cities of every airport that a chain item or a seizure place names, as the JSON the city-pairs query binds. */
export async function airportCitiesParam(db: Database): Promise<string> {
  const codes = await db.all<{ code: string }>(
    `SELECT DISTINCT code FROM (SELECT code FROM chain_places WHERE kind = 'airport'
      UNION ALL SELECT code FROM places WHERE kind = 'airport')
     WHERE code IS NOT NULL ORDER BY code`,
  );
  return JSON.stringify(codes.map(({ code }) => airportCity(code)).filter((c): c is AirportCity => c !== null));
}
