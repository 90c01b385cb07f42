// The import bench's netwright child: imports one image folder or CSV table into a temporary datasets folder and
// prints one JSON line (speed, peak memory, progress events seen). See bench/importBench.ts.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCsv, importImages } from '../../main/services/datasets';
import { importReadThreads } from '../../main/services/datasets/csv/secondPart';
import type { ImportJob, ImportResult } from '../importBench';

const job = JSON.parse(process.argv[2]) as ImportJob;
const datasetsDir = mkdtempSync(join(tmpdir(), 'netwright-import-bench-'));
let progressEvents = 0;
const onProgress = () => {
  progressEvents++;
};
try {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let result: ImportResult;
  if (job.kind === 'images') {
    const imported = await importImages(job.path, {
      size: job.size!,
      grayscale: job.grayscale,
      datasetsDir,
      onProgress,
    });
    const seconds = (performance.now() - start) / 1000;
    result = {
      suite: job.suite,
      workload: job.workload,
      threads: 1,
      seconds,
      images_per_second: imported.manifest.count / seconds,
      count: imported.manifest.count,
    };
  } else {
    const imported = await importCsv(job.path, { labelColumn: job.label!, datasetsDir, onProgress });
    const seconds = (performance.now() - start) / 1000;
    result = {
      suite: job.suite,
      workload: job.workload,
      // The CSV's first read: this thread and a worker from the middle of the file (secondPart.ts).
      threads: importReadThreads(statSync(job.path).size),
      seconds,
      mb_per_second: statSync(job.path).size / 1e6 / seconds,
      rows: imported.manifest.count,
    };
  }
  const used = process.cpuUsage(cpu);
  result.cpu_seconds = (used.user + used.system) / 1e6;
  // maxRSS is in kilobytes.
  result.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
  result.progress_events = progressEvents;
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(datasetsDir, { recursive: true, force: true });
}
