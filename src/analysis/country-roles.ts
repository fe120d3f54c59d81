// The roles a country can play in a seizure's trade chain, as the --role filter names them. Its own
// small module so that the CLI can list the choices without loading the filters' normalisers, and so
// that filters.ts and definition.ts need not import each other (an actor's roles, courier or buyer, are
// ACTOR_ROLES in normalise/vocabulary.ts).
export const COUNTRY_ROLES = ['any', 'origin', 'transit', 'destination', 'seizure'] as const;
export type CountryRole = (typeof COUNTRY_ROLES)[number];
