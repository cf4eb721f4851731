import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { FieldError } from '@app/contracts';
import { AccessScope, inScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { PostHoldingEntity } from '../../persistence/entities/accountability/post-holding.entity';
import { PostEntity } from '../../persistence/entities/accountability/post.entity';
import { parsePostTable, PostRow, readCsv, readXlsx, rowError, Table } from './posts-file';
import { PostImportInput } from './posts-input';
import { fieldsOf, postProblems } from './posts.service';

export interface ImportSummary {
  rows: number;
  postsCreated: number;
  postsUpdated: number;
  holdingsAdded: number;
  holdingsChanged: number;
}

const overlaps = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }): boolean =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/**
 * Import of the posts table (as exported) for the personnel department. Posts are matched by
 * department and code and updated; holdings by post, officer and first day — a new one is added,
 * a known one takes the file's last day. Nothing the file leaves out is deleted (history is kept).
 * Every row is checked first; one bad row and nothing is written, every error naming its row and
 * column.
 */
@Injectable()
export class PostsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(principal: Principal, scope: AccessScope, input: PostImportInput, now: Date): Promise<ImportSummary> {
    const content = Buffer.from(input.contentBase64, 'base64');
    const table: Table | FieldError = input.format === 'xlsx' ? await readXlsx(content) : readCsv(content.toString('utf8'));
    if (!Array.isArray(table)) throw new InvalidInputException([table]);
    const { rows, errors } = parsePostTable(table);
    if (rows.length === 0 && errors.length === 0) throw new InvalidInputException([{ path: 'contentBase64', message: 'the file has no rows below its headings' }]);
    return this.dataSource.transaction(async (manager) => {
      // Departments outside the caller's scope read as unknown, as everywhere.
      for (const row of rows) if (!inScope(scope, row.departmentCode)) errors.push(rowError(row.row, 'departmentCode', `no department ${row.departmentCode}`));
      const inScopeRows = rows.filter((row) => inScope(scope, row.departmentCode));
      errors.push(...(await this.checkAgainstStore(manager, inScopeRows)));
      if (errors.length > 0) throw new InvalidInputException(errors, `the file was not imported: ${errors.length} error(s)`);
      const changes: string[] = [];
      const summary = await this.write(manager, principal, inScopeRows, now, changes);
      // What changed, post by post, beside the counts: the import is one decision with one entry.
      await this.audit.record({ actor: principal, action: 'post.import', target: 'posts', after: { format: input.format, ...summary, changes } }, manager);
      return summary;
    });
  }

  private async checkAgainstStore(manager: EntityManager, rows: PostRow[]): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const departments = [...new Set(rows.map((r) => r.departmentCode))];
    const seenPost = new Set<string>();
    for (const row of rows) {
      const key = `${row.departmentCode}\u0000${row.code}`;
      if (seenPost.has(key)) continue;
      seenPost.add(key);
      for (const problem of await postProblems(manager, row.departmentCode, row)) errors.push(rowError(row.row, problem.path.split('/')[0], problem.message));
    }
    const officers = new Map(
      (await manager.query<{ id: string; department_code: string }[]>('SELECT id, department_code FROM officers WHERE department_code = ANY($1)', [departments])).map((o) => [o.id, o.department_code]),
    );
    const stored = await this.storedHoldings(manager, departments);
    // Each officer's periods on a post, from the store (less those the file restates) and the file.
    const periods = new Map<string, { row: number | null; validFrom: string; validTo: string | null }[]>();
    for (const h of stored) periods.set(`${h.department_code}\u0000${h.code}\u0000${h.officer_id}`, [...(periods.get(`${h.department_code}\u0000${h.code}\u0000${h.officer_id}`) ?? []), { row: null, validFrom: h.valid_from, validTo: h.valid_to }]);
    for (const row of rows) {
      if (!row.holding) continue;
      if (officers.get(row.holding.officerId) !== row.departmentCode) {
        errors.push(rowError(row.row, 'officerId', `not an officer of department ${row.departmentCode}`));
        continue;
      }
      const key = `${row.departmentCode}\u0000${row.code}\u0000${row.holding.officerId}`;
      const list = periods.get(key) ?? [];
      const same = list.findIndex((p) => p.row === null && p.validFrom === row.holding!.validFrom);
      if (same >= 0) list.splice(same, 1); // the file restates a stored holding: its period replaces the stored one
      const clash = list.find((p) => overlaps(p, row.holding!));
      if (clash) errors.push(rowError(row.row, 'validFrom', clash.row === null ? `overlaps the officer's holding of this post from ${clash.validFrom}` : `overlaps row ${clash.row}`));
      list.push({ row: row.row, validFrom: row.holding.validFrom, validTo: row.holding.validTo });
      periods.set(key, list);
    }
    return errors;
  }

  private async storedHoldings(manager: EntityManager, departments: string[]) {
    return manager.query<{ id: string; post_id: string; department_code: string; code: string; officer_id: string; valid_from: string; valid_to: string | null }[]>(
      `SELECT h.id, h.post_id, h.department_code, p.code, h.officer_id, to_char(h.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(h.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM post_holdings h JOIN posts p ON p.id = h.post_id WHERE h.department_code = ANY($1)`,
      [departments],
    );
  }

  private async write(manager: EntityManager, principal: Principal, rows: PostRow[], now: Date, changes: string[]): Promise<ImportSummary> {
    const summary: ImportSummary = { rows: rows.length, postsCreated: 0, postsUpdated: 0, holdingsAdded: 0, holdingsChanged: 0 };
    const departments = [...new Set(rows.map((r) => r.departmentCode))];
    const posts = await manager.getRepository(PostEntity).find({ where: { departmentCode: In(departments) }, lock: { mode: 'pessimistic_write' } });
    const byKey = new Map(posts.map((p) => [`${p.departmentCode}\u0000${p.code}`, p]));
    const stored = await this.storedHoldings(manager, departments);
    for (const row of rows) {
      const key = `${row.departmentCode}\u0000${row.code}`;
      let post = byKey.get(key);
      const fields = fieldsOf(row);
      if (!post) {
        post = Object.assign(new PostEntity(), { id: randomUUID(), departmentCode: row.departmentCode, code: row.code, ...fields, createdAt: now, updatedAt: now });
        await manager.getRepository(PostEntity).insert(post);
        byKey.set(key, post);
        summary.postsCreated++;
        changes.push(`post ${row.departmentCode}/${row.code} created`);
      } else if (JSON.stringify(fieldsOf(post)) !== JSON.stringify(fields)) {
        await manager.update(PostEntity, { id: post.id }, { ...fields, updatedAt: now });
        Object.assign(post, fields, { updatedAt: now });
        summary.postsUpdated++;
        changes.push(`post ${row.departmentCode}/${row.code} updated`);
      }
      if (!row.holding) continue;
      const known = stored.find((h) => h.post_id === post.id && h.officer_id === row.holding!.officerId && h.valid_from === row.holding!.validFrom);
      if (known) {
        if (known.valid_to !== row.holding.validTo) {
          await manager.update(PostHoldingEntity, { id: known.id }, { validTo: row.holding.validTo });
          summary.holdingsChanged++;
          changes.push(`holding ${row.departmentCode}/${row.code} ${row.holding.officerId} from ${row.holding.validFrom}: to ${row.holding.validTo ?? 'open'} (was ${known.valid_to ?? 'open'})`);
        }
        continue;
      }
      await manager.getRepository(PostHoldingEntity).insert({
        id: randomUUID(),
        postId: post.id,
        departmentCode: row.departmentCode,
        officerId: row.holding.officerId,
        validFrom: row.holding.validFrom,
        validTo: row.holding.validTo,
        createdAt: now,
        createdBy: principalId(principal),
      });
      summary.holdingsAdded++;
      changes.push(`holding ${row.departmentCode}/${row.code} ${row.holding.officerId} from ${row.holding.validFrom} to ${row.holding.validTo ?? 'open'} added`);
    }
    return summary;
  }
}
