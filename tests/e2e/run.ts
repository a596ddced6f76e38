/** npm run test:e2e — builds the console if the build is stale, then runs Playwright. */
import { spawnSync } from 'node:child_process';
import { buildIfNeeded } from '@/lib/demo/build-if-needed';

buildIfNeeded();
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
