import { EventDataByType, EventType, ItemInput } from '@app/contracts';
import { DepartmentView } from './catalogue-view';
import { IrregularityKind } from './irregularities';
import { Rng } from './prng';
import { Timeline, WorkClock } from './work-time';

/** One event of a case's story, before it gets its envelope (ids, seq) at delivery. */
export interface PlannedEvent {
  at: number;
  type: EventType;
  data: EventDataByType[EventType];
  officerId?: string;
}

export interface CasePlanInput {
  itemCode: string;
  item: ItemInput;
  department: DepartmentView;
  /** When the application is received. */
  start: number;
  irregularity: IrregularityKind | null;
  clock: WorkClock;
  rng: Rng;
  /** Serial for the certificate number. */
  certificateSerial: number;
}

/** The people of one case. */
export interface CaseCast {
  handler?: string;
  inspector?: string;
  window?: string;
  head?: string;
}

/** Accumulates a case's story on a forward-only timeline. */
export class StoryWriter {
  readonly events: PlannedEvent[] = [];
  readonly timeline: Timeline;
  readonly cast: CaseCast;
  readonly rng: Rng;
  readonly immediate: boolean;

  constructor(readonly input: CasePlanInput) {
    this.rng = input.rng;
    this.timeline = new Timeline(input.start, input.clock, input.rng);
    this.immediate = input.item.kind === 'IMMEDIATE';
    const { staff, supervisorId } = input.department;
    const handler = staff.length > 0 ? this.rng.pick(staff) : supervisorId;
    const others = staff.filter((id) => id !== handler);
    this.cast = {
      handler,
      inspector: others.length > 0 ? this.rng.pick(others) : handler,
      window: staff.length > 0 ? this.rng.pick(staff) : supervisorId,
      head: supervisorId ?? handler,
    };
  }

  get irregularity(): IrregularityKind | null {
    return this.input.irregularity;
  }

  /** Records an event at the timeline's current instant. */
  push<T extends EventType>(type: T, data: EventDataByType[T], officerId?: string): void {
    this.events.push({ at: this.timeline.at, type, data, ...(officerId ? { officerId } : {}) });
  }

  /** Moves on within the day: shorter gaps for immediate items. */
  soon(min = 5, max = 90): void {
    if (this.immediate) this.timeline.minutes(1, Math.min(max, 12));
    else this.timeline.minutes(min, max);
  }

  /** Moves on by working days (0 = later the same day). */
  after(days: number): void {
    if (days <= 0) this.soon();
    else this.timeline.days(days);
  }
}
