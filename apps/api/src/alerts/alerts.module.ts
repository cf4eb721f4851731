import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IngestModule } from '../ingest/ingest.module';
import { OutboxModule } from '../outbox/outbox.module';
import { AlertActionsService } from './alert-actions.service';
import { AlertQueryService } from './alert-query.service';
import { AlertStoreRepository } from './alert-store.repository';
import { BatchCloseService } from './batch-close.service';
import { ALERT_CONTROLLERS, ALERT_PROVIDERS } from './alerts.providers';
import { CaseEvaluationService } from './case-evaluation.service';
import { ManualCardsService } from './manual-cards.service';
import { RuleSettingsDryRunService } from './rule-settings-dry-run.service';
import { RuleSettingsRepository } from './rule-settings.repository';

/** Rules applied to cases; cards, their lifecycle, the deadline scheduler and the feed monitor. */
@Module({
  imports: [AuditModule, CalendarModule, CatalogueModule, IngestModule, CasesModule, OutboxModule],
  providers: ALERT_PROVIDERS,
  // CaseEvaluationService is the projection's CaseRules (bound in app-ports.module.ts).
  exports: [
    AlertStoreRepository,
    CaseEvaluationService,
    AlertQueryService,
    AlertActionsService,
    RuleSettingsRepository,
    // for the card work of the console (alerts' own controllers)
    ManualCardsService,
    BatchCloseService,
    RuleSettingsDryRunService,
  ],
})
export class AlertsModule {}

/** Cards and rule settings over HTTP (api roles). */
@Module({ imports: [AlertsModule, AuditModule], controllers: ALERT_CONTROLLERS })
export class AlertsHttpModule {}
