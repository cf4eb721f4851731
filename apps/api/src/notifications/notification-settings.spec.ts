import { loadConfig } from '../config/app-config';
import { lastLadderStep, ladderStep, workingHoursBefore } from './escalation-ladder';

const base = { ADMIN_TOKEN: 'an-admin-token-of-some-length' };

describe('notification settings', () => {
  it('has working defaults and derives a link key from the admin token', () => {
    const { notifications } = loadConfig(base, '/tmp');
    expect(notifications).toMatchObject({
      smtpUrl: null,
      publicBaseUrl: 'http://localhost:3000',
      escalateAfterWorkingHours: 4,
      reminderBackoffWorkingHours: [1, 4, 8],
      maxAttempts: 6,
      dailyDigest: true,
    });
    expect(notifications.workingWindows).toEqual([{ start: 510, end: 720 }, { start: 840, end: 1050 }]);
    expect(notifications.linkSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ ...base, ADMIN_TOKEN: 'another-admin-token-value' }, '/tmp').notifications.linkSecret).not.toBe(notifications.linkSecret);
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.gov.cn'],
    ['SMTP_FROM', 'a\r\nBcc: x@y.z'],
    ['PUBLIC_BASE_URL', 'jiancha.example.gov.cn'],
    ['NOTIFICATION_LINK_SECRET', 'short'],
    ['NOTIFICATION_WORKING_HOURS', '9-17'],
    ['NOTIFICATION_ESCALATE_AFTER_WORKING_HOURS', '0'],
    ['NOTIFICATION_REMINDER_BACKOFF_HOURS', '1,x'],
    ['NOTIFICATION_MAX_ATTEMPTS', '99'],
    ['NOTIFICATION_DAILY_DIGEST', 'yes'],
    ['NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES', '10.0.0.0/8,intranet.local'],
    ['NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES', '10.0.0.0/33'],
  ])('a bad %s stops the boot naming it', (variable, value) => {
    expect(() => loadConfig({ ...base, [variable]: value }, '/tmp')).toThrow(`Invalid configuration: ${variable}`);
  });

  it('reads the webhook allow-list of private addresses (none by default)', () => {
    expect(loadConfig(base, '/tmp').notifications.allowedPrivateAddresses).toEqual([]);
    expect(loadConfig({ ...base, NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES: ' 10.20.0.15, 10.30.0.0/16,fd00::/8' }, '/tmp').notifications.allowedPrivateAddresses).toEqual([
      '10.20.0.15',
      '10.30.0.0/16',
      'fd00::/8',
    ]);
  });

  it('walks the ladder: supervisor, department supervisors, then reminders spaced by the backoff', () => {
    const settings = { escalateAfterWorkingHours: 2, reminderBackoffWorkingHours: [1, 4, 8] };
    expect([1, 2, 3, 4].map((step) => ladderStep(step).audiences)).toEqual([
      ['officer-supervisor'],
      ['department-supervisors'],
      ['officer', 'officer-supervisor', 'department-supervisors'],
      ['officer', 'officer-supervisor', 'department-supervisors'],
    ]);
    expect([1, 2, 3, 4].map((step) => workingHoursBefore(step, settings))).toEqual([2, 1, 4, 8]);
    expect(lastLadderStep(settings)).toBe(4);
  });
});
