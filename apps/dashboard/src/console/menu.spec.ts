import { menuPaths, visibleMenu, type ConsoleMenuEntry } from './menu';

const MENU: ConsoleMenuEntry[] = [
  { path: '/cards', titleKey: 'menu.cards', anyOf: ['alerts.decide'], order: 20 },
  { path: '/work', titleKey: 'menu.work', anyOf: ['alerts.respond'], order: 10 },
  {
    path: '/admin',
    titleKey: 'menu.admin',
    anyOf: [],
    order: 90,
    children: [
      { path: '/admin/users', titleKey: 'x', anyOf: ['users.manage'], order: 1 },
      { path: '/admin/audit', titleKey: 'y', anyOf: ['audit.read'], order: 2 },
    ],
  },
];

describe('visibleMenu', () => {
  it('shows an entry when the user holds any permission it names, in menu order', () => {
    expect(visibleMenu(MENU, new Set(['alerts.decide', 'alerts.respond'])).map((e) => e.path)).toEqual(['/work', '/cards']);
  });

  it('hides what no permission opens', () => {
    expect(visibleMenu(MENU, new Set(['cases.read']))).toEqual([]);
  });

  it('keeps a submenu with only the children the user may use, and drops it when none is left', () => {
    const audit = visibleMenu(MENU, new Set(['audit.read']));
    expect(audit.map((e) => e.path)).toEqual(['/admin']);
    expect(audit[0].children?.map((c) => c.path)).toEqual(['/admin/audit']);
    expect(menuPaths(audit)).toEqual(['/admin/audit']);
  });
});
