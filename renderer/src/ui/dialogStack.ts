// The open dialogs, innermost last, so Escape closes only the top one (the shortcuts list opened over an import
// dialog closes alone). Each Modal enters on mount and leaves on destroy.
const open: symbol[] = [];

/** Registers a dialog as the top one; returns its token and the function that removes it, wherever it is. */
export function enterDialog(): { token: symbol; leave: () => void } {
  const token = Symbol('dialog');
  open.push(token);
  return {
    token,
    leave: () => {
      const at = open.indexOf(token);
      if (at >= 0) open.splice(at, 1);
    },
  };
}

export function isTopDialog(token: symbol): boolean {
  return open.length > 0 && open[open.length - 1] === token;
}
