import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ReportsModule } from '../reports/reports.module';
import { ACCOUNTABILITY_CONTROLLERS, ACCOUNTABILITY_PROVIDERS } from './accountability.providers';
import { MEETING_EXPORTS } from './meetings/meeting.providers';
import { BodiesService } from './clues/bodies.service';
import { ClueService } from './clues/clue.service';
import { DeliveriesService } from './clues/deliveries.service';
import { ComplaintService } from './complaints/complaint.service';
import { HeadPostApproverDirectory } from './posts/head-post-approvers';
import { PostAttributionService } from './posts/post-attribution.service';
import { PostsImportService } from './posts/posts-import.service';
import { PostsService } from './posts/posts.service';
import { RegisterQueryService } from './register/register-query.service';
import { RegisterService } from './register/register.service';
import { SupervisionOrderService } from './supervision/supervision-order.service';

/** The accountability register, supervision orders and complaints. */
@Module({
  imports: [AuditModule, CalendarModule, AlertsModule, ReportsModule, CatalogueModule],
  providers: ACCOUNTABILITY_PROVIDERS,
  exports: [RegisterService, RegisterQueryService, SupervisionOrderService, ComplaintService, ...MEETING_EXPORTS, PostsService, PostsImportService, PostAttributionService, HeadPostApproverDirectory, BodiesService, ClueService, DeliveriesService],
})
export class AccountabilityModule {}

/** The register, orders and complaints over HTTP (api roles). */
@Module({ imports: [AccountabilityModule], controllers: ACCOUNTABILITY_CONTROLLERS })
export class AccountabilityHttpModule {}
