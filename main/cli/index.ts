// The `netwright` command line: the same engine and files as the studio, for scripts and headless machines.
import { SAMPLE_DATASETS } from '../../engine/core/data/samples';
import { IMPORT_USAGE, importCommand } from './import';
import { train, TRAIN_USAGE } from './train';

const USAGE = `usage: netwright <command> [options]
commands:
  train     ${TRAIN_USAGE.split('\n').join('\n            ')}
  import    ${IMPORT_USAGE}
  samples   list the built-in sample datasets`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'train':
      return train(rest);
    case 'import':
      return importCommand(rest);
    case 'samples':
      for (const [name, make] of Object.entries(SAMPLE_DATASETS)) process.stdout.write(`${name.padEnd(18)} ${make().description}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      process.stderr.write(`unknown command '${command}'\n${USAGE}\n`);
      return 2;
  }
}
