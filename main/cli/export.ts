// `netwright export RUN --format onnx|safetensors|pytorch`: writes the run's weights as ONNX, safetensors, or a
// PyTorch training script with its weights, records the export in the store, and lists the files written.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPORT_FORMATS, exportFileName } from '../api/exportNames';
import { EXPORT_NOTES } from '../api/exportNotes';
import { noteInEnglish } from '../api/notes';
import { exportRun } from '../services/exports/exportRun';
import { choiceOption, optionalString, parseArgs, UsageError } from './args';
import { HELP_WORDS } from './helpWords';
import { cliLocale, inEachLanguage, speaker } from './locale';
import { EXPORT_NOTE_WORDS, EXPORT_WORDS, noteText } from './noteWords';
import { resolveRun } from './runRef';
import { withWorkspace } from './workspace';

export const EXPORT_USAGE = inEachLanguage((locale) => {
  const words = HELP_WORDS[locale];
  return `netwright export RUN --format ${EXPORT_FORMATS.join('|')} [--out PATH] [--checkpoint best|last] [--json]
  ${words.exportOnnxOnly}
  ${words.exportReadme}
  ${words.exportDefaultPath}`;
});

function sizeText(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    { values: ['format', 'out', 'checkpoint', 'normalization'], flags: ['softmax', 'json'] },
    EXPORT_USAGE,
  );
  if (args.positional.length !== 1) throw new UsageError('run-to-export', {}, EXPORT_USAGE);
  if (!args.options.has('format'))
    throw new UsageError('export-format', { choices: EXPORT_FORMATS.join(', ') }, EXPORT_USAGE);
  const format = choiceOption(args, 'format', EXPORT_FORMATS, 'onnx');
  const checkpoint = choiceOption(args, 'checkpoint', ['best', 'last'] as const, 'best');
  const normalization = args.options.has('normalization')
    ? choiceOption(args, 'normalization', ['fold', 'metadata'] as const, 'fold')
    : undefined;
  if (format !== 'onnx' && (args.options.has('softmax') || normalization)) {
    throw new UsageError('onnx-only', {}, EXPORT_USAGE);
  }
  const out = optionalString(args, 'out');
  return withWorkspace(async ({ store, layout }) => {
    const run = resolveRun(store.runs.listRuns(), args.positional[0]);
    const fileName = exportFileName(run.name, format);
    const folderGiven = out !== undefined && (/[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory()));
    const path =
      out === undefined
        ? join(layout.exports, run.id, format, fileName)
        : folderGiven
          ? join(resolve(out), fileName)
          : resolve(out);
    const result = exportRun(store, {
      runId: run.id,
      format,
      path,
      checkpoint,
      softmax: args.options.has('softmax'),
      normalization,
    });
    if (args.options.has('json')) {
      process.stdout.write(
        `${JSON.stringify({
          type: 'export',
          runId: run.id,
          format,
          exportId: result.record.id,
          files: result.files,
          checkpoint: { kind: result.checkpoint.kind, epoch: result.checkpoint.epoch },
          notes: result.notes.map((note) => ({ ...note, text: noteInEnglish(EXPORT_NOTES, note) })),
        })}\n`,
      );
    } else {
      const locale = cliLocale();
      const lines = [
        speaker(EXPORT_WORDS, locale)('exported', { id: run.id.slice(0, 8), name: run.name, format }),
        ...result.files.map((f) => `  ${f.path}  (${sizeText(f.bytes)})`),
        ...result.notes.map((note) => noteText(EXPORT_NOTE_WORDS, note, locale)),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return 0;
  });
}
