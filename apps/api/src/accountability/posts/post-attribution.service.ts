import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { attributeBreach, breachStep, HoldingForAttribution, PostAttribution, PostForAttribution } from '@app/domain/accountability';
import { localDateOf } from '@app/domain';
import { AccessScope, inScope } from '../../auth/access-scope';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { notFound } from '../../common/invalid-input.exception';
import { isUuid } from '../scoped-record';

/** What a register entry records of the post answered for (all null when the posts base does not say). */
export interface EntryPost {
  postCode: string | null;
  postName: string | null;
  dutyBreached: string | null;
}

const NO_POST: EntryPost = Object.freeze({ postCode: null, postName: null, dutyBreached: null });

interface CardFacts {
  department_code: string;
  item_code: string | null;
  rule: string;
  responsible_officer_id: string | null;
  breached_at: Date;
  clock: { kind?: string; step?: string } | null;
}

/**
 * Reads a department's posts and holdings (their whole history: they are few) and asks the pure
 * `attributeBreach` who answers for a breach. The register calls it for every entry it makes, so
 * any caller of the register gets the post and the duty recorded.
 */
@Injectable()
export class PostAttributionService {
  constructor(private readonly dataSource: DataSource) {}

  /** The responsible post and holder of a card's breach on its breach day, or null. */
  async forCard(alertId: string, manager: EntityManager = this.dataSource.manager): Promise<(PostAttribution & { on: string; step: string | null }) | null> {
    const card = await this.card(manager, alertId);
    if (!card) return null;
    const on = localDateOf(card.breached_at, COUNTING_POLICY);
    const step = breachStep(card.rule, { clock: card.clock ?? undefined });
    const { posts, holdings } = await this.postsOf(manager, card.department_code);
    const found = attributeBreach({ posts, holdings, on, itemCode: card.item_code, step, actingOfficerId: card.responsible_officer_id });
    return found ? { ...found, on, step } : null;
  }

  /** For a card in scope (another department's answers 404): who answers for it by the posts base. */
  async cardInScope(scope: AccessScope, alertId: string) {
    const [card] = isUuid(alertId) ? await this.dataSource.query<{ department_code: string }[]>('SELECT department_code FROM alerts WHERE id = $1', [alertId]) : [];
    if (!card || !inScope(scope, card.department_code)) throw notFound('alertId', `card ${alertId} not found`);
    return { alertId, attribution: await this.forCard(alertId) };
  }

  /**
   * The post an entry's officer answered for on the day committed: the card's step's post if they
   * held it, else the post they held. Only that officer's holdings count: the entry is theirs.
   */
  async forEntry(manager: EntityManager, entry: { kind: string; departmentCode: string; officerId: string; committedOn: string; alertId: string | null }): Promise<EntryPost> {
    const card = entry.alertId ? await this.card(manager, entry.alertId) : null;
    const { posts, holdings } = await this.postsOf(manager, entry.departmentCode);
    const found = attributeBreach({
      posts,
      holdings: holdings.filter((h) => h.officerId === entry.officerId),
      on: entry.committedOn,
      itemCode: card?.item_code ?? null,
      step: card ? breachStep(card.rule, { clock: card.clock ?? undefined }) : null,
      actingOfficerId: entry.officerId,
    });
    if (!found) return NO_POST;
    // A warning talk is a duty of the department, not a breach of the officer's.
    return { postCode: found.postCode, postName: found.postName, dutyBreached: entry.kind === 'WARNING_TALK' ? null : found.duty };
  }

  private async card(manager: EntityManager, alertId: string): Promise<CardFacts | undefined> {
    const [card] = await manager.query<CardFacts[]>(
      `SELECT department_code, item_code, rule, responsible_officer_id, breached_at, evidence->'clock' AS clock FROM alerts WHERE id = $1`,
      [alertId],
    );
    return card;
  }

  private async postsOf(manager: EntityManager, departmentCode: string): Promise<{ posts: PostForAttribution[]; holdings: HoldingForAttribution[] }> {
    const posts = await manager.query<PostForAttribution[]>(
      `SELECT id, code, name, duties, item_codes AS "itemCodes", step_codes AS "stepCodes", is_head AS "isHead" FROM posts WHERE department_code = $1`,
      [departmentCode],
    );
    if (posts.length === 0) return { posts, holdings: [] };
    const holdings = await manager.query<HoldingForAttribution[]>(
      `SELECT post_id AS "postId", officer_id AS "officerId", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
         FROM post_holdings WHERE department_code = $1`,
      [departmentCode],
    );
    return { posts, holdings };
  }
}
