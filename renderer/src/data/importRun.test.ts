// An import dialog's run of one import: only its own progress events reach it, the listener goes when the import
// ends either way, and the new dataset is adopted and announced only when the import succeeds.
import { describe, expect, it } from 'vitest';
import type { DatasetImportResult, StudioEvent } from '../../../main/api/types';
import type { ImportProgress } from './fileRefs';
import { runImport, type ImportingStudio } from './importRun';

/** A studio whose events the test sends, recording what the import asks of it. */
function fakeStudio() {
  const listeners = new Set<(event: StudioEvent) => void>();
  const calls: string[] = [];
  const studio: ImportingStudio = {
    host: {
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    adoptDataset: async (id, options) => {
      calls.push(`adopt ${id} fitGraph=${options.fitGraph}`);
    },
    notify: (kind, text) => calls.push(`${kind}: ${text}`),
  };
  const send = (event: StudioEvent) => listeners.forEach((listener) => listener(event));
  return { studio, listeners, calls, send };
}

const imported = { dataset: { id: 'ds7', name: 'rings' }, notes: [] } as unknown as DatasetImportResult;
const progressOf = (importId: string, fraction: number): StudioEvent => ({
  type: 'import-progress',
  importId,
  phase: 'reading',
  fraction,
});

describe('an import with its progress', () => {
  it('hears only its own progress, then adopts and announces the dataset and stops listening', async () => {
    const { studio, listeners, calls, send } = fakeStudio();
    const seen: (ImportProgress | null)[] = [];
    const outcome = await runImport(studio, {
      newId: () => 'import-1',
      onProgress: (p) => seen.push(p),
      words: (key, { name }) => `${key}: ${name}`,
      start: async (importId) => {
        expect(importId).toBe('import-1');
        expect(listeners.size).toBe(1);
        send(progressOf('import-1', 0.5));
        send(progressOf('another import', 0.9));
        send({ type: 'run-status', runId: 'r1', status: 'running' });
        send(progressOf('import-1', 1));
        return imported;
      },
    });
    expect(outcome).toEqual({ ok: true, result: imported });
    expect(seen).toEqual([null, { phase: 'reading', fraction: 0.5 }, { phase: 'reading', fraction: 1 }]);
    expect(calls).toEqual(['adopt ds7 fitGraph=true', 'success: importedNotice: rings']);
    expect(listeners.size).toBe(0);
  });

  it('gives a failed import as its message, adopts nothing and stops listening', async () => {
    const { studio, listeners, calls } = fakeStudio();
    const outcome = await runImport(studio, {
      onProgress: () => {},
      words: (_, { name }) => name,
      start: async () => {
        throw new Error("rings.csv row 3: the label column 'kind' is empty");
      },
    });
    expect(outcome).toEqual({ ok: false, message: "rings.csv row 3: the label column 'kind' is empty" });
    expect(calls).toEqual([]);
    expect(listeners.size).toBe(0);
  });

  it('gives a failure to adopt the new dataset as a message too', async () => {
    const { studio, listeners, calls } = fakeStudio();
    studio.adoptDataset = async () => {
      throw new Error('the dataset ds7 is gone');
    };
    const outcome = await runImport(studio, {
      onProgress: () => {},
      words: (_, { name }) => name,
      start: async () => imported,
    });
    expect(outcome).toEqual({ ok: false, message: 'the dataset ds7 is gone' });
    expect(calls).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
