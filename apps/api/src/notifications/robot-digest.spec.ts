import { CardFacts, renderBurstDigest, renderCardMessage, renderDigest } from './message-text';
import { DINGTALK_MAX_BODY_BYTES, dingtalkRequest, WECOM_MAX_BYTES, wecomRequest } from './outbound-formats';
import { fitDigest, utf8Bytes } from './robot-digest';

const CONSOLE = 'https://jiancha.example.gov.cn/console/';
const RULES = ['STATUTORY_OVERDUE', 'PROMISED_OVERDUE', 'SUPERVISION_ORDER_OVERDUE', 'COMPLAINT_HANDLING_OVERDUE'];

/** 200 open cards of one officer, each with its own signed link (a long token, as in production). */
function cards(count: number): { card: CardFacts; link: { url: string; acknowledge: boolean } }[] {
  return Array.from({ length: count }, (_, i) => ({
    card: {
      id: `card-${i}`,
      rule: RULES[i % RULES.length],
      level: i % 3 === 0 ? 'RED' : 'YELLOW',
      state: 'OPEN',
      departmentCode: 'SCJG',
      departmentName: i % 2 === 0 ? '鼓楼区市场监督管理局' : '市场监督管理局',
      caseId: `2026-SCJG-${String(i).padStart(5, '0')}`,
      itemCode: 'SCJG-001',
      responsibleOfficerId: 'O-SCJG-2',
      responsibleOfficerName: '李明',
      summary: { zh: '超过法定办理时限（20个工作日）', en: '' },
      changedAt: new Date(Date.UTC(2026, 11, 1, 2, i % 60)),
      reason: 'RAISED',
    },
    link: { url: `https://jiancha.example.gov.cn/api/v1/notification-links?t=n1.${'x'.repeat(120)}${i}.sig${i}`, acknowledge: true },
  }));
}

/** Every markdown link in the text, and the links the cards had. */
const linksIn = (text: string) => [...text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);

function expectWhole(content: string, entries: ReturnType<typeof cards>, total: number) {
  const lines = content.split('\n');
  const last = lines[lines.length - 1];
  const listed = lines.filter((line) => /^\d+\. \[/.test(line)).length;
  expect(listed).toBeGreaterThan(0);
  expect(last).toBe(`另有 ${total - listed} 张未列出，[请登录监察平台查看全部](${CONSOLE})`);
  const known = new Set([...entries.map((e) => e.link.url), CONSOLE]);
  const links = linksIn(content);
  expect(links).toHaveLength(listed + 1);
  for (const link of links) expect(known.has(link)).toBe(true);
  // No rule code, escaped or full-width, reaches people.
  expect(content).not.toMatch(/[A-Z]{3,}[_＿]/);
  expect(content).not.toContain('＿');
  return listed;
}

describe('robot digests fitted to each channel by whole items', () => {
  const entries = cards(200);
  const digest = renderDigest({ day: '2026-12-01', officerName: '李明', cards: entries, consoleUrl: CONSOLE });

  it('WeCom: 200 cards in at most 4096 bytes of markdown, ending with the rest and the console', () => {
    const body = JSON.parse(wecomRequest('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', digest).body) as { markdown: { content: string } };
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    const listed = expectWhole(body.markdown.content, entries, 200);
    expect(listed).toBeLessThan(200);
  });

  it('DingTalk: 200 cards in a request body of at most 20000 bytes, ending with the rest and the console', () => {
    const request = dingtalkRequest('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECsecret', digest, 1_764_000_000_000);
    expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(DINGTALK_MAX_BODY_BYTES);
    const body = JSON.parse(request.body) as { markdown: { title: string; text: string } };
    const listed = expectWhole(body.markdown.text, entries, 200);
    // The larger limit is used: more cards than WeCom's message holds.
    expect(listed).toBeGreaterThan(30);
  });

  it('a burst to one robot becomes one digest within each limit', () => {
    const burst = renderBurstDigest({ cards: entries.slice(0, 60), consoleUrl: CONSOLE });
    expect(burst.subject).toBe('【预警汇总】2 个部门：新到 60 张预警');
    const wecom = JSON.parse(wecomRequest('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', burst).body) as { markdown: { content: string } };
    expect(Buffer.byteLength(wecom.markdown.content)).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    expectWhole(wecom.markdown.content, entries, 60);
  });

  it('lists everything when it fits, and still ends with the console link', () => {
    const small = fitDigest({ heading: '#### 汇总', items: ['1. [a](https://x/1)', '2. [b](https://x/2)'], consoleUrl: CONSOLE }, 4096, utf8Bytes);
    expect(small.split('\n')).toEqual(['#### 汇总', '1. [a](https://x/1)', '2. [b](https://x/2)', `以上共 2 张，[在监察平台查看](${CONSOLE})`]);
  });

  it('names rules in Chinese in single-card messages, with no code', () => {
    const message = renderCardMessage({ kind: 'CARD', step: 0, card: entries[0].card, link: entries[0].link, audience: null });
    expect(message.markdown).toContain('规则：超法定时限');
    expect(message.markdown).not.toContain('STATUTORY');
    expect(message.markdown).not.toContain('＿');
    const unknown = renderCardMessage({ kind: 'CARD', step: 0, card: { ...entries[0].card, rule: 'SOME_NEW_RULE' }, link: entries[0].link, audience: null });
    expect(unknown.markdown).not.toContain('SOME');
  });
});
