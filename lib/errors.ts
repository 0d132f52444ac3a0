// Pure: the expected domain errors. Their messages are safe to show to users (Chinese first, English beside).
/** Messages for one form field, in both languages. */
export type FieldMessages = Record<string, { zh: string[]; en: string[] }>;

export class DomainError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    /** Rules broken by particular fields, shown next to them. */
    readonly fields?: FieldMessages,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '无权执行此操作', messageEn = 'You are not allowed to do this') {
    super(message, messageEn);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = '记录不存在', messageEn = 'Not found') {
    super(message, messageEn);
  }
}

export class ConflictError extends DomainError {
  constructor(message = '数据已被他人修改，请刷新后重试', messageEn = 'Changed by someone else; reload and try again') {
    super(message, messageEn);
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(message = '当前状态下不能执行此操作', messageEn = 'Not possible in the current state') {
    super(message, messageEn);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Prisma errors are recognised by code, never by message text. */
export function prismaErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : undefined;
}

// SQLSTATEs of a server going away or not yet accepting connections (admin_shutdown, crash_shutdown,
// cannot_connect_now, the connection_exception class) and the socket errors of the same events.
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08\w{3})$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
// Prisma's codes for an unreachable or closed database (P1001, P1002, P1008, P1017) and a pool timeout (P2024).
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// The driver adapter's error kinds for the same (Prisma 7 DriverAdapterError.cause.kind).
const UNAVAILABLE_ADAPTER_KIND = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

// node-postgres raises this one with no code at all, when a connection that broke (the server went away) is used
// again: the only exception to "by code, never by message", matched exactly.
const PG_BROKEN_CLIENT = 'Client has encountered a connection error and is not queryable';

/**
 * Whether an error means "the database could not be reached or went away" (a restart, failover or network cut): the
 * user should try again. Recognised by codes along the cause chain, never by message text.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Prisma puts the driver's error in meta.driverAdapterError, the adapter puts the database's in cause.
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 12; seen++) {
    const current = queue.shift();
    if (!current || typeof current !== 'object') continue;
    const { code, kind, originalCode, cause, meta } = current as { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_PRISMA.has(code))) return true;
    if (typeof originalCode === 'string' && UNAVAILABLE_SQLSTATE.test(originalCode)) return true;
    if (typeof kind === 'string' && UNAVAILABLE_ADAPTER_KIND.has(kind)) return true;
    if (current instanceof Error && current.message === PG_BROKEN_CLIENT) return true;
    queue.push(cause, meta?.driverAdapterError);
  }
  return false;
}
