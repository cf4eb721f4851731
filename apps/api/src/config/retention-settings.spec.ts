import { ConfigError } from './env-readers';
import { readRetentionSettings } from './retention-settings';

describe('retention settings', () => {
  it('defaults to a year of deliveries, half a year of inbox, a week of published outbox, hourly', () => {
    expect(readRetentionSettings({})).toEqual({ deliveriesDays: 365, inboxDays: 180, outboxDays: 7, intervalMs: 3_600_000 });
  });

  it('names the variable and the reason of a refused value', () => {
    expect(() => readRetentionSettings({ RETENTION_DELIVERIES_DAYS: '3' })).toThrow(new ConfigError('RETENTION_DELIVERIES_DAYS', 'must be between 30 and 36500, got 3'));
    expect(() => readRetentionSettings({ RETENTION_INBOX_DAYS: 'ten' })).toThrow(new ConfigError('RETENTION_INBOX_DAYS', 'must be an integer, got "ten"'));
    expect(() => readRetentionSettings({ RETENTION_OUTBOX_DAYS: '0' })).toThrow(/RETENTION_OUTBOX_DAYS must be between 1/);
  });
});
