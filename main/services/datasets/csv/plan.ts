// Decides, from the first read, how each column becomes features (a number, or one-hot categories), what the
// label is (classes in a stable order, or a regression target), and refuses columns that cannot be used.
import type { Task } from '../../../../engine/core/data/dataset';
import type { ColumnRole } from '../../../api/csvImportProblems';
import { CsvImportError } from './errors';
import { MAX_CATEGORIES, MAX_CLASSES, MAX_INTEGER_CLASSES, MOSTLY_NUMERIC, type ColumnRef } from './options';
import type { ColumnProfile } from './profile';
import { parseNumber, quoted } from './values';

export type FeatureColumn =
  | { kind: 'numeric'; index: number; name: string; offset: number }
  /** One-hot: feature offset + k is 1 for categories[k]. */
  | {
      kind: 'categorical';
      index: number;
      name: string;
      offset: number;
      categories: string[];
      lookup: Map<string, number>;
    };

export type LabelPlan =
  | { task: 'classification'; index: number; name: string; classNames: string[]; numeric: boolean }
  | { task: 'regression'; index: number; name: string };

export interface ImportPlan {
  features: FeatureColumn[];
  featureNames: string[];
  label: LabelPlan;
}

/** The 0-based column a reference names: a position, the exact header name, or the name ignoring case and spaces. */
export function resolveColumn(file: string, names: string[], ref: ColumnRef, role: ColumnRole): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < names.length) return ref;
    throw new CsvImportError({ file }, `${role}-column-index`, {
      index: ref,
      count: names.length,
      last: names.length - 1,
    });
  }
  const exact = names.indexOf(ref);
  if (exact >= 0) return exact;
  const loose = names.findIndex((n) => n.trim().toLowerCase() === String(ref).trim().toLowerCase());
  if (loose >= 0) return loose;
  throw new CsvImportError({ file }, `no-${role}-column`, { ref, columns: names.map((n) => `'${n}'`).join(', ') });
}

/** Numbers in numeric order when every value is a number, otherwise text in code-unit order (locale-independent). */
export function stableOrder(values: string[], numbers: boolean): string[] {
  return numbers
    ? [...values].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
    : [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function strayText(file: string, p: ColumnProfile): CsvImportError {
  const [first] = p.textExamples;
  const more = p.texts - 1;
  const values = { column: p.name, exampleLine: first.line, value: quoted(first.value) };
  if (more === 0) return new CsvImportError({ file }, 'stray-text', values);
  if (more === 1) return new CsvImportError({ file }, 'stray-text-one-more', values);
  return new CsvImportError({ file }, 'stray-text-more', { ...values, more });
}

function checkFloat32(file: string, p: ColumnProfile): void {
  if (p.tooLarge) {
    throw new CsvImportError({ file, line: p.tooLarge.line }, 'beyond-float32', {
      column: p.name,
      value: p.tooLarge.value,
    });
  }
}

export function decideFeature(file: string, p: ColumnProfile, forcedCategorical: boolean): 'numeric' | 'categorical' {
  if (p.present === 0) {
    throw new CsvImportError({ file }, 'column-empty', { column: p.name });
  }
  const tooMany = p.distinctOverflow || p.distinct.size > MAX_CATEGORIES;
  if (!forcedCategorical) {
    if (p.texts === 0) {
      checkFloat32(file, p);
      return 'numeric';
    }
    if (p.numbers >= MOSTLY_NUMERIC * p.present) throw strayText(file, p);
  }
  if (tooMany) {
    const examples = [...p.distinct.keys()].slice(0, 3).map(quoted).join(', ');
    throw new CsvImportError({ file }, 'too-many-categories', { column: p.name, max: MAX_CATEGORIES, examples });
  }
  return 'categorical';
}

export function decideLabel(file: string, p: ColumnProfile, task: Task | undefined): LabelPlan {
  if (p.present === 0) throw new CsvImportError({ file }, 'label-empty', { column: p.name });
  const base = { index: p.index, name: p.name };
  let plan: LabelPlan;
  if (p.texts === 0) {
    const values = p.numberValues;
    const fewWholeNumbers = p.integerValued && !p.numberValuesOverflow && values.size <= MAX_INTEGER_CLASSES;
    const chosen = task ?? (fewWholeNumbers ? 'classification' : 'regression');
    if (chosen === 'regression') {
      checkFloat32(file, p);
      return { task: 'regression', ...base };
    }
    if (p.numberValuesOverflow || values.size > MAX_CLASSES) throw tooManyClasses(file, p, true);
    const sorted = [...values.keys()].sort((a, b) => a - b);
    plan = { task: 'classification', ...base, classNames: sorted.map((v) => String(v)), numeric: true };
  } else {
    if (task === 'regression') {
      const [first] = p.textExamples;
      throw new CsvImportError({ file, line: first.line }, 'label-not-numeric', {
        column: p.name,
        value: quoted(first.value),
      });
    }
    if (p.numbers >= MOSTLY_NUMERIC * p.present) throw strayText(file, p);
    if (p.distinctOverflow || p.distinct.size > MAX_CLASSES) throw tooManyClasses(file, p, false);
    plan = { task: 'classification', ...base, classNames: stableOrder([...p.distinct.keys()], false), numeric: false };
  }
  if (plan.classNames.length < 2) {
    throw new CsvImportError({ file }, 'label-one-class', { column: p.name, value: quoted(plan.classNames[0]) });
  }
  return plan;
}

function tooManyClasses(file: string, p: ColumnProfile, numeric: boolean): CsvImportError {
  return new CsvImportError({ file }, numeric ? 'label-too-many-numbers' : 'label-too-many-classes', {
    column: p.name,
    max: MAX_CLASSES,
  });
}

export function planImport(
  file: string,
  profiles: Array<ColumnProfile | null>,
  labelIndex: number,
  task: Task | undefined,
  categorical: ReadonlySet<number>,
): ImportPlan {
  const label = decideLabel(file, profiles[labelIndex]!, task);
  const features: FeatureColumn[] = [];
  const featureNames: string[] = [];
  for (const p of profiles) {
    if (!p || p.index === labelIndex) continue;
    const offset = featureNames.length;
    if (decideFeature(file, p, categorical.has(p.index)) === 'numeric') {
      features.push({ kind: 'numeric', index: p.index, name: p.name, offset });
      featureNames.push(p.name);
    } else {
      const keys = [...p.distinct.keys()];
      const categories = stableOrder(keys, p.texts === 0);
      features.push({
        kind: 'categorical',
        index: p.index,
        name: p.name,
        offset,
        categories,
        lookup: new Map(categories.map((c, k) => [c, k])),
      });
      for (const c of categories) featureNames.push(`${p.name}=${c}`);
    }
  }
  if (features.length === 0) {
    throw new CsvImportError({ file }, 'no-features', { column: label.name });
  }
  return { features, featureNames, label };
}

/** For each provisional label id (scan order), its class index. */
export function classOfLabelKey(
  plan: Extract<LabelPlan, { task: 'classification' }>,
  keys: string[],
  decimalComma: boolean,
): Int32Array {
  const index = new Map(plan.classNames.map((name, k) => [name, k]));
  return Int32Array.from(keys, (key) => {
    const name = plan.numeric ? String(parseNumber(key, decimalComma)) : key;
    const k = index.get(name);
    if (k === undefined) throw new Error(`label ${JSON.stringify(key)} has no class (internal error; please report)`);
    return k;
  });
}
