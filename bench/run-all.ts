/** `npm run bench`: runs every `bench:*` script of package.json in turn. Not a test. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts;
const benches = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n== ${name}`);
  const result = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
