// How a dataset reads in the list: its size (features, or image channels × height × width), classes and split.
import type { DatasetRecord } from '../../../main/api/types';

export function shapeText(record: DatasetRecord): string {
  const shape = record.manifest.featureShape;
  if (shape.length === 3) return `${shape[1]}×${shape[2]}${shape[0] === 1 ? '' : `×${shape[0]}`}`;
  return String(shape[0] ?? '?');
}

export function classesText(record: DatasetRecord): string {
  const m = record.manifest;
  if (m.task === 'regression') return (m.targetNames ?? []).join(', ') || '—';
  const names = m.classNames ?? [];
  return names.length <= 4 ? names.join(', ') : `${names.length}: ${names.slice(0, 3).join(', ')}, …`;
}

export function splitText(record: DatasetRecord): string {
  const c = record.manifest.split.counts;
  return `${c.train} / ${c.validation} / ${c.test}`;
}
