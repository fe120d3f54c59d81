// talisman ships no types; these are the two of its string metrics wen uses.
declare module 'talisman/metrics/jaro-winkler.js' {
  const similarity: (a: string, b: string) => number;
  export default similarity;
}
declare module 'talisman/metrics/damerau-levenshtein.js' {
  const distance: (a: string, b: string) => number;
  export default distance;
}
