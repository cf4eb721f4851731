import { ComplaintEntity } from './complaint.entity';
import { PostHoldingEntity } from './post-holding.entity';
import { PostEntity } from './post.entity';
import { RegisterEntryEntity } from './register-entry.entity';
import { SupervisionOrderEntity } from './supervision-order.entity';
import { AccountabilityBodyEntity } from './accountability-body.entity';
import { BodyReportEntity } from './body-report.entity';
import { ClueDeliveryEntity } from './clue-delivery.entity';
import { ClueEntity } from './clue.entity';

/** The tables of the accountability register, supervision orders and complaints. */
export const ACCOUNTABILITY_ENTITIES = [
  RegisterEntryEntity,
  SupervisionOrderEntity,
  ComplaintEntity,
  // Posts and duties (岗位责任信息库).
  PostEntity,
  PostHoldingEntity,
  // Clues, bodies, their reports and deliveries (issue 15, clues).
  AccountabilityBodyEntity,
  BodyReportEntity,
  ClueEntity,
  ClueDeliveryEntity,
];
