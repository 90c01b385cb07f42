// Runs a lesson's plan through the studio's ordinary calls: import the sample, then start each run and wait for it
// to finish before the next (one engine, one run at a time). The Lessons view and the lesson tests share it.
import type { ModelSpec } from '../spec/types';
import type { TrainConfig } from '../train/config';
import { lessonTags, type LessonPlan } from './plans';

/** The part of StudioApi a lesson needs (structural, so engine/core stays free of main/api). */
export interface LessonStudio {
  useSample(name: string): Promise<{ id: string }>;
  startRun(request: { spec: ModelSpec; config: TrainConfig; datasetId: string; name?: string; tags?: string[] }): Promise<{ id: string }>;
  onEvent(listener: (event: { type: string; runId?: string; run?: { status: string } }) => void): () => void;
}

export interface LessonRunResult {
  key: string;
  runId: string;
  status: string;
}

/** Trains the plan's runs one after another; `onRun` hears each run's id as it starts (for a live view). */
export async function runLesson(studio: LessonStudio, plan: LessonPlan, onRun: (key: string, runId: string) => void = () => {}): Promise<LessonRunResult[]> {
  const dataset = await studio.useSample(plan.sample);
  // Finished runs by id, heard from the start: a run can finish before startRun's answer arrives.
  const finished = new Map<string, string>();
  const waiting = new Map<string, (status: string) => void>();
  const off = studio.onEvent((event) => {
    if (event.type !== 'run-finished' || !event.runId) return;
    const status = event.run?.status ?? 'completed';
    finished.set(event.runId, status);
    waiting.get(event.runId)?.(status);
  });
  try {
    const results: LessonRunResult[] = [];
    for (const run of plan.runs) {
      const started = await studio.startRun({
        spec: run.spec, config: run.config, datasetId: dataset.id, name: `${plan.id}: ${run.key}`, tags: lessonTags(plan.id, run.key),
      });
      onRun(run.key, started.id);
      const status = finished.get(started.id) ?? await new Promise<string>((resolve) => waiting.set(started.id, resolve));
      results.push({ key: run.key, runId: started.id, status });
    }
    return results;
  } finally {
    off();
  }
}
