// Command-line flags of `npm run bench` and the workloads and suites they select.
import { SUITES, WORKLOADS, type SuiteName, type Workload } from './workloads';

export interface BenchOptions {
  workloads: Workload[];
  suites: SuiteName[];
  threads: number;
  quick: boolean;
  /** How many times each workload's suites run, alternating their order (jobs.ts); the summary takes medians. */
  rounds: number;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [flags]
  --only W2,W3          workloads to run (names or globs: W1..W5, W3aug, gemm-1024, gemm-64x784x512, infer-W2, infer-W3,
                        gemm (also W2's dense shapes, gemm-64x512x10-nt ...), infer, gemm-*, ...); default: all
  --suites a,b          suites to run: ${SUITES.join(', ')}; default: netwright, tfjs-cpu, tfjs-wasm, onnxruntime
                        (onnxruntime runs the infer-* workloads on the ONNX file netwright exports); also import
                        (the importers against PIL and pandas, run first; see README)
  --with-pytorch        also run PyTorch through /usr/bin/python3 (skipped with a note when torch is missing)
  --threads N           threads for every suite (default: all cores)
  --quick               few steps per workload, for a smoke test
  --rounds N            run each workload's suites N times, each round in the order opposite to the last (default 1);
                        the summary's ratios are then the median of the rounds' ratios, with their range
  --help                this text`;

export function parseArgs(argv: readonly string[], cores: number): BenchOptions {
  let only: string | null = null;
  let suitesFlag: string | null = null;
  let withPytorch = false;
  let threads = cores;
  let quick = false;
  let rounds = 1;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? splitOnce(argv[i]) : [argv[i], null];
    const value = (): string => {
      if (inline !== null) return inline;
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--only':
        only = value();
        break;
      case '--suites':
        suitesFlag = value();
        break;
      case '--with-pytorch':
        withPytorch = true;
        break;
      case '--threads':
        threads = countOf(flag, value());
        break;
      case '--quick':
        quick = true;
        break;
      case '--rounds':
        rounds = countOf(flag, value());
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`unknown flag '${argv[i]}'\n${USAGE}`);
    }
  }
  const suites =
    suitesFlag === null
      ? (['netwright', 'tfjs-cpu', 'tfjs-wasm', 'onnxruntime'] as SuiteName[])
      : selectSuites(suitesFlag);
  if (withPytorch && !suites.includes('pytorch')) suites.push('pytorch');
  return { workloads: only === null ? [...WORKLOADS] : selectWorkloads(only), suites, threads, quick, rounds, help };
}

function countOf(flag: string, text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`${flag} must be a whole number of 1 or more, got '${text}'`);
  return count;
}

function selectSuites(list: string): SuiteName[] {
  const names = tokens(list, '--suites');
  const unknown = names.filter((n) => !(SUITES as readonly string[]).includes(n));
  if (unknown.length)
    throw new Error(
      `unknown suite${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the suites are ${SUITES.join(', ')}`,
    );
  // Keep the standard order (netwright first) whatever order the flag lists them in.
  return SUITES.filter((s) => names.includes(s));
}

/** A token matches a workload by name (any case), by glob (`gemm-*`), or as the family before the dash (`gemm`). */
export function selectWorkloads(list: string): Workload[] {
  const patterns = tokens(list, '--only');
  const selected = new Set<Workload>();
  for (const pattern of patterns) {
    const matches = WORKLOADS.filter((w) => matchesWorkload(pattern, w.name));
    if (matches.length === 0)
      throw new Error(
        `--only: '${pattern}' matches no workload; the workloads are ${WORKLOADS.map((w) => w.name).join(', ')}`,
      );
    matches.forEach((w) => selected.add(w));
  }
  return WORKLOADS.filter((w) => selected.has(w));
}

export function matchesWorkload(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  if (p === n || n.startsWith(`${p}-`)) return true;
  if (!p.includes('*')) return false;
  const regex = new RegExp(
    `^${p
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(n);
}

function tokens(list: string, flag: string): string[] {
  const parts = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error(`${flag} needs a comma-separated list`);
  return parts;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
