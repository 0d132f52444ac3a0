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
