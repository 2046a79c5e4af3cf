import type { PolicyStatement } from '../../inventory/index.js';

/** A statement's actions for messages: `s3:GetObject, s3:ListBucket` or `every action except s3:DeleteObject`. */
export const describeActions = (statement: PolicyStatement): string =>
  statement.action?.join(', ') ?? `every action except ${(statement.notAction ?? []).join(', ')}`;

/** A statement's name for messages: its Sid, else its position. */
export const statementName = (statement: PolicyStatement, index: number): string => statement.sid ?? `#${index + 1}`;
