// Groups of runs for the studio: a request (the graph and settings as they stand, and a sweep plan) expanded and
// checked whole before anything is stored, then queued for the group runner; groups listed and read back with their
// runs and validation curves (for bands across seeds), and cancelled.
import { expandSweep, settingKey, sweptSettings, type Assignment } from '../../../engine/core/train/sweep';
import type { GroupCurve, GroupDetail, GroupRequest, GroupSummary } from '../../api/types';
import type { GroupRunner } from '../engine/groupRunner';
import { refuseUnfitRun, trainingMemoryBudget } from '../engine/refusals';
import { sweepRefusal } from '../engine/sweepRefusals';
import { currentOwner, type Store } from '../store';
import type { RunGroup, RunStatus } from '../store/types';
import type { GraphService } from './graphs';

/** lr=0.01, batch=64 (settings in plan order). */
export function assignmentText(assignment: Assignment): string {
  return Object.entries(assignment)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

export class RunGroupService {
  constructor(
    private readonly store: Store,
    private readonly runner: GroupRunner,
    private readonly graphs: GraphService,
    private readonly memoryBudget: () => number = trainingMemoryBudget,
  ) {}

  /** Checks every run the request makes, stores the group with its runs queued, and starts working through it. */
  create(request: GroupRequest): GroupSummary {
    const expanded = expandSweep(request.spec, request.config, request.plan);
    if (!expanded.ok) throw sweepRefusal(expanded.problems);
    // The largest configuration decides whether the group fits in memory; each run is checked (it is cheap).
    const dataset = this.store.datasets.getDataset(request.datasetId);
    for (const trial of expanded.trials) {
      refuseUnfitRun(trial.spec, trial.config, dataset, this.memoryBudget());
    }
    const kindWord = request.plan.kind === 'seeds' ? 'Seeds' : 'Sweep';
    const name = request.name?.trim() || `${kindWord} ${this.store.groups.listGroups().length + 1}`;
    const keys = sweptSettings(request.plan).map(settingKey);
    const group = this.store.groups.createGroup({
      projectId: this.graphs.projectId(),
      name,
      graph: request.spec,
      trainConfig: request.config,
      graphVersionId: request.graphId ? this.graphs.latestVersionId(request.graphId) : null,
      datasetId: dataset.id,
      plan: request.plan,
      parallel: request.parallel ?? 1,
      owner: currentOwner(),
      runs: expanded.trials.map((t) => ({
        name: [name, keys.length > 0 ? assignmentText(t.assignment) : '', `seed ${t.seed}`].filter(Boolean).join(' · '),
        graph: t.spec,
        trainConfig: t.config,
        combination: t.combination,
        assignment: t.assignment,
      })),
    });
    this.runner.run(group.id);
    return this.summary(this.store.groups.getGroup(group.id));
  }

  list(): GroupSummary[] {
    return this.store.groups.listGroups().map((g) => this.summary(g));
  }

  detail(groupId: string): GroupDetail {
    const group = this.store.groups.getGroup(groupId);
    const runs = this.store.runs.listRuns({ groupId, sortBy: 'groupPosition', order: 'asc' });
    const task = group.datasetId ? this.store.datasets.getDataset(group.datasetId).manifest.task : 'classification';
    const curves: GroupCurve[] = runs.map((run) => {
      const epochs = this.store.metrics.listEpochs(run.id);
      return {
        runId: run.id,
        valLoss: epochs.map((e) => e.valLoss),
        valMetric: epochs.map((e) =>
          task === 'classification'
            ? e.valAccuracy
            : (((e.metrics.validation ?? null) as { r2?: number } | null)?.r2 ?? null),
        ),
      };
    });
    return { ...this.summary(group), runs, curves, task };
  }

  async cancel(groupId: string): Promise<void> {
    await this.runner.cancel(groupId);
  }

  private summary(group: RunGroup): GroupSummary {
    const counts: Partial<Record<RunStatus, number>> = {};
    for (const run of this.store.runs.listRuns({ groupId: group.id }))
      counts[run.status] = (counts[run.status] ?? 0) + 1;
    return { group, counts };
  }
}
