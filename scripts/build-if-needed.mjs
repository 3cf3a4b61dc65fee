// `npm start` builds first when the sources are newer than the build, so a
// fresh clone needs only `npm install && npm start`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir, skip = []) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return 0;
  const st = statSync(abs);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(abs)) {
    if (skip.includes(e) || e === 'node_modules') continue;
    max = Math.max(max, newest(join(dir, e), skip));
  }
  return max;
}

const serverOut = join(root, 'dist', 'bot', 'index.js');
const tabOut = join(root, 'tab', 'dist', 'index.html');
// What each build reads: the server compiles contract/, bot/, test-bench/ and scripts/;
// the tab bundles tab/ and the shared contract/ (it imports nothing from bot/).
const serverSrc = Math.max(newest('contract'), newest('bot'), newest('test-bench'), newest('scripts'), newest('tsconfig.json'));
const tabSrc = Math.max(newest('tab', ['dist']), newest('contract'));

const steps = [];
if (!existsSync(serverOut) || statSync(serverOut).mtimeMs < serverSrc) steps.push('build:server');
if (existsSync(join(root, 'tab', 'index.html')) && (!existsSync(tabOut) || statSync(tabOut).mtimeMs < tabSrc)) steps.push('build:tab');
for (const s of steps) {
  console.log(`[build-if-needed] npm run ${s}`);
  execSync(`npm run ${s}`, { stdio: 'inherit', cwd: root });
}
