import type { EventData, EventType } from "../events/catalog";

/** Fields every pushed event carries besides its data. */
export interface PushMeta {
  eventId: string;
  time: string;
  subject: string;
}

export type Push<T extends EventType> = EventData<T> & PushMeta;

/** Socket.io event name of each relayed CloudEvents type. */
export const socketEventOf = {
  "swiftcloud.order.submitted": "order:submitted",
  "swiftcloud.order.cancelled": "order:cancelled",
  "swiftcloud.invoice.issued": "invoice:issued",
  "swiftcloud.invoice.expired": "invoice:expired",
  "swiftcloud.payment.initiated": "payment:initiated",
  "swiftcloud.payment.succeeded": "payment:succeeded",
  "swiftcloud.payment.failed": "payment:failed",
  "swiftcloud.payment.refunded": "payment:refunded",
  "swiftcloud.resource.provisioning": "resource:provisioning",
  "swiftcloud.resource.progress": "resource:progress",
  "swiftcloud.resource.active": "resource:active",
  "swiftcloud.resource.failed": "resource:failed",
} as const satisfies Record<EventType, string>;

type SocketEventName = (typeof socketEventOf)[EventType];
type TypeOf<N extends SocketEventName> = {
  [T in EventType]: (typeof socketEventOf)[T] extends N ? T : never;
}[EventType];

/** Events the server sends to browsers; passed as a generic to both ends. */
export type ServerToClientEvents = {
  [N in SocketEventName]: (payload: Push<TypeOf<N>>) => void;
};

/** Browsers send nothing: the server decides rooms from the session. */
export type ClientToServerEvents = Record<string, never>;

/** Room of one customer; only that customer's sockets join it. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}
