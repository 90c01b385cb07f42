// The command line as an installed build runs it (bin/netwright.mjs without tsx): dist/cli.mjs's main, which
// `node scripts/build.mjs` (or the tta bench, through buildNode) makes. The tta bench times netwright through this.
import { main } from '../dist/cli.mjs';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`netwright: ${error.message}\n`);
  process.exitCode = 1;
}
