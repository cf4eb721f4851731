import { ConfigError } from './env-readers';
import { readRetentionSettings } from './retention-settings';

describe('retention settings', () => {
  it('defaults to a year of deliveries and audit log, half a year of inbox, a week of published outbox, hourly', () => {
    expect(readRetentionSettings({}, '/srv/lm/data', '/srv/lm')).toEqual({
      deliveriesDays: 365,
      inboxDays: 180,
      outboxDays: 7,
      auditDays: 365,
      auditArchiveDir: '/srv/lm/data/archive',
      intervalMs: 3_600_000,
    });
    expect(readRetentionSettings({ AUDIT_ARCHIVE_DIR: 'vault' }, '/srv/lm/data', '/srv/lm').auditArchiveDir).toBe('/srv/lm/vault');
  });

  it('refuses to keep the audit log less than six months (网络安全法 art. 21), naming the variable', () => {
    expect(() => readRetentionSettings({ RETENTION_AUDIT_DAYS: '30' }, '/d')).toThrow(new ConfigError('RETENTION_AUDIT_DAYS', 'must be between 184 and 36500, got 30'));
    expect(() => readRetentionSettings({ RETENTION_AUDIT_DAYS: '183' }, '/d')).toThrow(/RETENTION_AUDIT_DAYS must be between 184/);
    expect(readRetentionSettings({ RETENTION_AUDIT_DAYS: '184' }, '/d').auditDays).toBe(184);
  });

  it('names the variable and the reason of a refused value', () => {
    expect(() => readRetentionSettings({ RETENTION_DELIVERIES_DAYS: '3' }, '/d')).toThrow(new ConfigError('RETENTION_DELIVERIES_DAYS', 'must be between 30 and 36500, got 3'));
    expect(() => readRetentionSettings({ RETENTION_INBOX_DAYS: 'ten' }, '/d')).toThrow(new ConfigError('RETENTION_INBOX_DAYS', 'must be an integer, got "ten"'));
    expect(() => readRetentionSettings({ RETENTION_OUTBOX_DAYS: '0' }, '/d')).toThrow(/RETENTION_OUTBOX_DAYS must be between 1/);
  });
});
