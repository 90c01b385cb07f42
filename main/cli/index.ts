// The `netwright` command line: the same store, engine and files as the studio, for scripts and headless machines.
// Errors print as one line `netwright: <message>` with exit code 1; usage mistakes exit with code 2.
import { SAMPLES } from '../services/studio/samples';
import { UsageError } from './args';
import { errorReport, EXIT_USAGE } from './errors';
import { evaluate, EVALUATE_USAGE } from './evaluate';
import { exportCommand, EXPORT_USAGE } from './export';
import { IMPORT_USAGE, importCommand } from './import';
import { cliLocale, LANGUAGE_USAGE } from './locale';
import { predict, PREDICT_USAGE } from './predict';
import { continueCommand, CONTINUE_USAGE } from './continue';
import { runs, RUNS_USAGE } from './runs';
import { sweep, SWEEP_USAGE } from './sweep';
import { train, TRAIN_USAGE } from './train';

interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  train: { summary: 'train a model; the run is recorded in the store', usage: TRAIN_USAGE, run: train },
  sweep: {
    summary: 'train a group of runs: settings on a grid or drawn at random, each with several seeds',
    usage: SWEEP_USAGE,
    run: sweep,
  },
  continue: {
    summary: 'continue a stopped, failed or interrupted run from its last checkpoint (also: resume)',
    usage: CONTINUE_USAGE,
    run: continueCommand,
  },
  runs: { summary: 'list the recorded runs', usage: RUNS_USAGE, run: runs },
  evaluate: { summary: "a run's metrics on the validation or test split", usage: EVALUATE_USAGE, run: evaluate },
  predict: {
    summary: 'predict every row of a CSV file, or images, with a trained or imported run',
    usage: PREDICT_USAGE,
    run: predict,
  },
  export: { summary: 'write a run as ONNX, safetensors or a PyTorch script', usage: EXPORT_USAGE, run: exportCommand },
  import: {
    summary: 'import a CSV table or a folder of images as a dataset, or an ONNX model as a graph with its weights',
    usage: IMPORT_USAGE,
    run: importCommand,
  },
  samples: { summary: 'list the built-in sample datasets', usage: 'netwright samples', run: samples },
};

/** Older spellings still accepted. */
const ALIASES: Record<string, string> = { resume: 'continue' };

export const USAGE = `usage: netwright <command> [options]   (netwright <command> --help for its options)
commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}
RUN is a run's id, the first 4 or more characters of it, or its name.
Data lives in $NETWRIGHT_HOME (default ~/.netwright).
NETWRIGHT_LANG=en|zh sets the language of what training prints (default: zh for a zh_* LC_ALL, LC_MESSAGES or LANG).`;

async function samples(argv: string[]): Promise<number> {
  if (argv.length > 0) throw new UsageError(`unexpected argument '${argv[0]}'`, 'netwright samples');
  for (const s of SAMPLES)
    process.stdout.write(
      `${s.name.padEnd(18)} ${s.task.padEnd(14)} ${s.suggestedTemplate.padEnd(13)} ${s.description}\n`,
    );
  return 0;
}

/** `netwright predict … | head`: once the reader has gone, what is left to print has nowhere to go; end quietly. */
const watchedStreams = new WeakSet<NodeJS.WriteStream>();
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (watchedStreams.has(stream)) return;
  watchedStreams.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe(process.stdout);
  try {
    cliLocale(); // a NETWRIGHT_LANG it does not know stops every command before it starts
  } catch (error) {
    const { text, code } = errorReport(error, LANGUAGE_USAGE);
    process.stderr.write(text);
    return code;
  }
  const [given, ...rest] = argv;
  const name = given !== undefined && Object.hasOwn(ALIASES, given) ? ALIASES[given] : given;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const asked = rest[0] !== undefined && Object.hasOwn(ALIASES, rest[0]) ? ALIASES[rest[0]] : rest[0];
    const topic = name === 'help' && asked && Object.hasOwn(COMMANDS, asked) ? COMMANDS[asked] : undefined;
    process.stdout.write(`${topic ? `usage: ${topic.usage}` : USAGE}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`netwright: unknown command '${name}'\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const { text, code } = errorReport(error, command.usage);
    process.stderr.write(text);
    if (process.env.NETWRIGHT_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return code;
  }
}
