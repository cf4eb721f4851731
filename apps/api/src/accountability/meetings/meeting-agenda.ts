import { Injectable } from '@nestjs/common';
import { previousQuarter, Quarter } from '@app/domain/reports';
import { quarterTrend } from '@app/domain';
import { EVERY_DEPARTMENT } from '../../auth/access-scope';
import { FaultLine, OrderLine, QuarterlyPack, TalkCoverageLine } from '../../reports/quarterly/quarterly-pack';
import { QuarterlyReportService } from '../../reports/quarterly/quarterly-report.service';
import { ClueService } from '../clues/clue.service';
import { ComplaintService } from '../complaints/complaint.service';
import { RegisterQueryService } from '../register/register-query.service';

export interface ComplaintAgenda {
  /** Received, overdue and substantiated in the quarter (the pack's per-department figures, summed). */
  received: number;
  overdue: number;
  substantiated: number;
  /** The previous quarter's received count, from its stored pack (null when none is stored). */
  previousReceived: number | null;
  trend: 'UP' | 'DOWN' | 'SAME' | null;
  byDepartment: { departmentCode: string; departmentName: string; received: number; overdue: number }[];
  /** Complaints still open when the agenda was drawn (received or accepted, not yet answered). */
  open: { id: string; departmentCode: string; subject: string; state: string; receivedAt: string }[];
}

export interface HeadAccountabilityLine {
  id: string;
  departmentCode: string;
  /** Null for a proposal that names no head (none recorded for the department). */
  officerName: string | null;
  measure: string;
  basis: string;
  decidedOn: string;
  state: string;
}

/** A clue not yet concluded when the agenda was drawn (线索: registered or under investigation). */
export interface OpenClueLine {
  id: string;
  channel: string;
  subject: string;
  departmentCodes: string[];
  state: string;
  sourceReferenceNo: string;
  /** The investigation's deadline (null before it is assigned) and whether it has passed. */
  dueOn: string | null;
  overdue: boolean;
}

/** The joint meeting's agenda (议题): what the quarter's pack found, item by item. */
export interface MeetingAgenda {
  quarter: string;
  period: { from: string; to: string };
  /** Which pack it was drawn from: the stored one (and when it was generated) or a live computation. */
  pack: { generatedAt: string; trigger: QuarterlyPack['trigger'] };
  drawnAt: string;
  overdueOrders: OrderLine[];
  complaints: ComplaintAgenda;
  faults: FaultLine[];
  headAccountability: HeadAccountabilityLine[];
  warningTalks: { year: number; belowFullCoverage: TalkCoverageLine[] } | null;
  /** Absent from agendas drawn before clues existed. */
  openClues?: OpenClueLine[];
}

const OPEN_LIMIT = 500;

/**
 * Draws the agenda from the quarterly pack — the stored one when it is READY, otherwise a live
 * computation — and reads what the pack does not hold (open complaints, head accountability) from
 * the register services. Nothing the pack computes is computed again here.
 */
@Injectable()
export class MeetingAgendaSource {
  constructor(
    private readonly quarterly: QuarterlyReportService,
    private readonly complaints: ComplaintService,
    private readonly register: RegisterQueryService,
    private readonly clues: ClueService,
  ) {}

  async draw(quarter: Quarter, now: Date): Promise<MeetingAgenda> {
    const pack = await this.pack(quarter, now);
    const previous = await this.quarterly.stored(previousQuarter(quarter).key);
    const previousPack = previous?.status === 'READY' && previous.content ? (previous.content as unknown as QuarterlyPack) : null;
    const sum = (p: QuarterlyPack, key: 'received' | 'overdue' | 'substantiated') => p.rows.reduce((n, r) => n + r.metrics.complaints[key], 0);
    const received = sum(pack, 'received');
    const previousReceived = previousPack ? sum(previousPack, 'received') : null;
    return {
      quarter: pack.quarter,
      period: pack.period,
      pack: { generatedAt: pack.generatedAt, trigger: pack.trigger },
      drawnAt: now.toISOString(),
      overdueOrders: pack.supervisionOrders.filter((o) => o.overdue),
      complaints: {
        received,
        overdue: sum(pack, 'overdue'),
        substantiated: sum(pack, 'substantiated'),
        previousReceived,
        trend: quarterTrend(received, previousReceived),
        byDepartment: pack.rows
          .filter((r) => r.metrics.complaints.received > 0 || r.metrics.complaints.overdue > 0)
          .map((r) => ({ departmentCode: r.departmentCode, departmentName: r.departmentName, received: r.metrics.complaints.received, overdue: r.metrics.complaints.overdue })),
        open: await this.openComplaints(),
      },
      faults: pack.faults,
      headAccountability: await this.heads(quarter),
      warningTalks: pack.warningTalks ?? null,
      openClues: await this.openClues(now),
    };
  }

  private async pack(quarter: Quarter, now: Date): Promise<QuarterlyPack> {
    const stored = await this.quarterly.stored(quarter.key);
    if (stored?.status === 'READY' && stored.content) return stored.content as unknown as QuarterlyPack;
    return this.quarterly.compute(quarter, now, 'live');
  }

  private async openComplaints() {
    const lists = await Promise.all(
      ['RECEIVED', 'ACCEPTED'].map((state) => this.complaints.list(EVERY_DEPARTMENT, { state, page: 1, pageSize: OPEN_LIMIT })),
    );
    // Only what the meeting needs: never the complainant's name or contact.
    return lists.flatMap((l) => l.items as { id: string; departmentCode: string; subject: string; state: string; receivedAt: Date }[])
      .map((c) => ({ id: c.id, departmentCode: c.departmentCode, subject: c.subject, state: c.state, receivedAt: new Date(c.receivedAt).toISOString() }));
  }

  /** Clues still open (registered or under investigation), overdue ones first: what the bodies must push on. */
  private async openClues(now: Date): Promise<OpenClueLine[]> {
    const lists = await Promise.all(['REGISTERED', 'INVESTIGATING'].map((state) => this.clues.list(EVERY_DEPARTMENT, { state, page: 1, pageSize: OPEN_LIMIT }, now)));
    return lists
      .flatMap((l) => l.items)
      .map((c) => ({ id: c.id, channel: c.channel, subject: c.subject, departmentCodes: c.departmentCodes, state: c.state, sourceReferenceNo: c.sourceReferenceNo, dueOn: c.dueOn, overdue: c.overdue }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  }

  /** Head accountability (行政首长问责) decided in the quarter, as the register records it. */
  private async heads(quarter: Quarter): Promise<HeadAccountabilityLine[]> {
    const years = [...new Set([quarter.year - 1, quarter.year])];
    const found = await Promise.all(years.map((year) => this.register.list(EVERY_DEPARTMENT, { kind: 'HEAD_ACCOUNTABILITY', year, page: 1, pageSize: OPEN_LIMIT })));
    return found
      .flatMap((page) => page.items)
      // Proposals still pending are for the meeting to see; dismissed and revoked ones are not accountability.
      .filter((e) => e.decidedOn >= quarter.from && e.decidedOn <= quarter.to && e.state !== 'DISMISSED' && e.state !== 'REVOKED')
      .map((e) => ({ id: e.id, departmentCode: e.departmentCode, officerName: e.officerName, measure: e.measure, basis: e.basis, decidedOn: e.decidedOn, state: e.state }));
  }
}
