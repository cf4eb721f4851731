import { Module } from '@nestjs/common';
import { AccountabilityModule } from '../accountability/accountability.module';
import { CasesModule } from '../cases/cases.module';
import { IngestModule } from '../ingest/ingest.module';
import { ProgressLookupService } from './progress-lookup.service';
import { ProofOfWork } from './proof-of-work';
import { PublicComplaintsController } from './public-complaints.controller';
import { PublicComplaintsService } from './public-complaints.service';
import { PublicDirectoryService } from './public-directory.service';
import { PublicPageController } from './public-page.controller';
import { PublicProgressController } from './public-progress.controller';

/** The public's side, no login: progress lookup by query code, complaints, the directory of complaint channels. */
@Module({
  imports: [IngestModule, CasesModule, AccountabilityModule],
  providers: [ProgressLookupService, ProofOfWork, PublicComplaintsService, PublicDirectoryService],
  exports: [ProgressLookupService, ProofOfWork, PublicComplaintsService, PublicDirectoryService],
})
export class ApplicantsModule {}

/** The public routes and the /public page (api roles). */
@Module({ imports: [ApplicantsModule], controllers: [PublicProgressController, PublicComplaintsController, PublicPageController] })
export class ApplicantsHttpModule {}
