// `netwright import FILE.csv --label COLUMN`: imports a CSV table into a dataset folder under NETWRIGHT_HOME
// and prints what was made of it (columns, classes, split sizes) and the folder for `train --data`.
import { basename, extname, join } from 'node:path';
import { importCsv } from '../services/datasets';
import type { Task } from '../../engine/core/data/dataset';
import { parseArgs, stringOption } from './args';
import { netwrightHome } from './home';

export const IMPORT_USAGE = 'netwright import FILE.csv --label COLUMN [--task classification|regression] [--missing drop-row|fill-mean|fill-most-frequent] [--name NAME] [--json]';

export async function importCsvFile(path: string, label: string, options: { task?: Task; missing?: string; name?: string }) {
  const name = options.name ?? basename(path, extname(path));
  const task = options.task;
  if (task !== undefined && task !== 'classification' && task !== 'regression') throw new Error(`--task is classification or regression, not '${task}'`);
  const missing = options.missing as 'drop-row' | 'fill-mean' | 'fill-most-frequent' | undefined;
  return importCsv(path, { labelColumn: label, task, missing, datasetsDir: join(netwrightHome(), 'datasets'), name });
}

export async function importCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['label', 'task', 'missing', 'name'], flags: ['json'] });
  const [file] = args.positional;
  if (!file) throw new Error(`say which file to import\n${IMPORT_USAGE}`);
  if (!file.toLowerCase().endsWith('.csv') && !file.toLowerCase().endsWith('.tsv') && !file.toLowerCase().endsWith('.txt')) {
    throw new Error(`${file}: only CSV tables import from the command line so far (image folders come with the studio's image importer)`);
  }
  const label = args.options.get('label');
  if (typeof label !== 'string') throw new Error(`--label COLUMN names the column to predict\n${IMPORT_USAGE}`);
  const result = await importCsvFile(file, label, {
    task: args.options.has('task') ? (stringOption(args, 'task', '') as Task) : undefined,
    missing: args.options.has('missing') ? stringOption(args, 'missing', '') : undefined,
    name: args.options.has('name') ? stringOption(args, 'name', '') : undefined,
  });
  const { manifest, folder } = result;
  if (args.options.has('json')) {
    process.stdout.write(`${JSON.stringify({ folder, manifest, summary: result.summary })}\n`);
  } else {
    process.stdout.write(`imported ${manifest.count} rows of ${file} as '${manifest.name}' (${manifest.task}` +
      `${manifest.classNames ? `, ${manifest.classNames.length} classes` : ''}, ${manifest.featureShape[0]} features)\n` +
      `split: ${manifest.split.counts.train} train / ${manifest.split.counts.validation} validation / ${manifest.split.counts.test} test (seed ${manifest.split.seed})\n` +
      `dataset folder: ${folder}\ntrain it: netwright train --data ${folder}\n`);
  }
  return 0;
}
