// The `netwright` command line: the same store, engine and files as the studio, for scripts and headless machines.
// Errors print as one line `netwright: <message>` with exit code 1; usage mistakes exit with code 2.
import { SAMPLES } from '../services/studio/samples';
import { SAMPLE_DESCRIPTIONS_ZH, type SampleName } from '../api/sampleWordsZh';
import { padToWidth } from './format';
import { IMPORT_WORDS } from './importWords';
import { UsageError } from './args';
import { errorReport, EXIT_USAGE } from './errors';
import { evaluate, EVALUATE_USAGE } from './evaluate';
import { exportCommand, EXPORT_USAGE } from './export';
import { IMPORT_USAGE, importCommand } from './import';
import { HELP_WORDS } from './helpWords';
import { cliLocale, inEachLanguage, LANGUAGE_USAGE, speaker, type CliLocale, type InEachLanguage } from './locale';
import { USAGE_MISTAKE_WORDS } from './usageWords';
import { predict, PREDICT_USAGE } from './predict';
import { continueCommand, CONTINUE_USAGE } from './continue';
import { runs, RUNS_USAGE } from './runs';
import { sweep, SWEEP_USAGE } from './sweep';
import { train, TRAIN_USAGE } from './train';

interface Command {
  usage: InEachLanguage;
  run(argv: string[]): Promise<number>;
}

const SAMPLES_USAGE = inEachLanguage(() => 'netwright samples');

/** Every command, in the order `netwright --help` lists them; its summary is `summary_<name>` in helpWords.ts. */
const COMMANDS = {
  train: { usage: TRAIN_USAGE, run: train },
  sweep: { usage: SWEEP_USAGE, run: sweep },
  continue: { usage: CONTINUE_USAGE, run: continueCommand },
  runs: { usage: RUNS_USAGE, run: runs },
  evaluate: { usage: EVALUATE_USAGE, run: evaluate },
  predict: { usage: PREDICT_USAGE, run: predict },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  import: { usage: IMPORT_USAGE, run: importCommand },
  samples: { usage: SAMPLES_USAGE, run: samples },
} satisfies Record<string, Command>;

type CommandName = keyof typeof COMMANDS;

/** Older spellings still accepted. */
const ALIASES: Record<string, CommandName> = { resume: 'continue' };

/** `netwright --help`: the commands with what each does, and where RUN, the data and the language come from. */
export function overview(locale: CliLocale): string {
  const words = speaker(HELP_WORDS, locale);
  const commands = (Object.keys(COMMANDS) as CommandName[]).map(
    (name) => `  ${name.padEnd(9)} ${words(`summary_${name}`)}`,
  );
  return [
    words('usageOf', { usage: words('usageLine') }),
    words('commands'),
    ...commands,
    words('runRef'),
    words('home'),
    words('language'),
  ].join('\n');
}

function commandNamed(name: string | undefined): Command | undefined {
  const known = name !== undefined && Object.hasOwn(ALIASES, name) ? ALIASES[name] : name;
  return known !== undefined && Object.hasOwn(COMMANDS, known) ? COMMANDS[known as CommandName] : undefined;
}

async function samples(argv: string[]): Promise<number> {
  if (argv.length > 0) throw new UsageError('unexpected-argument', { argument: argv[0] }, SAMPLES_USAGE);
  const locale = cliLocale();
  const task = speaker(IMPORT_WORDS, locale);
  for (const s of SAMPLES) {
    const description =
      locale === 'zh' ? (SAMPLE_DESCRIPTIONS_ZH[s.name as SampleName] ?? s.description) : s.description;
    process.stdout.write(
      `${s.name.padEnd(18)} ${padToWidth(task(`task_${s.task}`), 14)} ${s.suggestedTemplate.padEnd(13)} ${description}\n`,
    );
  }
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
  let locale: CliLocale;
  try {
    locale = cliLocale(); // a NETWRIGHT_LANG it does not know stops every command before it starts
  } catch (error) {
    const { text, code } = errorReport(error, LANGUAGE_USAGE, 'en');
    process.stderr.write(text);
    return code;
  }
  const say = speaker(HELP_WORDS, locale);
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? commandNamed(rest[0]) : undefined;
    process.stdout.write(`${topic ? say('usageOf', { usage: topic.usage[locale] }) : overview(locale)}\n`);
    return 0;
  }
  const command = commandNamed(name);
  if (!command) {
    const mistake = speaker(USAGE_MISTAKE_WORDS, locale)('unknown-command', { command: name });
    process.stderr.write(`netwright: ${mistake}\n${overview(locale)}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${say('usageOf', { usage: command.usage[locale] })}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const { text, code } = errorReport(error, command.usage, locale);
    process.stderr.write(text);
    if (process.env.NETWRIGHT_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return code;
  }
}
