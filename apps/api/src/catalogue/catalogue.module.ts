import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../auth/identity.module';
import { CatalogueChangesService } from './catalogue-changes.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueReader } from './catalogue.reader';
import { CatalogueService } from './catalogue.service';
import { CatalogueExtensionApproverDirectory } from './extension-approver-directory';

/** Items, departments, regions and officers: the reference data cases are judged against. */
@Module({
  imports: [AuditModule],
  providers: [
    CatalogueReader,
    CatalogueService,
    CatalogueChangesService,
    // The heads the catalogue records (art. 42). ExtensionApproverDirectory itself is bound at the
    // top (app-ports.module.ts) to the posts base's directory, which adds the head posts' holders.
    CatalogueExtensionApproverDirectory,
  ],
  exports: [CatalogueReader, CatalogueChangesService, CatalogueExtensionApproverDirectory],
})
export class CatalogueModule {}

/** The catalogue's HTTP side (api roles). */
@Module({ imports: [CatalogueModule, IdentityModule], controllers: [CatalogueController] })
export class CatalogueHttpModule {}
