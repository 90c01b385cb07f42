// The notices in the corner, as a list that only grows through addNotice. Successes and information fade after a
// while; errors stay until dismissed (they name the file, row or node to fix, and may appear while the user looks
// elsewhere), but never pile up: the same error again counts on its notice, and only the newest few errors stay.
export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  /** How many times this same notice was raised while it was shown (1 the first time). */
  count: number;
}

/** How long an info or success notice stays, in ms. */
export const NOTICE_FADE_MS = 6000;
/** Errors shown at once; an older one goes when a newer one comes. */
export const MAX_ERRORS = 3;

/** Whether a notice of this kind is removed by itself after NOTICE_FADE_MS. */
export function fades(kind: Notice['kind']): boolean {
  return kind !== 'error';
}

/** The list with `notice` added at the end: a notice of the same kind and text shown already moves there and counts. */
export function addNotice(list: readonly Notice[], notice: Omit<Notice, 'count'>): Notice[] {
  const same = list.find((n) => n.kind === notice.kind && n.text === notice.text);
  const next = [...list.filter((n) => n !== same), { ...notice, count: (same?.count ?? 0) + 1 }];
  const errors = next.filter((n) => n.kind === 'error');
  const dropped = new Set(errors.slice(0, Math.max(0, errors.length - MAX_ERRORS)));
  return next.filter((n) => !dropped.has(n));
}
