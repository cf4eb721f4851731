import { ApiClient } from './support/api-client';
import { ConsoleWorld, startConsoleWorld } from './support/console-world';

interface WatchList {
  id: string;
  name: string;
  owner: string;
  mine: boolean;
  shared: boolean;
  caseCount?: number;
  cases: { departmentCode: string; caseId: string; status: string; isOpen: boolean; openCards: number; highestLevel: string | null; note: string | null; itemName: string }[];
}

describe('watch-lists (跟踪): personal or shared within the owner’s scope, cases shown as far as the reader’s scope reaches', () => {
  let w: ConsoleWorld;
  let dbSupervisor: ApiClient;
  let personal: WatchList;
  let shared: WatchList;

  beforeAll(async () => {
    w = await startConsoleWorld();
    await w.overdueCase('DA', 'watch-a', 'O-DA-2');
    await w.overdueCase('DB', 'watch-b', 'O-DB-1');
    dbSupervisor = await w.signedIn('db-watcher', { role: 'department_supervisor', departmentCode: 'DB' });
  });
  afterAll(async () => w?.t.close());

  it('creates lists and adds cases of the owner’s scope; each case shows its current state and open cards', async () => {
    const p = await w.as.department_supervisor.post<WatchList>('/api/v1/watchlists', { name: '我的跟踪' });
    expect(p.status).toBe(201);
    personal = p.body;
    expect(personal).toMatchObject({ name: '我的跟踪', shared: false, mine: true, owner: 'm-department-supervisor', cases: [] });
    shared = (await w.as.department_supervisor.post<WatchList>('/api/v1/watchlists', { name: '科室重点件', shared: true })).body;
    const added = await w.as.department_supervisor.put<{ created: boolean }>(`/api/v1/watchlists/${shared.id}/cases/DA/watch-a`, { note: '申请人多次来电' });
    expect(added.status).toBe(200);
    expect(added.body.created).toBe(true);
    expect((await w.as.department_supervisor.put<{ created: boolean }>(`/api/v1/watchlists/${shared.id}/cases/DA/watch-a`, { note: '已电话回复' })).body.created).toBe(false);
    const foreign = await w.as.department_supervisor.put<{ errors: { path: string }[] }>(`/api/v1/watchlists/${shared.id}/cases/DB/watch-b`, {});
    expect({ status: foreign.status, path: foreign.body.errors[0].path }).toEqual({ status: 404, path: 'caseId' });
    const missing = await w.as.department_supervisor.put<{ errors: { path: string }[] }>(`/api/v1/watchlists/${shared.id}/cases/DA/no-such-case`, {});
    expect(missing.status).toBe(404);
    const read = await w.as.department_supervisor.get<WatchList>(`/api/v1/watchlists/${shared.id}`);
    expect(read.body.cases).toHaveLength(1);
    expect(read.body.cases[0]).toMatchObject({ departmentCode: 'DA', caseId: 'watch-a', isOpen: true, highestLevel: 'RED', note: '已电话回复', itemName: '食品经营许可' });
    expect(read.body.cases[0].openCards).toBeGreaterThanOrEqual(2);
  });

  it('shares within the scope: colleagues and the region see the shared list read-only, never the personal one; another department sees nothing', async () => {
    const officerLists = await w.as.officer.get<WatchList[]>('/api/v1/watchlists');
    expect(officerLists.body.map((l) => [l.name, l.mine, l.caseCount])).toEqual([['科室重点件', false, 1]]);
    expect((await w.as.officer.get(`/api/v1/watchlists/${personal.id}`)).status).toBe(404);
    expect((await w.as.officer.put(`/api/v1/watchlists/${shared.id}`, { name: '改名' })).status).toBe(403);
    expect((await w.as.officer.delete(`/api/v1/watchlists/${shared.id}/cases/DA/watch-a`)).status).toBe(403);
    expect((await w.as.region_supervisor.get<WatchList>(`/api/v1/watchlists/${shared.id}`)).body.cases).toHaveLength(1);
    expect((await dbSupervisor.get<WatchList[]>('/api/v1/watchlists')).body).toEqual([]);
    expect((await dbSupervisor.get(`/api/v1/watchlists/${shared.id}`)).status).toBe(404);
  });

  it('a centre-wide shared list shows each reader only the cases of their scope', async () => {
    const centre = (await w.as.centre_supervisor.post<WatchList>('/api/v1/watchlists', { name: '全市督办件', shared: true })).body;
    await w.as.centre_supervisor.put(`/api/v1/watchlists/${centre.id}/cases/DA/watch-a`, {});
    await w.as.centre_supervisor.put(`/api/v1/watchlists/${centre.id}/cases/DB/watch-b`, {});
    const caseIds = async (client: ApiClient) => (await client.get<WatchList>(`/api/v1/watchlists/${centre.id}`)).body.cases.map((c) => c.caseId).sort();
    expect(await caseIds(w.as.centre_supervisor)).toEqual(['watch-a', 'watch-b']);
    expect(await caseIds(w.as.officer)).toEqual(['watch-a']);
    expect(await caseIds(dbSupervisor)).toEqual(['watch-b']);
    const counted = (await dbSupervisor.get<WatchList[]>('/api/v1/watchlists')).body.find((l) => l.id === centre.id);
    expect(counted?.caseCount).toBe(1);
  });

  it('renames, unshares, removes cases and deletes — the owner only; bad input named', async () => {
    const renamed = await w.as.department_supervisor.put<WatchList>(`/api/v1/watchlists/${shared.id}`, { name: '重点件', shared: false });
    expect(renamed.body).toMatchObject({ name: '重点件', shared: false });
    expect((await w.as.officer.get(`/api/v1/watchlists/${shared.id}`)).status).toBe(404);
    expect((await w.as.department_supervisor.delete(`/api/v1/watchlists/${shared.id}/cases/DA/watch-a`)).status).toBe(204);
    expect((await w.as.department_supervisor.delete(`/api/v1/watchlists/${shared.id}/cases/DA/watch-a`)).status).toBe(404);
    expect((await w.as.department_supervisor.delete(`/api/v1/watchlists/${shared.id}`)).status).toBe(204);
    expect((await w.as.department_supervisor.get(`/api/v1/watchlists/${shared.id}`)).status).toBe(404);
    const blank = await w.as.department_supervisor.post<{ errors: { path: string }[] }>('/api/v1/watchlists', { name: ' ' });
    expect({ status: blank.status, path: blank.body.errors[0].path }).toEqual({ status: 400, path: 'name' });
    const empty = await w.as.department_supervisor.put<{ errors: { path: string }[] }>(`/api/v1/watchlists/${personal.id}`, {});
    expect(empty.status).toBe(400);
    const badCode = await w.as.department_supervisor.put<{ errors: { path: string }[] }>(`/api/v1/watchlists/${personal.id}/cases/D%20A/x`, {});
    expect({ status: badCode.status, path: badCode.body.errors[0].path }).toEqual({ status: 400, path: 'departmentCode' });
    const badId = await w.as.department_supervisor.get<{ errors: { path: string }[] }>('/api/v1/watchlists/not-a-list');
    expect({ status: badId.status, path: badId.body.errors[0].path }).toEqual({ status: 404, path: 'id' });
    expect((await w.as.centre_admin.get('/api/v1/watchlists')).status).toBe(403);
  });
});
