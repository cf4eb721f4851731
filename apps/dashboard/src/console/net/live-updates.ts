import { io, type Socket } from 'socket.io-client';

/** A card changed (raised, level changed, acted on): what `card.changed` on /notifications carries. */
export interface CardChange {
  alertId: string;
  departmentCode: string | null;
  action: string;
  level: string;
  state: string;
}

type Listener = (change: CardChange) => void;

/**
 * The console's live channel: socket.io namespace /notifications, authenticated like the wall (the
 * token in the handshake body, not the URL), rooms decided by the server from the token's scope.
 * One connection per signed-in session; `close` at sign-out drops it with its listeners.
 */
export class LiveUpdates {
  private socket: Socket | null = null;
  private readonly listeners = new Set<Listener>();
  private statusListener: ((connected: boolean) => void) | null = null;
  private connected = false;

  open(token: string): void {
    this.dropSocket();
    const socket = io('/notifications', {
      path: '/socket.io',
      auth: { token },
      transports: ['websocket', 'polling'],
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
    });
    socket.on('ready', () => this.setConnected(true));
    socket.on('disconnect', () => this.setConnected(false));
    socket.on('connect_error', () => this.setConnected(false));
    socket.on('card.changed', (change: CardChange) => {
      for (const listener of this.listeners) listener(change);
    });
    this.socket = socket;
  }

  /** The header's live indicator; told the current state at once (the socket may be ready before the layout mounts). */
  onStatus(listener: (connected: boolean) => void): void {
    this.statusListener = listener;
    listener(this.connected);
  }

  private setConnected(connected: boolean): void {
    this.connected = connected;
    this.statusListener?.(connected);
  }

  private dropSocket(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.setConnected(false);
  }

  /** Returns the unsubscribe function (call it when the page unmounts). */
  onCardChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** At the end of a session: the socket and every listener of the previous user's pages go. */
  close(): void {
    this.dropSocket();
    this.listeners.clear();
    this.statusListener = null;
  }
}

export const liveUpdates = new LiveUpdates();
