import { DynamicModule, Module } from '@nestjs/common';
import { AccountabilityModule } from './accountability/accountability.module';
import { HeadPostApproverDirectory } from './accountability/posts/head-post-approvers';
import { RegisterQueryService } from './accountability/register/register-query.service';
import { AlertsModule } from './alerts/alerts.module';
import { CaseEvaluationService } from './alerts/case-evaluation.service';
import { RuleSettingsRepository } from './alerts/rule-settings.repository';
import { CaseRules, ProjectionFollower, RuleSettingsSource } from './cases/projection-ports';
import { ExtensionApproverDirectory } from './catalogue/extension-approver-directory';
import { CardChangeNotifier } from './notifications/card-change-notifier';
import { OUTBOX_SUBSCRIBERS, OutboxSubscriber } from './outbox/outbox-subscriber';
import { WallCardChanges } from './realtime/wall-card-changes';
import { ReportsModule } from './reports/reports.module';
import { WarningTalkCoverageSource } from './reports/quarterly/warning-talk-coverage-source';
import { ReportRollupMaintainer } from './reports/rollups/report-rollup-maintainer.service';

/**
 * Where a lower folder owns an interface and a higher one implements it, the two meet here, at
 * the top, and nowhere else (docs/architecture.md): the projection's rules and rollups, and the
 * outbox's subscribers. Global, so the lower modules can inject what they own.
 */
@Module({})
export class PortBindingsModule {
  /** `notifications` and `realtime`: the role-made modules app.module.ts imports (one instance each). */
  static register(notifications: DynamicModule, realtime: DynamicModule): DynamicModule {
    return {
      module: PortBindingsModule,
      global: true,
      imports: [AlertsModule, ReportsModule, AccountabilityModule, notifications, realtime],
      providers: [
        { provide: CaseRules, useExisting: CaseEvaluationService },
        { provide: ProjectionFollower, useExisting: ReportRollupMaintainer },
        { provide: RuleSettingsSource, useExisting: RuleSettingsRepository },
        { provide: WarningTalkCoverageSource, useExisting: RegisterQueryService },
        // Extension approvers (art. 42): the catalogue's heads and the holders of head posts.
        { provide: ExtensionApproverDirectory, useExisting: HeadPostApproverDirectory },
        {
          provide: OUTBOX_SUBSCRIBERS,
          inject: [WallCardChanges, CardChangeNotifier],
          // The wall first, then the notification jobs: a failed enqueue re-publishes the batch.
          useFactory: (...subscribers: OutboxSubscriber[]) => subscribers,
        },
      ],
      exports: [CaseRules, ProjectionFollower, RuleSettingsSource, WarningTalkCoverageSource, OUTBOX_SUBSCRIBERS, ExtensionApproverDirectory],
    };
  }
}
