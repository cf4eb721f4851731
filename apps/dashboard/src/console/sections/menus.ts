import type { ConsoleMenuEntry } from '../menu';
import { SECTIONS } from '.';

/** Every section's menu entries, in one list (the layout's menu and the role-matrix test read this). */
export const SECTION_MENUS: readonly ConsoleMenuEntry[] = SECTIONS.flatMap((s) => s.menu);
