import { AlertActionsService } from './alert-actions.service';
import { AlertQueryService } from './alert-query.service';
import { ManualCardsService } from './manual-cards.service';
import { BatchCloseService } from './batch-close.service';
import { RuleSettingsDryRunService } from './rule-settings-dry-run.service';
import { AlertStoreRepository } from './alert-store.repository';
import { AlertsController } from './alerts.controller';
import { RuleSettingsController } from './rule-settings.controller';
import { CaseEvaluationService } from './case-evaluation.service';
import { DeadlineSchedulerService } from './deadline-scheduler.service';
import { FeedMonitorService } from './feed-monitor.service';
import { RuleSettingsRepository } from './rule-settings.repository';
import { SupervisionEscalationService } from './supervision-escalation.service';

/** Rules, cards and their lifecycle: the part of the centre that raises and carries cards. */
export const ALERT_CONTROLLERS = [AlertsController, RuleSettingsController];

export const ALERT_PROVIDERS = [
  AlertStoreRepository,
  RuleSettingsRepository,
  CaseEvaluationService,
  SupervisionEscalationService,
  DeadlineSchedulerService,
  FeedMonitorService,
  AlertQueryService,
  AlertActionsService,
  ManualCardsService,
  BatchCloseService,
  RuleSettingsDryRunService,
];
