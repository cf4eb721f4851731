import { AccountabilityBodiesController, BodyReportsController } from './clues/bodies.controller';
import { BodiesService } from './clues/bodies.service';
import { ClueService } from './clues/clue.service';
import { CluesController } from './clues/clues.controller';
import { ClueDeliveriesController } from './clues/deliveries.controller';
import { DeliveriesService } from './clues/deliveries.service';
import { ComplaintService } from './complaints/complaint.service';
import { ComplaintsController } from './complaints/complaints.controller';
import { OversightCards } from './oversight-cards';
import { OversightDeadlineWatcher } from './oversight-deadline-watcher.service';
import { HeadPostApproverDirectory } from './posts/head-post-approvers';
import { PostAttributionService } from './posts/post-attribution.service';
import { PostsController } from './posts/posts.controller';
import { PostsImportService } from './posts/posts-import.service';
import { PostsService } from './posts/posts.service';
import { RegisterController } from './register/register.controller';
import { RegisterQueryService } from './register/register-query.service';
import { RegisterService } from './register/register.service';
import { SupervisionOrderService } from './supervision/supervision-order.service';
import { SupervisionOrdersController } from './supervision/supervision-orders.controller';
import { MEETING_CONTROLLERS, MEETING_PROVIDERS } from './meetings/meeting.providers';

/** The accountability register, supervision orders and complaints. */
export const ACCOUNTABILITY_CONTROLLERS = [
  RegisterController,
  SupervisionOrdersController,
  ComplaintsController,
  ...MEETING_CONTROLLERS,
  // Posts and duties (岗位责任信息库).
  PostsController,
  // Issue 15, clues: bodies, their reports, clues and deliveries.
  AccountabilityBodiesController,
  BodyReportsController,
  CluesController,
  ClueDeliveriesController,
];

export const ACCOUNTABILITY_PROVIDERS = [
  RegisterService,
  RegisterQueryService,
  SupervisionOrderService,
  ComplaintService,
  OversightCards,
  OversightDeadlineWatcher,
  ...MEETING_PROVIDERS,
  // Posts and duties (岗位责任信息库).
  PostsService,
  PostsImportService,
  PostAttributionService,
  HeadPostApproverDirectory,
  BodiesService,
  ClueService,
  DeliveriesService,
];
