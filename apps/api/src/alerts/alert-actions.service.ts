import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CardAction,
  cardTransition,
  CardActorSide,
  DEFAULT_SUPERVISION_SETTINGS,
  FINAL_CARD_STATES,
  HELD_CARD_STATES,
  supervisionDeadlineFor,
} from '@app/domain';
import { AccessScope, canActOnCase, inScope } from '../auth/access-scope';
import { Principal, principalId } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { InvalidInputException } from '../common/invalid-input.exception';
import { AlertEntity } from '../persistence/entities';
import { AlertStoreRepository } from './alert-store.repository';

/** Which side of the card a principal stands on: the department answers, the centre decides. */
function sideOf(principal: Principal): CardActorSide | null {
  switch (principal.kind) {
    case 'officer':
    case 'department_supervisor':
      return 'department';
    case 'admin':
    case 'centre_supervisor':
    case 'region_supervisor':
      return 'centre';
    default:
      return null;
  }
}

/**
 * A person's decision on a card: checked against the lifecycle, applied with its transition row,
 * its outbox message and its audit entry in one transaction — all of it or none of it.
 */
@Injectable()
export class AlertActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AlertStoreRepository,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * 确认发牌: a held card is issued now — OPEN, raised as of now (a YELLOW card's supervision
   * deadline counts from now), announced to the department and put on the wall by its outbox message.
   */
  async confirm(principal: Principal, scope: AccessScope, id: string, comment: string | undefined, now: Date) {
    return this.act(principal, scope, id, 'confirm', comment, now, (card) => ({
      raisedAt: now,
      supervisionDueAt:
        card.level === 'YELLOW' ? new Date(supervisionDeadlineFor(this.calendars.current(), now, DEFAULT_SUPERVISION_SETTINGS, COUNTING_POLICY).dueAt) : null,
    }));
  }

  /**
   * The centre's answer to an appeal: MAINTAIN (the card stands where it was before the appeal) or
   * REVOKE (the card was wrong: REVOKED, counted apart from breaches), with a written reply that the
   * department reads on the card.
   */
  async decideAppeal(principal: Principal, scope: AccessScope, id: string, decision: 'MAINTAIN' | 'REVOKE', reply: string | undefined, now: Date) {
    const action: CardAction = decision === 'REVOKE' ? 'uphold-appeal' : 'reject-appeal';
    const result = await this.act(principal, scope, id, action, reply, now, () => ({
      appealDecision: decision === 'REVOKE' ? 'REVOKED' : 'MAINTAINED',
      appealReply: reply ?? null,
      appealDecidedAt: now,
      appealDecidedBy: principalId(principal),
    }));
    return { ...result, appealDecision: decision === 'REVOKE' ? 'REVOKED' : 'MAINTAINED', reply: reply ?? null };
  }

  async act(
    principal: Principal,
    scope: AccessScope,
    id: string,
    action: CardAction,
    comment: string | undefined,
    now: Date,
    alsoSet: (card: AlertEntity) => Partial<Pick<AlertEntity, 'appealDecision' | 'appealReply' | 'appealDecidedAt' | 'appealDecidedBy' | 'raisedAt' | 'supervisionDueAt'>> = () => ({}),
  ) {
    return this.dataSource.transaction(async (manager) => {
      const card = /^[0-9a-f-]{36}$/i.test(id)
        ? await manager.getRepository(AlertEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!card || !inScope(scope, card.departmentCode)) throw new NotFoundException(`card ${id} not found`);
      const side = sideOf(principal);
      // A held card (待发) is not issued: for the department it does not exist yet.
      if (side !== 'centre' && HELD_CARD_STATES.includes(card.state)) throw new NotFoundException(`card ${id} not found`);
      if (side === null) throw new ForbiddenException('this account cannot act on cards');
      if (side === 'department' && !canActOnCase(scope, card)) {
        throw new ForbiddenException('officers act only on cards of cases assigned to them');
      }
      const result = cardTransition(action, card, side, comment);
      if (!result.ok) {
        if (result.reason === 'COMMENT_REQUIRED') throw new InvalidInputException([{ path: 'comment', message: result.message }]);
        if (result.reason === 'WRONG_SIDE') throw new ForbiddenException(result.message);
        throw new ConflictException(result.message);
      }
      const before = { state: card.state, level: card.level };
      const final = FINAL_CARD_STATES.includes(result.to);
      await manager.update(AlertEntity, { id }, {
        state: result.to,
        stateBeforeAppeal: result.to === 'APPEALED' ? card.state : card.stateBeforeAppeal,
        updatedAt: now,
        ...(final ? { closedAt: now, closeReason: `${action}: ${comment ?? ''}`.slice(0, 200) } : {}),
        ...alsoSet(card),
      });
      const actor = principalId(principal);
      await this.store.record(
        manager,
        [{ alertId: id, departmentCode: card.departmentCode, action: action.toUpperCase(), fromState: card.state, toState: result.to, fromLevel: card.level, toLevel: card.level, actor, comment: comment ?? null }],
        now,
      );
      await this.audit.record(
        { actor: principal, action: `alert.${action}`, target: `alert:${id}`, before, after: { state: result.to, level: card.level, comment: comment ?? null } },
        manager,
      );
      return { id, state: result.to, level: card.level };
    });
  }
}
