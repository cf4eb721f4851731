import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { FieldError } from '@app/contracts';
import { isIsoDate } from '@app/domain';
import { AccessScope, departmentFilter, inScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { PostHoldingEntity } from '../../persistence/entities/accountability/post-holding.entity';
import { PostEntity } from '../../persistence/entities/accountability/post.entity';
import { isUuid } from '../scoped-record';
import { HoldingInput, PostFields, PostInput } from './posts-input';

export interface HoldingView {
  id: string;
  officerId: string;
  officerName: string | null;
  validFrom: string;
  validTo: string | null;
}

export type PostView = PostEntity & { holdings: HoldingView[] };

/**
 * 岗位责任信息库: the posts of each department and who held them when. A department supervisor
 * keeps its own department's; the centre all. Every change is audited; a holding is ended, never
 * deleted, so an earlier breach still finds whoever held the post then.
 */
@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(scope: AccessScope, departmentCode?: string): Promise<PostView[]> {
    const departments = departmentFilter(scope, departmentCode);
    if (departments?.length === 0) return [];
    const posts = await this.dataSource.getRepository(PostEntity).find({
      where: departments ? { departmentCode: In(departments) } : {},
      order: { departmentCode: 'ASC', code: 'ASC' },
    });
    return this.withHoldings(this.dataSource.manager, posts);
  }

  async get(scope: AccessScope, id: string): Promise<PostView> {
    const post = await this.findInScope(this.dataSource.manager, scope, id);
    return (await this.withHoldings(this.dataSource.manager, [post]))[0];
  }

  async create(principal: Principal, scope: AccessScope, input: PostInput, now: Date): Promise<PostView> {
    if (!inScope(scope, input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    return this.dataSource.transaction(async (manager) => {
      const problems = await postProblems(manager, input.departmentCode, input);
      if (problems.length > 0) throw new InvalidInputException(problems);
      const post = Object.assign(new PostEntity(), { id: randomUUID(), departmentCode: input.departmentCode, code: input.code, ...fieldsOf(input), createdAt: now, updatedAt: now });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PostEntity)
        .values(post)
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) throw new ConflictException(`department ${input.departmentCode} already has a post ${input.code}`);
      await this.audit.record({ actor: principal, action: 'post.create', target: `post:${post.id}`, after: post }, manager);
      return { ...post, holdings: [] };
    });
  }

  async update(principal: Principal, scope: AccessScope, id: string, fields: PostFields, now: Date): Promise<PostView> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.findInScope(manager, scope, id, true);
      const problems = await postProblems(manager, post.departmentCode, fields);
      if (problems.length > 0) throw new InvalidInputException(problems);
      const change = { ...fieldsOf(fields), updatedAt: now };
      await manager.update(PostEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'post.update', target: `post:${id}`, before: fieldsOf(post), after: change }, manager);
      return (await this.withHoldings(manager, [{ ...post, ...change }]))[0];
    });
  }

  /** Only a post nobody ever held: a holding is history that a breach may need. */
  async remove(principal: Principal, scope: AccessScope, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const post = await this.findInScope(manager, scope, id, true);
      const held = await manager.getRepository(PostHoldingEntity).countBy({ postId: id });
      if (held > 0) throw new ConflictException('the post has holdings (its history is kept): end them instead of deleting the post');
      await manager.delete(PostEntity, { id });
      await this.audit.record({ actor: principal, action: 'post.delete', target: `post:${id}`, before: post }, manager);
    });
  }

  async addHolding(principal: Principal, scope: AccessScope, postId: string, input: HoldingInput, now: Date): Promise<PostView> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.findInScope(manager, scope, postId, true);
      const problems = await holdingProblems(manager, post, input.officerId, input.validFrom, input.validTo ?? null);
      if (problems.length > 0) throw new InvalidInputException(problems);
      const holding = Object.assign(new PostHoldingEntity(), {
        id: randomUUID(),
        postId,
        departmentCode: post.departmentCode,
        officerId: input.officerId,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        createdAt: now,
        createdBy: principalId(principal),
      });
      await manager.getRepository(PostHoldingEntity).insert(holding);
      await this.audit.record({ actor: principal, action: 'post.holding.add', target: `post:${postId}`, after: holding }, manager);
      return (await this.withHoldings(manager, [post]))[0];
    });
  }

  /** Ends an open holding on its last day; the holding stays as history. */
  async endHolding(principal: Principal, scope: AccessScope, postId: string, holdingId: string, validTo: string): Promise<PostView> {
    return this.dataSource.transaction(async (manager) => {
      const post = await this.findInScope(manager, scope, postId, true);
      const holding = isUuid(holdingId) ? await manager.getRepository(PostHoldingEntity).findOneBy({ id: holdingId, postId }) : null;
      if (!holding) throw notFound('holdingId', `holding ${holdingId} not found`);
      if (holding.validTo !== null) throw new ConflictException(`the holding already ended on ${holding.validTo}`);
      if (!isIsoDate(validTo) || validTo < holding.validFrom) throw new InvalidInputException([{ path: 'validTo', message: `must be a date YYYY-MM-DD not before ${holding.validFrom}` }]);
      await manager.update(PostHoldingEntity, { id: holdingId }, { validTo });
      await this.audit.record({ actor: principal, action: 'post.holding.end', target: `post:${postId}`, before: { holdingId, validTo: null }, after: { holdingId, validTo } }, manager);
      return (await this.withHoldings(manager, [post]))[0];
    });
  }

  /** Another department's post answers exactly like a missing one. */
  private async findInScope(manager: EntityManager, scope: AccessScope, id: string, lock = false): Promise<PostEntity> {
    const found = isUuid(id) ? await manager.getRepository(PostEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
    if (!found || !inScope(scope, found.departmentCode)) throw notFound('id', `post ${id} not found`);
    return found;
  }

  async withHoldings(manager: EntityManager, posts: PostEntity[]): Promise<PostView[]> {
    if (posts.length === 0) return [];
    const rows = await manager.query<{ id: string; post_id: string; officer_id: string; officer_name: string | null; valid_from: string; valid_to: string | null }[]>(
      `SELECT h.id, h.post_id, h.officer_id, o.name AS officer_name, to_char(h.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(h.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM post_holdings h LEFT JOIN officers o ON o.id = h.officer_id
        WHERE h.post_id = ANY($1) ORDER BY h.valid_from, h.officer_id`,
      [posts.map((p) => p.id)],
    );
    return posts.map((post) => ({
      ...post,
      holdings: rows
        .filter((r) => r.post_id === post.id)
        .map((r) => ({ id: r.id, officerId: r.officer_id, officerName: r.officer_name, validFrom: r.valid_from, validTo: r.valid_to })),
    }));
  }
}

