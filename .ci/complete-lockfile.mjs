// Run after any `npm install` that changes package-lock.json: node .ci/complete-lockfile.mjs
//
// The registry these machines reach serves only the linux-x64 builds of packages with native
// binaries (@duckdb/node-bindings-*, @rollup/rollup-*, @esbuild/*). npm therefore leaves the other
// platforms' optional packages out of the lock file, and `npm ci` then refuses the lock as out of
// sync ("Missing: … from lock file"; npm/cli#9342). This adds an entry for each missing optional
// package with its version, os and cpu, so that `npm ci` sees a complete lock and skips them as
// off-platform. It changes nothing that is installed here.
import { readFileSync, writeFileSync } from 'node:fs';

const OSES = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix', 'netbsd', 'openharmony'];
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const added = [];
for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const os = OSES.find((o) => name.includes(o));
    const cpu = CPUS.find((c) => new RegExp(`(?<![a-z0-9])${c}(?![0-9])`).test(name));
    packages[key] = {
      version,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added.push(name);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(added.length ? `added ${added.length} off-platform optional packages: ${added.join(', ')}` : 'lock file already complete');
