import { ConflictException, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ComplaintService } from '../accountability/complaints/complaint.service';
import { InvalidInputException } from '../common/invalid-input.exception';
import { PublicComplaintReceiptEntity } from '../persistence/entities';
import { ProgressLookupService } from './progress-lookup.service';
import { ProofOfWork } from './proof-of-work';

export interface PublicComplaintInput {
  departmentCode: string;
  name?: string;
  contact: string;
  caseId?: string;
  queryCode?: string;
  content: string;
  proof: { token: string; nonce: string };
}

/** A second complaint with the same department, contact and text within this window is a duplicate. */
const DUPLICATE_WINDOW_MS = 30 * 86_400_000;

/** Whitespace and case do not make a complaint new. */
const normalise = (text: string): string => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The public complaint form: proof of work checked (and spent) first, then the duplicate check, then the
 * complaint enters the existing workflow (ComplaintService) with its receipt in the same transaction. A
 * case number is linked to the complaint only with the right query code; otherwise it is kept in the
 * text as the complainant gave it, and the answer is the same either way (no probing of case numbers).
 */
@Injectable()
export class PublicComplaintsService {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly proofOfWork: ProofOfWork,
    private readonly progress: ProgressLookupService,
  ) {}

  async submit(input: PublicComplaintInput, now: Date) {
    const challengeId = this.proofOfWork.verify(input.proof, now);
    const fingerprint = createHash('sha256').update(JSON.stringify([input.departmentCode, normalise(input.contact), normalise(input.content)])).digest('hex');
    const linked = input.caseId && input.queryCode ? await this.progress.verify({ departmentCode: input.departmentCode, caseId: input.caseId, queryCode: input.queryCode }) : false;
    const unverifiedCase = input.caseId && !linked ? `\n\n（投诉人所述办件编号：${input.caseId}，未经查询码核验）` : '';
    const content = input.content.trim();
    const complaint = await this.complaints.registerFromPublic(
      {
        departmentCode: input.departmentCode,
        ...(linked ? { caseId: input.caseId } : {}),
        ...(input.name ? { complainantName: input.name } : {}),
        complainantContact: input.contact,
        subject: subjectOf(content),
        content: content + unverifiedCase,
      },
      now,
      async (manager, registered) => {
        // One at a time per fingerprint, so two identical posts at once cannot both pass the check.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [fingerprint]);
        const spent = await manager.existsBy(PublicComplaintReceiptEntity, { challengeId });
        if (spent) throw new InvalidInputException([{ path: 'proof', message: 'challenge already used: fetch a new one' }]);
        const [earlier] = await manager.query<{ received_at: Date }[]>(
          'SELECT received_at FROM public_complaint_receipts WHERE fingerprint = $1 AND received_at > $2 ORDER BY received_at DESC LIMIT 1',
          [fingerprint, new Date(now.getTime() - DUPLICATE_WINDOW_MS)],
        );
        if (earlier) {
          throw new ConflictException({
            statusCode: 409,
            error: 'Conflict',
            message: 'the same complaint was already received',
            errors: [{ path: 'content', message: `duplicate of a complaint received ${new Date(earlier.received_at).toISOString()}` }],
          });
        }
        await manager.insert(PublicComplaintReceiptEntity, { challengeId, fingerprint, complaintId: registered.id, receivedAt: now });
      },
    );
    return { reference: complaint.id, departmentCode: complaint.departmentCode, linkedToCase: linked, acceptanceDueAt: complaint.acceptanceDueAt.toISOString() };
  }
}

/** The first line of what happened, cut to the subject's length. */
function subjectOf(content: string): string {
  const first = content.split('\n')[0].trim();
  return first.length > 60 ? `${first.slice(0, 60)}…` : first;
}
