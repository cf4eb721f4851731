import { CalendarYearEntity } from './calendar-year.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { DepartmentKeyEntity } from './department-key.entity';
import { DepartmentEntity } from './department.entity';
import { IngestBatchEntity } from './ingest-batch.entity';
import { ItemEntity } from './item.entity';
import { OfficerEntity } from './officer.entity';
import { RegionEntity } from './region.entity';

export {
  CalendarYearEntity,
  CaseEventEntity,
  CaseEntity,
  DepartmentKeyEntity,
  DepartmentEntity,
  IngestBatchEntity,
  ItemEntity,
  OfficerEntity,
  RegionEntity,
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
];
