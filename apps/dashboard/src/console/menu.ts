/**
 * The console's menu, decided by the permissions `GET /api/v1/me` returns: an entry a role cannot
 * use is not shown (the API stays the authority). Pure, so it is unit-tested in Node.
 */
export interface ConsoleMenuEntry {
  /** Route path under the console, e.g. '/cards'. Parents with children use it as their menu index only. */
  path: string;
  /** i18n key of the label, e.g. 'menu.cards'. */
  titleKey: string;
  /** Shown when the user holds ANY of these permissions (names as in access-policy.ts). */
  anyOf: readonly string[];
  /** Menu position: lower first. My work 10, Cards 20, Cases 30, Reports 40, Accountability 50, Administration 90. */
  order: number;
  /** A submenu: the parent shows when at least one child does. */
  children?: readonly ConsoleMenuEntry[];
}

export function permitsAny(permissions: ReadonlySet<string>, anyOf: readonly string[]): boolean {
  return anyOf.some((name) => permissions.has(name));
}

/** The entries (and children) this user may use, in menu order; parents without a visible child are dropped. */
export function visibleMenu(entries: readonly ConsoleMenuEntry[], permissions: ReadonlySet<string>): ConsoleMenuEntry[] {
  const visible: ConsoleMenuEntry[] = [];
  for (const entry of [...entries].sort((a, b) => a.order - b.order)) {
    if (entry.children && entry.children.length > 0) {
      const children = visibleMenu(entry.children, permissions);
      if (children.length > 0 && permitsAny(permissions, entry.anyOf.length > 0 ? entry.anyOf : children.flatMap((c) => c.anyOf))) {
        visible.push({ ...entry, children });
      }
    } else if (permitsAny(permissions, entry.anyOf)) {
      visible.push(entry);
    }
  }
  return visible;
}

/** Every leaf path of a menu, in order: the first is where a user lands after signing in. */
export function menuPaths(entries: readonly ConsoleMenuEntry[]): string[] {
  return entries.flatMap((e) => (e.children && e.children.length > 0 ? menuPaths(e.children) : [e.path]));
}
