import { ComplaintService } from './complaints/complaint.service';
import { ComplaintsController } from './complaints/complaints.controller';
import { OversightCards } from './oversight-cards';
import { OversightDeadlineWatcher } from './oversight-deadline-watcher.service';
import { RegisterController } from './register/register.controller';
import { RegisterQueryService } from './register/register-query.service';
import { RegisterService } from './register/register.service';
import { SupervisionOrderService } from './supervision/supervision-order.service';
import { SupervisionOrdersController } from './supervision/supervision-orders.controller';

/** The accountability register, supervision orders and complaints. */
export const ACCOUNTABILITY_CONTROLLERS = [RegisterController, SupervisionOrdersController, ComplaintsController];

export const ACCOUNTABILITY_PROVIDERS = [
  RegisterService,
  RegisterQueryService,
  SupervisionOrderService,
  ComplaintService,
  OversightCards,
  OversightDeadlineWatcher,
];
