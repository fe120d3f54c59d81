// The profile names, in a module of their own so that the CLI can offer them without loading the loader.
export const PROFILES = ['auto', 'aitr', 'ecomessage', 'generic', 'forensics', 'payments'] as const;
export type ProfileName = (typeof PROFILES)[number];
