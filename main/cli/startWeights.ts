// What `train` does with --freeze, --freeze-until, --from RUN and --weights FILE: freezes layers by name, picks the
// source run's graph (sized for the dataset) when --from comes without --model, and prints the table of the
// starting weights (loaded, renamed, skipped, left initialized, re-initialized) once the run is recorded.
import { freezeLayers, freezeUntil } from '../../engine/core/spec';
import type { InitialWeights } from '../../engine/core/io/weightsMatch';
import type { ModelSpec } from '../../engine/core/spec/types';
import { optionalString, UsageError, type ParsedArgs } from './args';
import { speaker, type CliLocale, type InEachLanguage } from './locale';
import { START_WEIGHTS_WORDS } from './startWeightsWords';

export const START_WEIGHTS_OPTIONS = ['freeze', 'freeze-until', 'from', 'weights'];

export const START_WEIGHTS_USAGE = `[--from RUN | --weights FILE.safetensors] [--freeze NODE,NODE | --freeze-until NODE]`;

/** The spec with the layers --freeze or --freeze-until name frozen; unknown names are refused, all of them named. */
export function applyFreezeOptions(spec: ModelSpec, args: ParsedArgs, usage: InEachLanguage): ModelSpec {
  const list = optionalString(args, 'freeze');
  const until = optionalString(args, 'freeze-until');
  if (list !== undefined && until !== undefined)
    throw new UsageError('not-both', { first: 'freeze', second: 'freeze-until' }, usage);
  if (list === undefined && until === undefined) return spec;
  const result =
    until !== undefined
      ? freezeUntil(spec, until.trim())
      : freezeLayers(
          spec,
          list!
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
  if (!result.ok) {
    const known = spec.nodes.map((n) => n.id).join(', ');
    const unknown = result.unknown.map((id) => `'${id}'`).join(', ');
    throw new UsageError('no-layer-to-freeze', { unknown, layers: known }, usage);
  }
  return result.spec;
}

/** The starting weights as lines for the terminal, in `locale`. */
export function weightsTableText(weights: InitialWeights, locale: CliLocale): string {
  const words = speaker(START_WEIGHTS_WORDS, locale);
  const { plan } = weights;
  const lines = [words('from', { file: weights.file })];
  const row = (what: string, items: string[]) => {
    if (items.length) lines.push(`  ${words('row', { what, count: items.length, items: items.join(', ') })}`);
  };
  row(words('loaded'), plan.loaded);
  row(
    words('renamed'),
    plan.renamed.map((r) => `${r.from} -> ${r.to}`),
  );
  row(
    words('reinitialized'),
    plan.reinitialized.map((r) => `${r.name} [${r.fileShape.join(', ')}] -> [${r.modelShape.join(', ')}]`),
  );
  row(words('initialized'), plan.initialized);
  row(
    words('skipped'),
    plan.skipped.map((s) => words('skippedTensor', { name: s.name, reason: words(`skip_${s.reason}`) })),
  );
  return `${lines.join('\n')}\n`;
}
