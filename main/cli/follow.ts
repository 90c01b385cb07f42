// Follows a training run started through the Studio until it ends: prints its progress (a bar and epoch lines on
// the terminal, or JSON lines), keeps the engine's outcome (held-out test metrics), and turns Ctrl-C into a clean
// stop, so the run is recorded as stopped with its last whole-epoch checkpoint.
import type { RunOutcome } from '../../engine/core/train/trainer';
import type { StudioEvent } from '../api/types';
import type { RunSummary } from '../services/store/types';
import type { Studio } from '../services/studio/studio';
import type { CliLocale } from './locale';
import { epochLine, ProgressLine } from './progress';
import { TRAINING_WORDS } from './trainingWords';

export interface FollowedRun {
  run: RunSummary;
  /** What the engine reported at the end (null when the run failed before finishing, or the engine died). */
  outcome: RunOutcome | null;
  /** The user pressed Ctrl-C (or the CLI got SIGTERM) and the run was stopped. */
  interrupted: boolean;
}

export class RunFollower {
  private runId: string | null = null;
  private readonly early: StudioEvent[] = [];
  private outcome: RunOutcome | null = null;
  /** Outcomes the engine reported before follow() knew the run's id (a run that diverges at once on a busy machine). */
  private readonly earlyOutcomes = new Map<string, RunOutcome>();
  private interrupted = false;
  private progress: ProgressLine | null = null;
  private epochs = 0;
  private settle: ((run: RunSummary) => void) | null = null;
  private readonly offs: Array<() => void> = [];
  private readonly onSignal = () => this.signal();

  /** Listens from before the run starts, so nothing the engine reports is missed. */
  constructor(
    private readonly studio: Studio,
    private readonly json: boolean,
    private readonly locale: CliLocale,
  ) {
    this.offs.push(studio.onEvent((event) => this.event(event)));
    this.offs.push(
      studio.supervisor.onEvent(({ runId, message }) => {
        if (message.type !== 'finished') return;
        if (this.runId === null) this.earlyOutcomes.set(runId, message.outcome);
        else if (runId === this.runId) this.outcome = message.outcome;
      }),
    );
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** Follows `run` (just started or continued) to its end. */
  async follow(run: RunSummary): Promise<FollowedRun> {
    this.runId = run.id;
    this.outcome = this.earlyOutcomes.get(run.id) ?? null;
    this.earlyOutcomes.clear();
    this.epochs = run.trainConfig.epochs;
    if (!this.json) this.progress = new ProgressLine(process.stderr, this.epochs, this.locale);
    const ended = new Promise<RunSummary>((resolve) => {
      this.settle = resolve;
    });
    for (const event of this.early.splice(0)) this.event(event);
    if (this.interrupted) this.requestStop();
    try {
      const finished = await ended;
      return { run: finished, outcome: this.outcome, interrupted: this.interrupted };
    } finally {
      this.dispose();
    }
  }

  /** Stops listening (also when the run could not be started). */
  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  private event(event: StudioEvent): void {
    if (!('runId' in event)) return;
    if (this.runId === null) {
      this.early.push(event);
      return;
    }
    if (event.runId !== this.runId) return;
    switch (event.type) {
      case 'run-progress':
        this.progress?.batch(event);
        break;
      case 'run-epoch': {
        const line = epochLine(event.runId, event.record, this.epochs);
        if (this.json) process.stdout.write(`${JSON.stringify(line)}\n`);
        else this.progress?.epoch(line);
        break;
      }
      case 'run-finished':
        this.settle?.(event.run);
        break;
      default:
        break; // status changes and checkpoints show in the summary; nothing to print as they happen
    }
  }

  private signal(): void {
    if (this.interrupted) {
      process.stderr.write(`\n${TRAINING_WORDS[this.locale].quitting}\n`);
      process.exit(130);
    }
    this.interrupted = true;
    const message = TRAINING_WORDS[this.locale].stopping;
    if (this.progress) this.progress.text(message);
    else process.stderr.write(`${message}\n`);
    if (this.runId !== null) this.requestStop();
  }

  private requestStop(): void {
    this.studio.stopRun(this.runId!).catch(() => {
      /* it ended meanwhile */
    });
  }
}
