import { createHmac } from 'node:crypto';
import { CardMessage, renderCardMessage, renderDigest } from './message-text';
import { dingtalkRequest, SIGNATURE_HEADERS, truncateUtf8, webhookRequest, wecomRequest } from './outbound-formats';

const card: CardMessage['card'] = {
  id: '6f1c7c1e-6f0e-4a53-9f53-3a1f0b1c2d3e',
  rule: 'STATUTORY_OVERDUE',
  level: 'RED',
  state: 'OPEN',
  departmentCode: 'SCJG',
  departmentName: '市场监督管理局',
  caseId: 'late-1',
  itemCode: 'SCJG-001',
  responsibleOfficerId: 'O-SCJG-2',
  responsibleOfficerName: '李明',
  summary: { zh: '超过法定办理时限（20个工作日）', en: 'statutory limit exceeded' },
  changedAt: new Date('2025-10-31T02:00:00Z'),
  reason: 'RAISED',
};
const link = { url: 'https://jiancha.example.gov.cn/api/v1/notification-links?t=n1.abc.def', acknowledge: true };

describe('message text and wire formats', () => {
  it('writes a Chinese subject and body naming level, rule, department and case, with the link', () => {
    const message = renderCardMessage({ kind: 'CARD', step: 0, card, link, audience: null });
    expect(message.subject).toBe('【红牌】超法定时限｜市场监督管理局｜办件 late-1');
    expect(message.text).toContain('时间：2025-10-31 10:00（北京时间）');
    expect(message.text).toContain(`查看并确认收到：${link.url}`);
    expect(message.markdown).toContain(`[查看并确认收到](${link.url})`);
    const escalation = renderCardMessage({ kind: 'ESCALATION', step: 1, card, link: { ...link, acknowledge: false }, audience: '承办人的上级' });
    expect(escalation.subject.startsWith('【督办升级】【红牌】')).toBe(true);
    expect(escalation.text).toContain('现提请承办人的上级督促处理');
    expect(escalation.text).toContain(`查看预警：${link.url}`);
  });

  it('keeps department-supplied text from forming robot markdown', () => {
    const message = renderCardMessage({ kind: 'CARD', step: 0, card: { ...card, caseId: '[x](http://evil)' }, link, audience: null });
    expect(message.markdown).not.toContain('[x](http://evil)');
  });

  it('lists an officer’s open cards in the digest', () => {
    const digest = renderDigest({ day: '2026-12-01', officerName: '李明', consoleUrl: 'https://jiancha.example.gov.cn/console/', cards: [{ card, link }, { card: { ...card, level: 'YELLOW', rule: 'PROMISED_OVERDUE' }, link }] });
    expect(digest.subject).toBe('【每日预警汇总】2026-12-01 李明：2 张未办结预警');
    expect(digest.text).toMatch(/1\. 【红牌】超法定时限.*\n.*查看并确认收到/);
    expect(digest.text).toContain('2. 【黄牌】超承诺时限');
  });

  it('signs the generic webhook over the timestamp and the exact body, with the delivery id as idempotency key', () => {
    const request = webhookRequest('https://hooks.example.gov.cn/in', 'a-shared-secret-0123', 'card.raised', 'delivery-1', { hello: '世界' }, 1_764_000_000_000);
    const timestamp = request.headers[SIGNATURE_HEADERS.timestamp];
    expect(timestamp).toBe('1764000000');
    const expected = createHmac('sha256', 'a-shared-secret-0123').update(`${timestamp}.${request.body}`).digest('hex');
    expect(request.headers[SIGNATURE_HEADERS.signature]).toBe(`sha256=${expected}`);
    expect(request.headers[SIGNATURE_HEADERS.delivery]).toBe('delivery-1');
    expect(JSON.parse(request.body)).toEqual({ hello: '世界' });
  });

  it('speaks the DingTalk robot format, signing the URL as DingTalk’s 加签 requires', () => {
    const message = renderCardMessage({ kind: 'CARD', step: 0, card, link, audience: null });
    const request = dingtalkRequest('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECsecret', message, 1_764_000_000_123);
    const url = new URL(request.url);
    expect(url.searchParams.get('timestamp')).toBe('1764000000123');
    const sign = createHmac('sha256', 'SECsecret').update('1764000000123\nSECsecret').digest('base64');
    expect(url.searchParams.get('sign')).toBe(sign);
    expect(JSON.parse(request.body)).toEqual({ msgtype: 'markdown', markdown: { title: message.subject, text: message.markdown } });
    expect(request.judge).toBe('errcode');
    expect(dingtalkRequest('https://oapi.dingtalk.com/robot/send?access_token=abc', null, message, 1).url).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc');
  });

  it('speaks the WeCom robot format within its 4096-byte limit', () => {
    const message = renderCardMessage({ kind: 'CARD', step: 0, card: { ...card, summary: { zh: '长'.repeat(3000), en: '' } }, link, audience: null });
    const body = JSON.parse(wecomRequest('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', message).body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThanOrEqual(4096);
    expect(truncateUtf8('汉字', 4)).toBe('…');
  });
});
