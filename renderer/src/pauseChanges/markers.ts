// Where settings changed at pauses appear on the epoch axis of a run's curves, and what their labels say.
import type { SettingChange } from '../../../main/api/types';
import type { ChangeKey } from './messages';

export interface ChangeMarker {
  /** On the epoch axis: epoch E ends at x = E, so a change after `step` steps sits at step / stepsPerEpoch. */
  x: number;
  label: string;
}

type Words = (key: ChangeKey, values?: Record<string, string | number>) => string;

/**
 * One marker per step at which settings changed (several settings changed together share one, their labels joined).
 * Without a known number of steps per epoch a marker sits at the start of its epoch.
 */
export function changeMarkers(
  changes: readonly SettingChange[],
  stepsPerEpoch: number | null,
  t: Words,
): ChangeMarker[] {
  const markers: ChangeMarker[] = [];
  let lastKey = '';
  for (const change of changes) {
    const x = stepsPerEpoch ? change.step / stepsPerEpoch : change.epoch - 1;
    const label = t(`marker_${change.setting}`, { from: change.from, to: change.to, node: change.nodeId ?? '' });
    const key = `${change.epoch}:${change.step}`;
    if (key === lastKey) markers[markers.length - 1].label += `, ${label}`;
    else markers.push({ x, label });
    lastKey = key;
  }
  return markers;
}
