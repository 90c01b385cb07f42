// A verdict's colour: green only for a run that is fine ('healthy', 'converged'); other information (a spike it
// recovered from, a plateau, too early to judge) is neutral, so a learner does not read a blow-up as good news.
import type { Verdict } from '../../../engine/core/train/diagnosisCodes';

const FINE: ReadonlySet<string> = new Set(['healthy', 'converged']);

/** The class beside `severity-mark` (verdictSeverity.css): 'fine', 'info', 'warning' or 'error'. */
export function verdictTone(verdict: Pick<Verdict, 'code' | 'severity'>): 'fine' | 'info' | 'warning' | 'error' {
  if (verdict.severity !== 'info') return verdict.severity;
  return FINE.has(verdict.code) ? 'fine' : 'info';
}
