import { CatalogueFile } from '@app/contracts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';

const root = path.join(__dirname, '..');

/** The README's "Sending events" walk-through, as written: the demo catalogue, a key, docs/examples/batch.json. */
describe('the README example batch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('is the file the README sends, and every event of it is accepted for the demo catalogue', async () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('catalogue:load resources/demo/catalogue.json');
    expect(readme).toContain('-d @docs/examples/batch.json');
    expect(readme).toContain('/api/v1/departments/SCJG-R01/keys');
    const catalogue = JSON.parse(readFileSync(path.join(root, 'resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
    const keys = await setUpCatalogue(t.admin, catalogue);
    const batch = readFileSync(path.join(root, 'docs/examples/batch.json'), 'utf8');
    const sent = await t.admin.withToken(keys['SCJG-R01']).request<{ accepted: number; duplicates: number; rejected: unknown[] }>('POST', '/api/v1/events', undefined, batch);
    expect(sent.status).toBe(202);
    const count = (JSON.parse(batch) as { events: unknown[] }).events.length;
    expect(sent.body).toEqual({ accepted: count, duplicates: 0, rejected: [] });
    // docs/events.md §5: sending the same file again is harmless.
    const again = await t.admin.withToken(keys['SCJG-R01']).request('POST', '/api/v1/events', undefined, batch);
    expect(again.body).toEqual({ accepted: 0, duplicates: count, rejected: [] });
  });
});
