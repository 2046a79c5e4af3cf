import type { PolicyStatement } from '../../inventory/index.js';

/** A statement's actions for messages: `s3:GetObject, s3:ListBucket`, `every action except s3:DeleteObject`, or `no action`. */
export const describeActions = (statement: PolicyStatement): string =>
  statement.notAction
    ? `every action except ${statement.notAction.join(', ')}`
    : (statement.action ?? []).join(', ') || 'no action';

/** A statement's name for messages: its Sid, else its position. */
export const statementName = (statement: PolicyStatement, index: number): string => statement.sid ?? `#${index + 1}`;
