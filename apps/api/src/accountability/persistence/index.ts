import { ComplaintEntity } from './complaint.entity';
import { RegisterEntryEntity } from './register-entry.entity';
import { SupervisionOrderEntity } from './supervision-order.entity';

/** The tables of the accountability register, supervision orders and complaints. */
export const ACCOUNTABILITY_ENTITIES = [RegisterEntryEntity, SupervisionOrderEntity, ComplaintEntity];
