import { http } from '../../api/http';

/** The channel types of apps/api/src/notifications/channel-input.ts. */
export const CHANNEL_TYPES = ['webhook', 'dingtalk', 'wecom', 'email'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export type ChannelOwner = { kind: 'centre' } | { kind: 'department'; code: string } | { kind: 'officer'; id: string };

/** A stored channel as the API shows it: the target masked, the secret only as "set". */
export interface ChannelView {
  type: ChannelType;
  target: string;
  levels: string[];
  hasSecret: boolean;
}

/** One row of the editor: the whole list is sent and replaces the stored one. */
export interface ChannelRow {
  type: ChannelType;
  target: string;
  levels: string[];
  secret: string;
}

function pathOf(owner: ChannelOwner): string {
  if (owner.kind === 'centre') return '/api/v1/centre/notification-channels';
  if (owner.kind === 'department') return `/api/v1/departments/${encodeURIComponent(owner.code)}/notification-channels`;
  return `/api/v1/officers/${encodeURIComponent(owner.id)}/notification-channels`;
}

export const channelsApi = {
  get: (owner: ChannelOwner) => http.get<ChannelView[]>(pathOf(owner)),
  put: (owner: ChannelOwner, channels: unknown[]) => http.put<ChannelView[]>(pathOf(owner), channels),
};
