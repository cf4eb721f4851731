import { FieldError } from '@app/contracts';

export interface RejectedEvent {
  index: number;
  eventId: string | null;
  errors: FieldError[];
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}
