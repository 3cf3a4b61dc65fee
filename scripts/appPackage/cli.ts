/**
 * `npm run package [-- --env <name>] [--out <dir>]`: writes
 * appPackage/build/appPackage.<name>.zip, ready to upload to Teams.
 */
import * as path from 'node:path';
import { buildAppPackage } from './build';
import { AppPackageError } from './errors';

const USAGE = 'usage: npm run package [-- --env <name>] [--out <dir>]   (default environment: local)';

function parseArgs(argv: string[]): { envName: string; outDir?: string } {
  let envName = 'local';
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--env' || flag === '-e') envName = value();
    else if (flag === '--out') outDir = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new AppPackageError(`Unknown argument "${argv[i]}". ${USAGE}`);
    if (!envName) throw new AppPackageError(`--env needs a name. ${USAGE}`);
  }
  return { envName, outDir };
}

async function main(): Promise<void> {
  // dist/scripts/appPackage/cli.js → the repository root
  const projectDir = path.resolve(__dirname, '..', '..', '..');
  const { envName, outDir } = parseArgs(process.argv.slice(2));
  const built = await buildAppPackage({ projectDir, envName, outDir: outDir && path.resolve(outDir) });
  const kb = (built.zipBytes / 1024).toFixed(1);
  console.log(`${path.relative(process.cwd(), built.zipPath)} (${kb} KB): ${[...built.files.keys()].join(', ')}`);
  console.log('Validated against the Teams manifest schema v' + String(built.manifest.manifestVersion) + ' and the icon and domain rules.');
}

main().catch((err: unknown) => {
  if (err instanceof AppPackageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
});
