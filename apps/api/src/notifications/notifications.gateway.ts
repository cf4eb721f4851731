import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { LiveSocketCredentials } from '../auth/live-socket-credentials';
import { SocketAdmission, SocketAuthenticator } from '../auth/socket-authenticator';
import { InboxBus } from './inbox-bus';
import { userRoom } from './recipient-directory';

export const NOTIFICATIONS_NAMESPACE = '/notifications';

interface InboxSocketData {
  rooms: string[];
}
type InboxNamespace = Namespace<Record<string, never>, Record<string, (payload: unknown) => void>, Record<string, never>, InboxSocketData>;
type InboxSocket = Socket<Record<string, never>, Record<string, (payload: unknown) => void>, Record<string, never>, InboxSocketData>;

/** A person's own rooms: their scope's (centre or departments, their officer), themselves, their role. */
export function personalRooms(admission: SocketAdmission): string[] {
  const rooms = new Set(admission.rooms);
  const { principal } = admission;
  if ('username' in principal) rooms.add(userRoom(principal.username));
  rooms.add(`role:${principal.kind}`);
  return [...rooms];
}

/**
 * socket.io namespace /notifications for signed-in users. The handshake token decides the rooms
 * (SocketAuthenticator, access-scope.ts); nothing a client sends can change them — there is no
 * client-to-server event at all. Pushes come from the workers through the InboxBus; each api node
 * emits to its own sockets only, so a notice reaches a user once whichever node they are on.
 */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE, serveClient: false })
export class NotificationsGateway implements OnGatewayInit<InboxNamespace>, OnGatewayConnection<InboxSocket>, OnModuleDestroy {
  private readonly logger = new Logger('NotificationsGateway');
  @WebSocketServer() private readonly namespace!: InboxNamespace;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly admission: SocketAuthenticator,
    private readonly bus: InboxBus,
    private readonly live: LiveSocketCredentials,
  ) {}

  afterInit(namespace: InboxNamespace): void {
    namespace.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      this.admission.admit(token, 'notifications.inbox', 'socket /notifications', socket.handshake.address).then(
        (admitted) => {
          if (!admitted || typeof token !== 'string') return next(new Error('unauthorized'));
          socket.data.rooms = personalRooms(admitted);
          // Disconnected when the account is disabled or changed, or the session expires.
          this.live.track(socket, token, 'notifications.inbox', 'socket /notifications', admitted);
          next();
        },
        (error: Error) => {
          this.logger.warn(`handshake failed: ${error.message}`);
          next(new Error('unavailable'));
        },
      );
    });
    this.unsubscribe = this.bus.subscribe((notice) => this.namespace.local.to(notice.rooms).emit(notice.event, notice.payload));
  }

  async handleConnection(socket: InboxSocket): Promise<void> {
    await socket.join(socket.data.rooms);
    // Tells the client it is listening: anything published from now on reaches it.
    socket.emit('ready', { rooms: socket.data.rooms });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
