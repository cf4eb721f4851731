import { ChannelInput, channelProblems, maskTarget, scrubSecrets, secretToStore } from './channel-input';

const DINGTALK = 'https://oapi.dingtalk.com/robot/send?access_token=4f0c2a9be8d7c6b5a4f3e2d1c0b9a8f7';
const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

describe('notification channels: validation and masking', () => {
  it('masks robot tokens, long path segments and user info; keeps e-mail addresses', () => {
    expect(maskTarget('dingtalk', DINGTALK)).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(maskTarget('wecom', WECOM)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
    expect(maskTarget('webhook', 'https://user:pw@hooks.example.gov.cn/services/T0001/B0002/abcdefghijklmnopqrstuvwx')).toBe(
      'https://hooks.example.gov.cn/services/T0001/B0002/***',
    );
    expect(maskTarget('email', 'wang@scjg.example.gov.cn')).toBe('wang@scjg.example.gov.cn');
    expect(maskTarget('webhook', 'not a url')).toBe('***');
  });

  it('scrubs the target, its query values and the secret out of error texts', () => {
    const text = `request to ${DINGTALK} failed; token 4f0c2a9be8d7c6b5a4f3e2d1c0b9a8f7; secret SECabcdef123`;
    const scrubbed = scrubSecrets(text, 'dingtalk', DINGTALK, 'SECabcdef123');
    expect(scrubbed).not.toContain('4f0c2a9be8d7');
    expect(scrubbed).not.toContain('SECabcdef123');
    expect(scrubbed).toContain('access_token=***');
  });

  it('names each problem by its position and field', () => {
    const channels: ChannelInput[] = [
      { type: 'email', target: 'not-an-address', levels: ['RED'] },
      { type: 'webhook', target: 'ftp://example.gov.cn/hook', levels: ['RED'], secret: 'long-enough-secret-1' },
      { type: 'webhook', target: 'https://example.gov.cn/hook', levels: ['RED'] },
      { type: 'webhook', target: 'https://example.gov.cn/other', levels: ['RED'], secret: 'short' },
      { type: 'wecom', target: WECOM, levels: ['RED'], secret: 'not-for-wecom' },
      { type: 'dingtalk', target: DINGTALK, levels: ['RED'] },
      { type: 'dingtalk', target: DINGTALK, levels: ['YELLOW'] },
    ];
    expect(channelProblems(channels, []).map((e) => e.path)).toEqual(['[0].target', '[1].target', '[2].secret', '[3].secret', '[4].secret', '[6].target']);
  });

  it('lets robot channels reach only their vendor’s robot host, over https', () => {
    const robots: ChannelInput[] = [
      { type: 'dingtalk', target: DINGTALK, levels: ['RED'] },
      { type: 'wecom', target: WECOM, levels: ['RED'] },
      { type: 'dingtalk', target: 'https://169.254.169.254/latest/meta-data/', levels: ['RED'] },
      { type: 'dingtalk', target: 'http://oapi.dingtalk.com/robot/send?access_token=abc', levels: ['RED'] },
      { type: 'wecom', target: 'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=a', levels: ['RED'] },
      { type: 'wecom', target: 'https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=a', levels: ['RED'] },
      { type: 'dingtalk', target: WECOM, levels: ['YELLOW'] },
    ];
    const errors = channelProblems(robots, []);
    expect(errors.map((e) => e.path)).toEqual(['[2].target', '[3].target', '[4].target', '[5].target', '[6].target']);
    expect(errors[0].message).toBe('a dingtalk channel only reaches https://oapi.dingtalk.com/ (its robot endpoint), got host "169.254.169.254"');
    expect(errors[2].message).toContain('https://qyapi.weixin.qq.com/');
  });

  it('keeps the stored secret of the same target when none is sent, and only then', () => {
    const stored = [{ type: 'webhook', target: 'https://example.gov.cn/hook', secret: 'stored-secret-0123456789' }];
    const again: ChannelInput = { type: 'webhook', target: 'https://example.gov.cn/hook', levels: ['RED'] };
    expect(channelProblems([again], stored)).toEqual([]);
    expect(secretToStore(again, stored)).toBe('stored-secret-0123456789');
    expect(secretToStore({ ...again, target: 'https://example.gov.cn/new' }, stored)).toBeNull();
    expect(secretToStore({ ...again, secret: 'a-new-secret-0123456789' }, stored)).toBe('a-new-secret-0123456789');
  });
});
