// Groups analyze()'s problems and warnings by the node they belong to, for the node badges and the status bar;
// both arrive as codes with arguments and are worded by `word` / `wordWarning` (the user's language).
import type { Analysis, Problem, SpecWarning } from '../../../engine/core/spec/types';

export interface NodeProblems {
  errors: string[];
  warnings: string[];
}

export interface GroupedProblems {
  byNode: Map<string, NodeProblems>;
  /** Problems that belong to no single node (no input, bad version...). */
  graphErrors: string[];
  graphWarnings: string[];
  errorCount: number;
  warningCount: number;
}

export function groupProblems(
  analysis: Analysis,
  word: (problem: Problem) => string,
  wordWarning: (warning: SpecWarning) => string,
): GroupedProblems {
  const byNode = new Map<string, NodeProblems>();
  const entry = (id: string): NodeProblems => {
    let found = byNode.get(id);
    if (!found) byNode.set(id, (found = { errors: [], warnings: [] }));
    return found;
  };
  const graphErrors: string[] = [];
  const graphWarnings: string[] = [];
  for (const p of analysis.problems) {
    if (p.nodeId === null) graphErrors.push(word(p));
    else entry(p.nodeId).errors.push(word(p));
  }
  for (const w of analysis.warnings) {
    if (w.nodeId === null) graphWarnings.push(wordWarning(w));
    else entry(w.nodeId).warnings.push(wordWarning(w));
  }
  return {
    byNode,
    graphErrors,
    graphWarnings,
    errorCount: analysis.problems.length,
    warningCount: analysis.warnings.length,
  };
}

/** 61706 -> "61,706", the same in every language (digits group the same way in Chinese). */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
