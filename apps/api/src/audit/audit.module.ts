import { Module } from '@nestjs/common';
import { AuditVerifierService } from './audit-verifier.service';
import { AuditService } from './audit.service';

/** The audit chain: every feature records into it; its HTTP view is in auth/audit.controller.ts. */
@Module({
  providers: [AuditService, AuditVerifierService],
  exports: [AuditService, AuditVerifierService],
})
export class AuditModule {}
