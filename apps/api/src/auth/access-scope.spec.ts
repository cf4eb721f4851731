import { canActOnCase, departmentFilter, departmentsScope, EVERY_DEPARTMENT, inScope, roomsFor, roomsOfDepartment } from './access-scope';
import { PERMISSIONS, permissionsOf } from './access-policy';
import { PRINCIPAL_KINDS } from './principal';

describe('access scope', () => {
  const region = departmentsScope(['B', 'A']);
  const officer = departmentsScope(['A'], 'O-1', true);

  it('filters department reads: all, own, or nothing for a foreign filter', () => {
    expect(departmentFilter(EVERY_DEPARTMENT)).toBeUndefined();
    expect(departmentFilter(EVERY_DEPARTMENT, 'X')).toEqual(['X']);
    expect(departmentFilter(region)).toEqual(['A', 'B']);
    expect(departmentFilter(region, 'A')).toEqual(['A']);
    expect(departmentFilter(region, 'X')).toEqual([]);
    expect(departmentsScope([]).departmentCodes?.size).toBe(0);
    expect(inScope(departmentsScope([]), 'A')).toBe(false);
  });

  it('lets officers act only on cases assigned to them', () => {
    expect(canActOnCase(officer, { departmentCode: 'A', responsibleOfficerId: 'O-1' })).toBe(true);
    expect(canActOnCase(officer, { departmentCode: 'A', responsibleOfficerId: 'O-2' })).toBe(false);
    expect(canActOnCase(officer, { departmentCode: 'B', responsibleOfficerId: 'O-1' })).toBe(false);
    expect(canActOnCase(region, { departmentCode: 'B', responsibleOfficerId: null })).toBe(true);
    expect(canActOnCase(EVERY_DEPARTMENT, { departmentCode: 'Z', responsibleOfficerId: null })).toBe(true);
  });

  it('picks socket rooms from the scope, and publishers reach every matching room', () => {
    expect(roomsFor(EVERY_DEPARTMENT)).toEqual(['centre']);
    expect(roomsFor(region)).toEqual(['department:A', 'department:B']);
    expect(roomsFor(officer)).toEqual(['department:A', 'officer:O-1']);
    expect(roomsOfDepartment('A')).toEqual(['centre', 'department:A']);
    for (const scope of [EVERY_DEPARTMENT, region, officer]) {
      expect(roomsFor(scope).some((room) => roomsOfDepartment('A').includes(room))).toBe(true);
    }
    expect(roomsFor(officer).some((room) => roomsOfDepartment('B').includes(room))).toBe(false);
  });

  it('gives department systems nothing but ingest, and displays nothing that writes', () => {
    expect(permissionsOf('department')).toEqual(['events.ingest']);
    const writes = ['catalogue.write', 'departmentKeys.manage', 'users.manage', 'displays.manage', 'calendar.write', 'alerts.respond', 'alerts.decide'];
    expect(permissionsOf('display').filter((p) => writes.includes(p))).toEqual([]);
    expect(permissionsOf('centre_admin')).not.toContain('cases.read');
    // break-glass holds every permission except sending events
    expect(permissionsOf('admin').sort()).toEqual(Object.keys(PERMISSIONS).filter((p) => p !== 'events.ingest').sort());
    expect(PRINCIPAL_KINDS).toHaveLength(9);
    // a body's liaison reads and answers what was sent to its body, and nothing of the cases or the register
    expect(permissionsOf('body_liaison').filter((p) => /^(cases|alerts|register|clues|reports)\./.test(p))).toEqual([]);
    expect(permissionsOf('body_liaison')).toEqual(expect.arrayContaining(['deliveries.read', 'deliveries.respond']));
  });
});
