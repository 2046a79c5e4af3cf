import { ConfigurationError } from '../model/errors.js';
import { DEFAULT_MEMBER_ROLE_NAME } from './identifiers.js';

/** IAM's limit on a role's inline policies, together, in characters without whitespace. */
export const INLINE_POLICY_LIMIT = 10_240;
/** IAM's limit on one customer managed policy, in characters without whitespace. */
export const MANAGED_POLICY_LIMIT = 6_144;
/** Managed policies attached to one role by default (the quota can be raised to 20). */
export const MANAGED_POLICIES_PER_ROLE = 10;

/** A principal the member role may trust: an IAM role (with path) or an account root, in any partition. */
export const SCANNER_PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/[\w+=,.@/-]+)$/;

export interface MemberRoleTemplateOptions {
  /** The read-only actions the selected checks need (`requiredActions`). */
  actions: readonly string[];
  /** Default of the RoleName parameter; default {@link DEFAULT_MEMBER_ROLE_NAME}. */
  roleName?: string;
  /** Default of the ScannerPrincipalArn parameter (the scanner's role); without it the stack must be given one. */
  scannerPrincipal?: string;
  /** Default of the ExternalId parameter; without it the stack must be given one. */
  externalId?: string;
}

type Json = Record<string, unknown>;

const statement = (sid: string, actions: readonly string[]) => ({
  Sid: sid,
  Effect: 'Allow',
  Action: [...actions],
  Resource: '*',
});

/** Size as IAM counts it: the policy's JSON without whitespace. */
const policySize = (document: unknown): number => JSON.stringify(document).length;

/** Splits the actions, in order, into documents of at most `limit` characters each. */
function chunkActions(actions: readonly string[], limit: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  const document = (list: string[], n: number) => ({
    Version: '2012-10-17',
    Statement: [statement(`SrmScanReadOnly${n}`, list)],
  });
  for (const action of actions) {
    const candidate = [...current, action];
    if (current.length > 0 && policySize(document(candidate, chunks.length + 1)) > limit) {
      chunks.push(current);
      current = [action];
    } else current = candidate;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The CloudFormation template (JSON) of the role srm-scan assumes in each member account: exactly the read-only
 * actions of the selected checks, trusted by the scanner's principal only and only with the external id
 * (`sts:ExternalId`), sessions of at most one hour. Parameters (scanner principal, external id, role name) make it
 * ready for a service-managed StackSet across an organisation; it names the role, so deploying it needs
 * `CAPABILITY_NAMED_IAM`. The permissions are one inline policy while they fit IAM's 10,240-character limit, else
 * customer managed policies of at most 6,144 characters each.
 */
export function memberRoleTemplate(options: MemberRoleTemplateOptions): Json {
  if (options.actions.length === 0) throw new ConfigurationError('member-role-template: no action to grant.');
  if (options.scannerPrincipal !== undefined && !SCANNER_PRINCIPAL_ARN.test(options.scannerPrincipal)) {
    throw new ConfigurationError(
      `--scanner-principal: "${options.scannerPrincipal}" is not an IAM role ARN (arn:aws:iam::123456789012:role/name) or account root.`,
    );
  }
  const inline = {
    Version: '2012-10-17',
    Statement: [statement('SrmScanReadOnly', options.actions)],
  };
  const fitsInline = policySize(inline) <= INLINE_POLICY_LIMIT;
  const chunks = fitsInline ? [] : chunkActions(options.actions, MANAGED_POLICY_LIMIT);
  if (chunks.length > MANAGED_POLICIES_PER_ROLE) {
    throw new ConfigurationError(
      `member-role-template: the ${options.actions.length} actions need ${chunks.length} managed policies, more than the ${MANAGED_POLICIES_PER_ROLE} a role may have by default: narrow the selection.`,
    );
  }
  const managed: Json = Object.fromEntries(
    chunks.map((actions, i) => [
      `SrmScanReadOnlyPolicy${i + 1}`,
      {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Description: `srm-scan read-only permissions, part ${i + 1} of ${chunks.length}`,
          PolicyDocument: { Version: '2012-10-17', Statement: [statement(`SrmScanReadOnly${i + 1}`, actions)] },
        },
      },
    ]),
  );

  const parameters: Json = {
    ScannerPrincipalArn: {
      Type: 'String',
      Description: "ARN of the scanner's IAM role (the only principal this role trusts)",
      AllowedPattern: SCANNER_PRINCIPAL_ARN.source,
      ...(options.scannerPrincipal && { Default: options.scannerPrincipal }),
    },
    ExternalId: {
      Type: 'String',
      Description: 'The sts:ExternalId the scanner passes (srm-scan scan --external-id)',
      MinLength: 2,
      MaxLength: 1224,
      AllowedPattern: '[\\w+=,.@:/-]*',
      NoEcho: true,
      ...(options.externalId && { Default: options.externalId }),
    },
    RoleName: {
      Type: 'String',
      Description: 'Name of the member role (srm-scan scan --role-name)',
      AllowedPattern: '[\\w+=,.@-]{1,64}',
      Default: options.roleName ?? DEFAULT_MEMBER_ROLE_NAME,
    },
  };

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `srm-scan member role: read-only access for ${options.actions.length} actions, assumable by the scanner with the external id`,
    Parameters: parameters,
    Resources: {
      SrmScanReaderRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { Ref: 'RoleName' },
          Description: 'Read-only role srm-scan assumes to scan this account',
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'SrmScanner',
                Effect: 'Allow',
                Principal: { AWS: { Ref: 'ScannerPrincipalArn' } },
                Action: 'sts:AssumeRole',
                Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
              },
            ],
          },
          ...(fitsInline
            ? { Policies: [{ PolicyName: 'SrmScanReadOnly', PolicyDocument: inline }] }
            : { ManagedPolicyArns: chunks.map((_, i) => ({ Ref: `SrmScanReadOnlyPolicy${i + 1}` })) }),
        },
      },
      ...managed,
    },
    Outputs: {
      RoleArn: {
        Description: 'The member role srm-scan assumes',
        Value: { 'Fn::GetAtt': ['SrmScanReaderRole', 'Arn'] },
      },
    },
  };
}
