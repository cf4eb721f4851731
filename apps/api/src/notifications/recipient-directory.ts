import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AlertLevel } from '@app/contracts';
import { ROOMS } from '../auth/access-scope';
import { DeliveryChannel } from './channel-input';
import { LadderAudience } from './escalation-ladder';

/** One message to plan: over which channel, to whom, where. */
export interface DeliveryDraft {
  channel: DeliveryChannel;
  recipient: string;
  target: string;
  secret: string | null;
  /** The department's side may acknowledge from the message; the centre only reads it. */
  withAckLink: boolean;
}

export interface CardRef {
  departmentCode: string;
  level: AlertLevel;
  responsibleOfficerId: string | null;
}

export const OWNERS = {
  department: (code: string) => `department:${code}`,
  officer: (id: string) => `officer:${id}`,
  centre: 'centre',
} as const;

interface StoredChannel {
  owner: string;
  type: DeliveryChannel;
  target: string;
  secret: string | null;
  levels: AlertLevel[];
}

/**
 * Resolves audiences to deliveries at the moment they are planned: the officer register (who is
 * whose supervisor), the users (department and centre supervisors, by role) and the channels each
 * owner configured. In-app deliveries go to the person's own socket room and inbox.
 */
@Injectable()
export class RecipientDirectory {
  /** The first message of a level change: the responsible officer, the department's channels; RED also the centre. */
  async firstRecipients(manager: EntityManager, card: CardRef): Promise<DeliveryDraft[]> {
    const drafts = await this.audiences(manager, card, ['officer']);
    drafts.push(...(await this.channelDrafts(manager, [OWNERS.department(card.departmentCode)], card.level, 'department:' + card.departmentCode, true)));
    if (card.level === 'RED') {
      const supervisors = await this.activeUsers(manager, 'centre_supervisor', null);
      drafts.push(...supervisors.map((u) => inApp(userRoom(u.username), false)));
      drafts.push(...(await this.channelDrafts(manager, [OWNERS.centre], card.level, OWNERS.centre, false)));
    }
    return dedupe(drafts);
  }

  /** The messages of one ladder step (escalation or reminder); empty when nobody fills the audiences. */
  async audiences(manager: EntityManager, card: CardRef, audiences: LadderAudience[]): Promise<DeliveryDraft[]> {
    const drafts: DeliveryDraft[] = [];
    const officer = card.responsibleOfficerId ? await this.officer(manager, card.responsibleOfficerId) : null;
    for (const audience of audiences) {
      if (audience === 'officer' && officer) drafts.push(...(await this.officerDrafts(manager, officer.id, card.level)));
      if (audience === 'officer-supervisor' && officer?.supervisorId) drafts.push(...(await this.officerDrafts(manager, officer.supervisorId, card.level)));
      if (audience === 'department-supervisors') {
        for (const user of await this.activeUsers(manager, 'department_supervisor', card.departmentCode)) {
          drafts.push(inApp(userRoom(user.username), true));
          if (user.officerId) drafts.push(...(await this.officerDrafts(manager, user.officerId, card.level)));
        }
      }
    }
    return dedupe(drafts);
  }

  /** An officer's in-app room and personal channels (all levels, for the digest: levels = null). */
  async officerDrafts(manager: EntityManager, officerId: string, level: AlertLevel | null): Promise<DeliveryDraft[]> {
    const recipient = OWNERS.officer(officerId);
    return [inApp(ROOMS.officer(officerId), true), ...(await this.channelDrafts(manager, [recipient], level, recipient, true))];
  }

  async officer(manager: EntityManager, id: string): Promise<{ id: string; name: string; departmentCode: string; supervisorId: string | null } | null> {
    const [row] = await manager.query<{ id: string; name: string; department_code: string; supervisor_id: string | null }[]>(
      'SELECT id, name, department_code, supervisor_id FROM officers WHERE id = $1',
      [id],
    );
    return row ? { id: row.id, name: row.name, departmentCode: row.department_code, supervisorId: row.supervisor_id } : null;
  }

  private async activeUsers(manager: EntityManager, role: string, departmentCode: string | null): Promise<{ username: string; officerId: string | null }[]> {
    const rows = await manager.query<{ username: string; officer_id: string | null }[]>(
      `SELECT username, officer_id FROM users
        WHERE role = $1 AND disabled_at IS NULL AND ($2::varchar IS NULL OR department_code = $2) ORDER BY username`,
      [role, departmentCode],
    );
    return rows.map((r) => ({ username: r.username, officerId: r.officer_id }));
  }

  private async channelDrafts(manager: EntityManager, owners: string[], level: AlertLevel | null, recipient: string, withAckLink: boolean): Promise<DeliveryDraft[]> {
    const rows = await manager.query<StoredChannel[]>(
      'SELECT owner, type, target, secret, levels FROM notification_channels WHERE owner = ANY($1) ORDER BY owner, position',
      [owners],
    );
    return rows
      .filter((c) => level === null || c.levels.includes(level))
      .map((c) => ({ channel: c.type, recipient, target: c.target, secret: c.secret, withAckLink }));
  }
}

/** A signed-in user's own room (the notifications namespace joins it at the handshake). */
export const userRoom = (username: string): string => `user:${username}`;

function inApp(room: string, withAckLink: boolean): DeliveryDraft {
  return { channel: 'inapp', recipient: room, target: room, secret: null, withAckLink };
}

/** One message per channel and target and step, even when a person fills two audiences. */
function dedupe(drafts: DeliveryDraft[]): DeliveryDraft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.channel}\u0000${d.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
