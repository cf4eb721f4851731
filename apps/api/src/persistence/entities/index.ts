import { ACCOUNTABILITY_ENTITIES } from './accountability';
import { MEETING_ENTITIES } from './accountability/meeting-entities';
import { REPORT_ENTITIES } from './reports';
import { WATCHLIST_ENTITIES } from './watchlists';
import { AuditArchiveEntity } from './audit-archive.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { AlertTransitionEntity } from './alert-transition.entity';
import { AlertEntity } from './alert.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { CaseQueryCodeEntity } from './case-query-code.entity';
import { PublicComplaintReceiptEntity } from './public-complaint-receipt.entity';
import { DepartmentFeedEntity } from './department-feed.entity';
import { DepartmentKeyEntity } from './department-key.entity';
import { DepartmentEntity } from './department.entity';
import { DisplayTokenEntity } from './display-token.entity';
import { IngestBatchEntity } from './ingest-batch.entity';
import { ItemEntity } from './item.entity';
import { OfficerEntity } from './officer.entity';
import { NotificationAttemptEntity } from './notification-attempt.entity';
import { NotificationChannelEntity } from './notification-channel.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationDigestDayEntity } from './notification-digest-day.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { RegionEntity } from './region.entity';
import { RuleSettingsEntity } from './rule-settings.entity';
import { UserEntity } from './user.entity';

export {
  AlertEntity,
  AlertTransitionEntity,
  AuditEntryEntity,
  AuditArchiveEntity,
  DisplayTokenEntity,
  UserEntity,
  CalendarYearEntity,
  CaseEventEntity,
  CaseEntity,
  DepartmentFeedEntity,
  DepartmentKeyEntity,
  DepartmentEntity,
  IngestBatchEntity,
  ItemEntity,
  OfficerEntity,
  OutboxMessageEntity,
  RegionEntity,
  RuleSettingsEntity,
  NotificationChannelEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationAttemptEntity,
  NotificationDigestDayEntity,
  CaseQueryCodeEntity,
  PublicComplaintReceiptEntity,
};

export const ENTITIES = [
  RegionEntity,
  DepartmentEntity,
  DepartmentKeyEntity,
  ItemEntity,
  OfficerEntity,
  CaseEventEntity,
  IngestBatchEntity,
  CaseEntity,
  CalendarYearEntity,
  UserEntity,
  DisplayTokenEntity,
  AuditEntryEntity,
  AuditArchiveEntity,
  AlertEntity,
  AlertTransitionEntity,
  OutboxMessageEntity,
  DepartmentFeedEntity,
  RuleSettingsEntity,
  NotificationChannelEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationAttemptEntity,
  NotificationDigestDayEntity,
  CaseQueryCodeEntity,
  PublicComplaintReceiptEntity,
  ...REPORT_ENTITIES,
  ...WATCHLIST_ENTITIES,
  ...ACCOUNTABILITY_ENTITIES,
  ...MEETING_ENTITIES,
];
