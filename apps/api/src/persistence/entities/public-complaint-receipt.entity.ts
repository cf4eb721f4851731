import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A complaint received through the public form: the proof-of-work challenge it spent (single use)
 * and a fingerprint of what it said (duplicate detection). The complaint itself is in `complaints`.
 */
@Entity('public_complaint_receipts')
@Index('idx_public_complaint_receipts_fingerprint', ['fingerprint', 'receivedAt'])
export class PublicComplaintReceiptEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'varchar', length: 64 })
  challengeId!: string;

  /** SHA-256 of the department, contact and normalised text: no personal data in the clear. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