export function fieldsOf(f: PostFields): PostFields {
  return { name: f.name.trim(), duties: f.duties.trim(), legalBasis: f.legalBasis.trim(), itemCodes: [...f.itemCodes], stepCodes: [...f.stepCodes], isHead: f.isHead };
}

/** The department exists and every item named is one of its items. */
export async function postProblems(manager: EntityManager, departmentCode: string, fields: Pick<PostFields, 'itemCodes'>): Promise<FieldError[]> {
  const [department] = await manager.query<unknown[]>('SELECT 1 FROM departments WHERE code = $1', [departmentCode]);
  if (!department) return [{ path: 'departmentCode', message: `no department ${departmentCode}` }];
  if (fields.itemCodes.length === 0) return [];
  const known = new Set(
    (await manager.query<{ code: string }[]>('SELECT code FROM items WHERE department_code = $1 AND code = ANY($2)', [departmentCode, fields.itemCodes])).map((r) => r.code),
  );
  return fields.itemCodes.flatMap((code, i) => (known.has(code) ? [] : [{ path: `itemCodes/${i}`, message: `no item ${code} of department ${departmentCode}` }]));
}

/** The officer is of the post's department, the period is well formed and overlaps no other holding of the same officer on this post. */
export async function holdingProblems(
  manager: EntityManager,
  post: Pick<PostEntity, 'id' | 'departmentCode'>,
  officerId: string,
  validFrom: string,
  validTo: string | null,
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const [officer] = await manager.query<unknown[]>('SELECT 1 FROM officers WHERE id = $1 AND department_code = $2', [officerId, post.departmentCode]);
  if (!officer) problems.push({ path: `officerId`, message: `not an officer of department ${post.departmentCode}` });
  if (!isIsoDate(validFrom)) problems.push({ path: `validFrom`, message: 'must be a date YYYY-MM-DD' });
  else if (validTo !== null && (!isIsoDate(validTo) || validTo < validFrom)) problems.push({ path: `validTo`, message: `must be a date YYYY-MM-DD not before ${validFrom}` });
  if (problems.length > 0) return problems;
  const overlapping = await manager.query<{ valid_from: string }[]>(
    `SELECT to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM post_holdings
      WHERE post_id = $1 AND officer_id = $2 
        AND valid_from <= COALESCE($4::date, 'infinity'::date) AND COALESCE(valid_to, 'infinity'::date) >= $3::date`,
    [post.id, officerId, validFrom, validTo],
  );
  if (overlapping.length > 0) problems.push({ path: `validFrom`, message: `the officer already holds this post in that period (from ${overlapping[0].valid_from})` });
  return problems;
}
