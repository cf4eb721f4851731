import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { PUBLIC_CATALOGUE, publicCaseEvents, QUERY_CODE } from './fixtures/public-cases';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', PUBLIC_POW_BITS: '10' };

interface Progress {
  departmentName: string;
  item: { name: string } | null;
  status: string;
  promised: { limitWorkingDays: number; usedWorkingDays: number; remainingWorkingDays: number; dueOn: string; state: string } | null;
  statutory: { limitWorkingDays: number; state: string } | null;
  pauses: { reason: string; from: string; to: string | null; workingDaysNotCounted: number }[];
  provisional: boolean;
}
interface Challenge { token: string; bits: number }

/** The smallest nonce whose SHA-256(token ":" nonce) starts with `bits` zero bits. */
function solve(challenge: Challenge): string {
  for (let nonce = 0; ; nonce++) {
    const digest = createHash('sha256').update(`${challenge.token}:${nonce}`).digest();
    let bits = 0;
    for (const byte of digest) {
      if (byte === 0) bits += 8;
      else {
        bits += Math.clz32(byte) - 24;
        break;
      }
    }
    if (bits >= challenge.bits) return String(nonce);
  }
}

async function sql<T>(databaseUrl: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the public: progress lookup by query code, complaints, the directory', () => {
  let t: TestApp;
  let anonymous: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    anonymous = t.admin.withToken(null);
    const keys = await setUpCatalogue(t.admin, PUBLIC_CATALOGUE);
    const sent = await t.admin.withToken(keys.SCJG).post<{ accepted: number }>('/api/v1/events', { events: publicCaseEvents() });
    expect(sent.status).toBe(202);
    expect(sent.body.accepted).toBe(10);
    await waitFor(async () => ((await t.admin.get<{ total: number }>('/api/v1/cases?departmentCode=SCJG')).body.total === 3 ? true : undefined), 'three cases projected');
  });
  afterAll(async () => t?.close());

  const lookup = (caseId: string, queryCode: string, departmentCode = 'SCJG') => anonymous.post<Progress>('/api/v1/public/progress', { departmentCode, caseId, queryCode });

  it('answers the right code with the progress, and nothing personal', async () => {
    const found = await lookup('P1', QUERY_CODE.toLowerCase());
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('no-store');
    expect(found.body).toMatchObject({
      departmentName: '市场监督管理局',
      item: { name: '食品经营许可' },
      status: 'COMPLETED',
      // Accepted 11-03; 11-05…11-10 paused (3 working days not counted); decided 11-20.
      pauses: [{ reason: 'EXPERT_REVIEW', from: '2025-11-05', to: '2025-11-10', workingDaysNotCounted: 3 }],
      promised: { limitWorkingDays: 10, state: 'met' },
      statutory: { limitWorkingDays: 20, state: 'met' },
    });
    expect(found.body.promised!.usedWorkingDays + found.body.promised!.remainingWorkingDays).toBe(10);
    // No officer, no documents, no certificate number, no code.
    const text = JSON.stringify(found.body);
    for (const secret of ['O-SCJG', '证-P1', QUERY_CODE, 'officer', 'timeline']) expect(text).not.toContain(secret);
    const byGet = await anonymous.get<Progress>(`/api/v1/public/progress?departmentCode=SCJG&caseId=P1&queryCode=${QUERY_CODE}`);
    expect(byGet.status).toBe(200);
    expect(byGet.body).toEqual(found.body);
  });

  it('answers a wrong code, a case without a code and an unknown case exactly alike', async () => {
    const wrong = await lookup('P1', 'WRONG1234');
    const noCode = await lookup('P2', QUERY_CODE);
    const unknown = await lookup('NO-SUCH-CASE', QUERY_CODE);
    const otherDepartment = await lookup('P1', QUERY_CODE, 'ZJJ');
    expect(wrong.status).toBe(404);
    for (const other of [noCode, unknown, otherDepartment]) {
      expect(other.status).toBe(wrong.status);
      expect(other.body).toEqual(wrong.body);
    }
    expect(wrong.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no case with this department, case number and query code', errors: [{ path: 'queryCode', message: 'not found or wrong code' }] });
  });

  it('keeps the latest code only, and never the code itself', async () => {
    expect((await lookup('P3', 'FIRSTCODE1')).status).toBe(404);
    expect((await lookup('P3', 'SECONDCODE2')).status).toBe(200);
    const stored = await sql<{ n: string }>(t.databaseUrl, `SELECT count(*) AS n FROM case_events WHERE data::text ILIKE '%' || $1 || '%'`, [QUERY_CODE]);
    expect(stored[0].n).toBe('0');
    const hashes = await sql<{ code_hash: Buffer; salt: Buffer }>(t.databaseUrl, `SELECT code_hash, salt FROM case_query_codes ORDER BY case_id`);
    expect(hashes).toHaveLength(2);
    for (const row of hashes) expect(row.code_hash.toString('utf8')).not.toContain(QUERY_CODE);
    expect(hashes[0].salt.equals(hashes[1].salt)).toBe(false);
    const timeline = await t.admin.get<{ timeline: object[] }>('/api/v1/cases/SCJG/P1');
    expect(JSON.stringify(timeline.body)).not.toContain(QUERY_CODE);
  });

  it('refuses a malformed lookup naming the field', async () => {
    const bad = await anonymous.post<{ errors: { path: string }[] }>('/api/v1/public/progress', { departmentCode: 'SCJG', caseId: 'P1', queryCode: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['queryCode']);
  });

  it('publishes every department with its complaint phone and website', async () => {
    const directory = await anonymous.get<{ departments: { code: string; name: string; complaintPhone: string | null; complaintWebsite: string | null }[] }>('/api/v1/public/directory');
    expect(directory.status).toBe(200);
    expect(directory.body.departments).toEqual([
      { code: 'SCJG', name: '市场监督管理局', regionName: '东城区', complaintPhone: '0571-12345', complaintWebsite: 'https://scjg.example.gov.cn/ts' },
      { code: 'ZJJ', name: '住房和城乡建设局', regionName: '西城区', complaintPhone: null, complaintWebsite: null },
    ]);
  });

  describe('complaints from the public', () => {
    const challenge = async () => (await anonymous.get<Challenge>('/api/v1/public/challenge')).body;
    const complain = async (body: Record<string, unknown>, proof?: { token: string; nonce: string } | null) => {
      const solved = proof === undefined ? await challenge().then((c) => ({ token: c.token, nonce: solve(c) })) : proof;
      return anonymous.post<{ reference: string; linkedToCase: boolean; errors?: { path: string; message: string }[] }>('/api/v1/public/complaints', {
        departmentCode: 'SCJG',
        contact: '13800000000',
        content: '窗口要求提供清单以外的材料，拖延受理。',
        ...body,
        ...(solved ? { proof: solved } : {}),
      });
    };

    it('reach the complaints workflow, linked to the case only with the right code', async () => {
      const linked = await complain({ name: '张三', caseId: 'P1', queryCode: QUERY_CODE });
      expect(linked.status).toBe(201);
      expect(linked.body.linkedToCase).toBe(true);
      const unlinked = await complain({ caseId: 'P2', queryCode: 'WRONG1234', content: '另一件事：审批超期未答复。' });
      expect(unlinked.status).toBe(201);
      expect(unlinked.body.linkedToCase).toBe(false);

      const listed = await t.admin.get<{ items: { id: string; channel: string; caseId: string | null; registeredBy: string; state: string; content: string; complainantContact: string }[] }>(
        '/api/v1/complaints?departmentCode=SCJG',
      );
      const byId = new Map(listed.body.items.map((c) => [c.id, c]));
      expect(byId.get(linked.body.reference)).toMatchObject({ channel: 'WEB', caseId: 'P1', registeredBy: 'public-form', state: 'RECEIVED', complainantContact: '13800000000' });
      expect(byId.get(unlinked.body.reference)).toMatchObject({ caseId: null });
      expect(byId.get(unlinked.body.reference)!.content).toContain('P2');
      // The department takes it from there, as with any complaint.
      expect((await t.admin.post(`/api/v1/complaints/${linked.body.reference}/accept`)).status).toBe(200);
    });

    it('refuse a missing, a wrong, a forged or a spent proof of work', async () => {
      const missing = await complain({ content: '缺少验证的投诉内容一。' }, null);
      expect(missing.status).toBe(400);
      expect(missing.body.errors!.map((e) => e.path)).toEqual(['proof']);

      const c = await challenge();
      let wrongNonce = 0;
      while (createHash('sha256').update(`${c.token}:${wrongNonce}`).digest()[0] === 0) wrongNonce++;
      const wrong = await complain({ content: '验证错误的投诉内容二。' }, { token: c.token, nonce: String(wrongNonce) });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors![0].path).toBe('proof');
      expect(wrong.body.errors![0].message).toContain('does not solve');

      const [payload] = c.token.split('.');
      const forged = { token: `${payload}.${'A'.repeat(43)}`, nonce: '1' };
      expect((await complain({ content: '伪造验证的投诉内容三。' }, forged)).body.errors![0].message).toContain('not a challenge issued here');

      const solved = { token: c.token, nonce: solve(c) };
      expect((await complain({ content: '第一次使用验证的投诉内容四。' }, solved)).status).toBe(201);
      const spent = await complain({ content: '重复使用验证的投诉内容五。' }, solved);
      expect(spent.status).toBe(400);
      expect(spent.body.errors![0].message).toContain('already used');
    });

    it('refuse a duplicate (same department, contact and text, whitespace and case aside)', async () => {
      expect((await complain({ content: 'Duplicate check: the window was closed at 10am.' })).status).toBe(201);
      const again = await complain({ content: '  duplicate CHECK:   the window was closed at 10am. ' });
      expect(again.status).toBe(409);
      expect(again.body.errors![0].path).toBe('content');
      expect((await complain({ contact: '13900000000', content: 'Duplicate check: the window was closed at 10am.' })).status).toBe(201);
    });

    it('refuse oversized bodies and fields', async () => {
      const tooLong = await complain({ content: '长'.repeat(4001) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors!.map((e) => e.path)).toContain('content');
      const huge = await anonymous.request('POST', '/api/v1/public/complaints', undefined, JSON.stringify({ content: 'x'.repeat(20_000) }));
      expect(huge.status).toBe(413);
    });
  });
});

describe('the public routes are rate limited per client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', PUBLIC_RATE_LIMIT_MAX: '3' });
  });
  afterAll(async () => t?.close());

  it('answers 429 past the budget, while signed-in routes keep theirs', async () => {
    const anonymous = t.admin.withToken(null);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await anonymous.post('/api/v1/public/progress', { departmentCode: 'SCJG', caseId: `X${i}`, queryCode: 'ABCDEF12' })).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    expect((await t.admin.get('/api/v1/departments')).status).toBe(200);
  });
});
