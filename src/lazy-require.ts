// A CommonJS package required the first time it is used, not when wen starts. @stdlib's special
// functions pull in about 130 small packages each time Node resolves them (about 0.3 s of start-up
// measured with --cpu-prof on `wen --version`), yet only a few analyses use them; every command, and
// every CLI test, paid for that. Type-only imports keep the packages' own types.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function that requires `id` on its first call and returns the same module after that. */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
