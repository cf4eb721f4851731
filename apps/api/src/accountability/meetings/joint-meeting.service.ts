import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canMoveResolution, dueInstantMs, localDateOf } from '@app/domain';
import { Quarter } from '@app/domain/reports';
import { AuditService } from '../../audit/audit.service';
import { Principal, principalId } from '../../auth/principal';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { JointMeetingEntity, MeetingAttendee } from '../../persistence/entities/accountability/joint-meeting.entity';
import { MeetingResolutionEntity } from '../../persistence/entities/accountability/meeting-resolution.entity';
import { isUuid, requireState, textOrNull } from '../scoped-record';
import { MeetingAgenda, MeetingAgendaSource } from './meeting-agenda';

export interface MeetingInput {
  heldOn: string;
  attendees: MeetingAttendee[];
  notes?: string;
}

export interface ResolutionInput {
  text: string;
  owner: MeetingAttendee;
  departmentCode?: string;
  dueOn: string;
}

export interface MeetingView extends Omit<JointMeetingEntity, 'agenda'> {
  agenda: MeetingAgenda;
  resolutions: MeetingResolutionEntity[];
}

/** 联席会议: one record per quarter, its agenda from the quarter's pack, its resolutions tracked to their deadlines. */
@Injectable()
export class JointMeetingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly agendas: MeetingAgendaSource,
  ) {}

  async create(principal: Principal, quarter: Quarter, input: MeetingInput, now: Date): Promise<MeetingView> {
    checkAttendees(input.attendees);
    const agenda = await this.agendas.draw(quarter, now);
    return this.dataSource.transaction(async (manager) => {
      const meeting = Object.assign(new JointMeetingEntity(), {
        id: randomUUID(),
        quarter: quarter.key,
        heldOn: input.heldOn,
        attendees: input.attendees.map((a) => ({ code: a.code.trim(), name: a.name.trim() })),
        notes: textOrNull(input.notes),
        agenda: agenda as unknown as Record<string, unknown>,
        createdAt: now,
        createdBy: principalId(principal),
        updatedAt: now,
      });
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO joint_meetings (id, quarter, held_on, attendees, notes, agenda, created_at, created_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7) ON CONFLICT (quarter) DO NOTHING RETURNING id`,
        [meeting.id, meeting.quarter, meeting.heldOn, JSON.stringify(meeting.attendees), meeting.notes, JSON.stringify(agenda), now, meeting.createdBy],
      );
      if (inserted.length === 0) throw new ConflictException(`the joint meeting of ${quarter.key} is already recorded`);
      await this.audit.record({ actor: principal, action: 'joint_meeting.create', target: `joint_meeting:${quarter.key}`, after: { ...meeting, agenda: summary(agenda) } }, manager);
      return { ...meeting, agenda, resolutions: [] };
    });
  }

  /** Draws the agenda again from the quarter's pack (e.g. after the pack was regenerated). */
  async refreshAgenda(principal: Principal, quarter: Quarter, now: Date): Promise<MeetingView> {
    const agenda = await this.agendas.draw(quarter, now);
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lock(manager, quarter.key);
      await manager.query('UPDATE joint_meetings SET agenda = $2, updated_at = $3 WHERE id = $1', [meeting.id, JSON.stringify(agenda), now]);
      await this.audit.record({ actor: principal, action: 'joint_meeting.agenda.refresh', target: `joint_meeting:${quarter.key}`, before: summary(meeting.agenda as unknown as MeetingAgenda), after: summary(agenda) }, manager);
    });
    return this.get(quarter.key);
  }

  async list() {
    const meetings = await this.dataSource.getRepository(JointMeetingEntity).find({ order: { quarter: 'DESC' } });
    const counts = await this.dataSource.query<{ meeting_id: string; state: string; n: string }[]>(
      'SELECT meeting_id, state, count(*) AS n FROM meeting_resolutions GROUP BY meeting_id, state',
    );
    return meetings.map(({ agenda: _agenda, ...m }) => ({
      ...m,
      resolutions: Object.fromEntries(counts.filter((c) => c.meeting_id === m.id).map((c) => [c.state, Number(c.n)])),
    }));
  }

  async get(quarterKey: string): Promise<MeetingView> {
    const meeting = await this.dataSource.getRepository(JointMeetingEntity).findOneBy({ quarter: quarterKey });
    if (!meeting) throw notFound('quarter', `no joint meeting recorded for ${quarterKey}`);
    const resolutions = await this.dataSource.getRepository(MeetingResolutionEntity).find({ where: { meetingId: meeting.id }, order: { seq: 'ASC' } });
    return { ...meeting, agenda: meeting.agenda as unknown as MeetingAgenda, resolutions };
  }

  async addResolution(principal: Principal, quarterKey: string, input: ResolutionInput, now: Date): Promise<MeetingResolutionEntity> {
    if (input.dueOn < localDateOf(now, COUNTING_POLICY)) throw new InvalidInputException([{ path: 'dueOn', message: 'must not be in the past' }]);
    checkAttendees([input.owner], 'owner');
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.lock(manager, quarterKey);
      if (input.departmentCode !== undefined) {
        const [known] = await manager.query<unknown[]>('SELECT 1 FROM departments WHERE code = $1', [input.departmentCode]);
        if (!known) throw new InvalidInputException([{ path: 'departmentCode', message: 'no such department' }]);
      }
      const [{ next }] = await manager.query<{ next: number }[]>('SELECT coalesce(max(seq), 0) + 1 AS next FROM meeting_resolutions WHERE meeting_id = $1', [meeting.id]);
      const resolution = Object.assign(new MeetingResolutionEntity(), {
        id: randomUUID(),
        meetingId: meeting.id,
        seq: Number(next),
        text: input.text.trim(),
        ownerCode: input.owner.code.trim(),
        ownerName: input.owner.name.trim(),
        departmentCode: input.departmentCode ?? null,
        dueOn: input.dueOn,
        dueAt: new Date(dueInstantMs(input.dueOn, COUNTING_POLICY)),
        state: 'OPEN' as const,
        createdAt: now,
        createdBy: principalId(principal),
        doneAt: null,
        doneBy: null,
        doneNote: null,
        overdueFlaggedAt: null,
        overdueAlertId: null,
      });
      await manager.getRepository(MeetingResolutionEntity).insert(resolution);
      await this.audit.record({ actor: principal, action: 'joint_meeting.resolution.add', target: `meeting_resolution:${resolution.id}`, after: resolution }, manager);
      return resolution;
    });
  }

  /** The owner body reports it carried the resolution out; the centre records it (late, if it was overdue). */
  async completeResolution(principal: Principal, quarterKey: string, id: string, note: string, now: Date): Promise<MeetingResolutionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.lock(manager, quarterKey);
      const found = isUuid(id) ? await manager.getRepository(MeetingResolutionEntity).findOne({ where: { id, meetingId: meeting.id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!found) throw notFound('id', `resolution ${id} not found`);
      if (!canMoveResolution(found.state, 'DONE')) requireState(found.state, ['OPEN', 'OVERDUE'], 'complete this resolution');
      const change = { state: 'DONE' as const, doneAt: now, doneBy: principalId(principal), doneNote: note.trim() };
      await manager.update(MeetingResolutionEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'joint_meeting.resolution.done', target: `meeting_resolution:${id}`, before: { state: found.state }, after: change }, manager);
      return { ...found, ...change };
    });
  }

  private async lock(manager: import('typeorm').EntityManager, quarterKey: string): Promise<JointMeetingEntity> {
    const meeting = await manager.getRepository(JointMeetingEntity).findOne({ where: { quarter: quarterKey }, lock: { mode: 'pessimistic_write' } });
    if (!meeting) throw notFound('quarter', `no joint meeting recorded for ${quarterKey}`);
    return meeting;
  }
}

/** Codes are unique among the attendees; both code and name are given (the schema checks lengths). */
function checkAttendees(attendees: MeetingAttendee[], path = 'attendees'): void {
  const seen = new Set<string>();
  attendees.forEach((a, i) => {
    const where = path === 'owner' ? 'owner.code' : `${path}.${i}.code`;
    if (seen.has(a.code.trim())) throw new InvalidInputException([{ path: where, message: 'is listed twice' }]);
    seen.add(a.code.trim());
  });
}

/** What the audit log keeps of an agenda: the counts, not the lists. */
const summary = (agenda: MeetingAgenda) => ({
  pack: agenda.pack,
  overdueOrders: agenda.overdueOrders.length,
  faults: agenda.faults.length,
  complaintsReceived: agenda.complaints.received,
  openComplaints: agenda.complaints.open.length,
  headAccountability: agenda.headAccountability.length,
  belowFullTalkCoverage: agenda.warningTalks?.belowFullCoverage.length ?? 0,
});

