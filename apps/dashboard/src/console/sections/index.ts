// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- tsc and ts-jest outside the dashboard (tests import the menus) need the .vue shim
/// <reference path="../shims-vue.d.ts" />
import type { ConsoleSection } from '../section';
import { section as accountability } from './accountability/routes';
import { section as admin } from './admin/routes';
import { section as cards } from './cards/routes';
import { section as cases } from './cases/routes';
import { section as clues } from './clues/routes';
import { section as meetings } from './meetings/routes';
import { section as reports } from './reports/routes';
import { section as watchlists } from './watchlists/routes';
import { section as work } from './work/routes';

/** Every section of the console; the menu and the router are built from these (section.ts). */
export const SECTIONS: readonly ConsoleSection[] = [work, cards, cases, watchlists, reports, meetings, accountability, clues, admin];
