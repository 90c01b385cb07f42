// Runs a lesson's plan through the studio's ordinary calls: import the sample, then start each run and wait for it
// to finish before the next (one engine, one run at a time). The Lessons view and the lesson tests share it.
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import { lessonTags, type LessonPlan } from './plans';

/** The part of StudioApi a lesson needs (structural, so engine/core stays free of main/api). */
export interface LessonStudio {
  useSample(name: string): Promise<{ id: string }>;
  startRun(request: {
    spec: ModelSpec;
    config: TrainConfig;
    datasetId: string;
    name?: string;
    tags?: string[];
  }): Promise<{ id: string }>;
  stopRun(runId: string): Promise<void>;
  continueRun(runId: string): Promise<{ id: string }>;
  onEvent(
    listener: (event: { type: string; runId?: string; run?: { status: string }; record?: { epoch: number } }) => void,
  ): () => void;
}

export interface LessonRunResult {
  key: string;
  runId: string;
  status: string;
}

/**
 * Trains the plan's runs one after another; `onRun` hears each run's id as it starts (for a live view). A run with
 * stopAfterEpoch is stopped once that epoch has ended and continued from its checkpoint.
 */
export async function runLesson(
  studio: LessonStudio,
  plan: LessonPlan,
  onRun: (key: string, runId: string) => void = () => {},
): Promise<LessonRunResult[]> {
  const dataset = await studio.useSample(plan.sample);
  // Heard from the start, by run id: a run can end (or pass an epoch) before startRun's answer arrives.
  const finished = new Map<string, string>();
  const lastEpoch = new Map<string, number>();
  const waiting = new Map<string, (status: string) => void>();
  let stopAt: { runId: string; epoch: number } | null = null;
  const stopIfDue = (runId: string) => {
    if (stopAt?.runId === runId && (lastEpoch.get(runId) ?? 0) >= stopAt.epoch) {
      stopAt = null;
      void studio.stopRun(runId);
    }
  };
  const off = studio.onEvent((event) => {
    if (!event.runId) return;
    if (event.type === 'run-epoch' && event.record) {
      lastEpoch.set(event.runId, event.record.epoch);
      stopIfDue(event.runId);
    } else if (event.type === 'run-finished') {
      const status = event.run?.status ?? 'completed';
      finished.set(event.runId, status);
      waiting.get(event.runId)?.(status);
    }
  });
  const end = async (runId: string) => {
    const status = finished.get(runId) ?? (await new Promise<string>((resolve) => waiting.set(runId, resolve)));
    finished.delete(runId);
    waiting.delete(runId);
    return status;
  };
  try {
    const results: LessonRunResult[] = [];
    for (const run of plan.runs) {
      const started = await studio.startRun({
        spec: run.spec,
        config: run.config,
        datasetId: dataset.id,
        name: `${plan.id}: ${run.key}`,
        tags: lessonTags(plan.id, run.key),
      });
      onRun(run.key, started.id);
      if (run.stopAfterEpoch !== undefined) {
        stopAt = { runId: started.id, epoch: run.stopAfterEpoch };
        stopIfDue(started.id);
      }
      let status = await end(started.id);
      if (run.stopAfterEpoch !== undefined && status === 'stopped') {
        await studio.continueRun(started.id);
        status = await end(started.id);
      }
      results.push({ key: run.key, runId: started.id, status });
    }
    return results;
  } finally {
    off();
  }
}
