import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../dist/apps/api/src/cli.js');

describe('CLI against a running centre', () => {
  let t: TestApp;
  const cli = (...args: string[]) => run(process.execPath, [CLI, ...args, '--url', t.baseUrl, '--token', t.admin.token!]);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('catalogue:load puts a catalogue file through the admin API', async () => {
    const { stdout } = await cli('catalogue:load', path.resolve(__dirname, '../resources/demo/catalogue.json'));
    expect(stdout).toMatch(/loaded 3 regions, 12 departments, \d+ officers, 40 items/);
    const items = await t.admin.get<unknown[]>('/api/v1/items');
    expect(items.body).toHaveLength(40);
  });

  it('catalogue:load refuses an invalid file naming the field, and loads nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lm-cli-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ regions: {}, departments: { X: {} }, officers: {}, items: {} }));
    const failure = (await cli('catalogue:load', file).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    ))!;
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('departments.X.name: is required');
    expect((await t.admin.get('/api/v1/departments/X')).status).toBe(404);
  });

  it('simulate drives department traffic through the public API, with history and a live phase', async () => {
    const { stdout } = await cli('simulate', '--rate', '40', '--departments', '3', '--days', '2', '--cases-per-day', '5', '--duration', '2', '--seed', '7');
    expect(stdout).toMatch(/\[history\] sent \d+ events/);
    // It says how long it runs, and its progress gives the current rate (over the last seconds).
    expect(stdout).toContain('live traffic at 40 events/s for 0:02');
    expect(stdout).toMatch(/\[live 0:0\d\/0:02\] sent \d+ events \(now \d+\/s over the last 10 s\)/);
    expect(stdout).toMatch(/\[done\] sent (\d+) events .*accepted (\d+)/);
    const accepted = Number(/\[done\].*accepted (\d+)/.exec(stdout)![1]);
    expect(accepted).toBeGreaterThan(0);
    const cases = await t.admin.get<{ total: number }>('/api/v1/cases?pageSize=1');
    expect(cases.body.total).toBeGreaterThan(0);
  });

  it('simulate refuses a duration that is not one, naming the flag', async () => {
    const failure = (await cli('simulate', '--duration', 'ten minutes').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    ))!;
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('--duration must be a positive time');
  });

  it('calendar:load loads a year', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lm-cli-'));
    const file = path.join(dir, '2031.json');
    writeFileSync(file, JSON.stringify({ year: 2031, papers: [], days: [{ name: '元旦', date: '2031-01-01', isOffDay: true }] }));
    const { stdout } = await cli('calendar:load', file);
    expect(stdout).toContain('calendar 2031 loaded (published)');
    const year = await t.admin.get<{ published: boolean; source: string }>('/api/v1/calendars/2031');
    expect(year.body).toMatchObject({ published: true, source: 'loaded' });
  });
});
