import type {
  AclGrant,
  BucketAcl,
  BucketOwnershipControls,
  BucketPolicy,
  BucketPublicAccessBlock,
  PolicyDocument,
  PolicyStatement,
  PublicAccessBlock,
  S3Bucket,
} from '../../inventory/index.js';
import type { AccessLevel, ActionCatalog } from '../../policy/index.js';
import {
  arnNamesFixedAccount,
  conditionEntries,
  grantsToEveryone,
  type PolicyAnalysisOptions,
  publicGrant,
  restrictingConditions,
} from '../../policy/index.js';
import { type CheckResult, fail, pass } from '../define-check.js';
import { describeActions, statementName } from './statements.js';
import { joinNames } from './text.js';

/** How messages name a bucket. */
export const bucketLabel = (bucket: S3Bucket): string => `S3 bucket ${bucket.name}`;

/** Slices that give a bucket's effective Block Public Access configuration. */
export const BLOCK_SLICES = ['s3.buckets', 's3.accountPublicAccessBlock', 's3.bucketPublicAccessBlocks'] as const;

/** Slices that decide whether a bucket is public: Block Public Access, ACL, Object Ownership and policy. */
export const EXPOSURE_SLICES = [
  ...BLOCK_SLICES,
  's3.bucketAcls',
  's3.bucketPolicies',
  's3.bucketOwnershipControls',
] as const;

export interface BlockData {
  accountPublicAccessBlock: PublicAccessBlock;
  bucketPublicAccessBlocks: readonly BucketPublicAccessBlock[];
}

export interface ExposureData extends BlockData {
  bucketAcls: readonly BucketAcl[];
  bucketPolicies: readonly BucketPolicy[];
  bucketOwnershipControls: readonly BucketOwnershipControls[];
}

const SETTINGS = [
  ['blockPublicAcls', 'BlockPublicAcls'],
  ['ignorePublicAcls', 'IgnorePublicAcls'],
  ['blockPublicPolicy', 'BlockPublicPolicy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets'],
] as const;

export type BlockSettingKey = (typeof SETTINGS)[number][0];

export interface EffectiveSetting {
  key: BlockSettingKey;
  /** The setting's name as AWS writes it, e.g. `IgnorePublicAcls`. */
  name: string;
  account: boolean;
  bucket: boolean;
  /** AWS applies the most restrictive combination: on when on at either level. */
  on: boolean;
}

/** The four Block Public Access settings of one configuration, each as on/off at that level only. */
export const blockSettings = (config: PublicAccessBlock): { name: string; on: boolean }[] =>
  SETTINGS.map(([key, name]) => ({ name, on: config[key] }));

/** Where an effective setting comes from, for messages. */
export const settingLevel = (setting: EffectiveSetting): string =>
  setting.account && setting.bucket ? 'account and bucket' : setting.account ? 'account' : 'bucket';

const byArn = <T extends { arn: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item) => [item.arn, item]));

/**
 * A bucket's effective Block Public Access settings (account OR bucket, per setting), or
 * undefined when its bucket-level configuration could not be collected.
 */
export function effectiveBlock(data: BlockData): (bucket: S3Bucket) => EffectiveSetting[] | undefined {
  const blocks = byArn(data.bucketPublicAccessBlocks);
  return (bucket) => {
    const own = blocks.get(bucket.arn)?.config;
    if (!own) return undefined;
    return SETTINGS.map(([key, name]) => {
      const account = data.accountPublicAccessBlock[key];
      const atBucket = own[key];
      return { key, name, account, bucket: atBucket, on: account || atBucket };
    });
  };
}

export type AccessKind = 'read' | 'write';

export interface PublicGrant {
  /** `service`: a policy statement granting AWS service principals that act for any account. */
  source: 'acl' | 'policy' | 'service';
  /** e.g. `the ACL grant of READ to everyone (AllUsers)`. */
  description: string;
  access: ReadonlySet<AccessKind>;
  /** Why AWS does not honour the grant, when it does not. */
  neutralisedBy?: string;
}

export interface BucketExposure {
  bucket: S3Bucket;
  /** The public grants of the ACL and the policy, honoured or neutralised. */
  grants: readonly PublicGrant[];
}

const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'everyone (AllUsers)',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'any AWS account (AuthenticatedUsers)',
};

const ACL_ACCESS: Readonly<Record<AclGrant['permission'], readonly AccessKind[]>> = {
  READ: ['read'],
  READ_ACP: ['read'],
  WRITE: ['write'],
  WRITE_ACP: ['write'],
  FULL_CONTROL: ['read', 'write'],
};

const LEVEL_ACCESS: Readonly<Record<AccessLevel, AccessKind>> = {
  Read: 'read',
  List: 'read',
  Write: 'write',
  'Permissions management': 'write',
  Tagging: 'write',
};

const statementLabel = (statement: PolicyStatement, index: number): string =>
  `policy statement ${statementName(statement, index)} (${describeActions(statement)})`;

/** Whether a statement's resources can name objects: `bucket/key` paths, wildcards or NotResource. */
const coversObjects = (statement: PolicyStatement): boolean =>
  statement.notResource !== undefined || (statement.resource ?? []).some((r) => r.includes('/') || /[*?]/.test(r));

/**
 * What a service grant no condition pins lets any account have the service do: write for any
 * Write, Permissions management or Tagging action; read only for actions that read objects. A
 * service reading the bucket itself (its ACL, location or listing) is the check a delivering
 * service runs before it writes, and hands nothing to the account it acts for; AWS leaves those
 * statements unpinned in its own log archive (Control Tower) and pins only the writes.
 */
export function serviceGrantAccess(statement: PolicyStatement, actions: ActionCatalog): Set<AccessKind> {
  const access = new Set<AccessKind>();
  const objects = coversObjects(statement);
  for (const action of actions.statementActions(statement, 's3')) {
    const levels = actions.accessLevelsOf(action);
    if (levels.some((level) => LEVEL_ACCESS[level] === 'write')) access.add('write');
    if (
      objects &&
      levels.some((l) => LEVEL_ACCESS[l] === 'read') &&
      actions.resourceTypesOf(action).includes('object')
    ) {
      access.add('read');
    }
  }
  return access;
}

/** A fixed aws:SourceArn by S3's definition: no wildcard, or one below a fixed account. */
const s3FixedSourceArn = (statement: PolicyStatement): boolean =>
  conditionEntries(statement).some(
    (e) =>
      e.requiresValue &&
      e.key.toLowerCase() === 'aws:sourcearn' &&
      e.values.length > 0 &&
      e.values.every((v) => !/[*?]/.test(v) || arnNamesFixedAccount(v)),
  );

/**
 * Whether S3 itself deems a bucket policy public, which decides whether RestrictPublicBuckets
 * applies to it. S3 counts any fixed aws:SourceArn as a pin, an account-less bucket ARN included,
 * so a `*` pinned only by a bucket ARN is public to these checks but not to S3.
 */
export const s3DeemsPublic = (policy: PolicyDocument | null, options: PolicyAnalysisOptions = {}): boolean =>
  (policy?.statements ?? []).some(
    (s) =>
      s.effect === 'Allow' &&
      grantsToEveryone(s) &&
      restrictingConditions(s, options).length === 0 &&
      !s3FixedSourceArn(s),
  );

function policyGrants(
  policy: BucketPolicy['policy'],
  actions: ActionCatalog,
  options: PolicyAnalysisOptions,
): PublicGrant[] {
  return (policy?.statements ?? []).flatMap((statement, index): PublicGrant[] => {
    const grant = publicGrant(statement, 'resource-policy', options);
    if (!grant) return [];
    if (grant.via === 'service') {
      const access = serviceGrantAccess(statement, actions);
      const description = `${statementLabel(statement, index)}, which lets ${joinNames(grant.services)} act for any AWS account: ${grant.reason}`;
      return access.size === 0 ? [] : [{ source: 'service', description, access }];
    }
    const access = new Set([...actions.accessLevels(statement, 's3')].map((level) => LEVEL_ACCESS[level]));
    return access.size === 0 ? [] : [{ source: 'policy', description: statementLabel(statement, index), access }];
  });
}

function aclGrants(acl: BucketAcl): PublicGrant[] {
  return acl.grants.flatMap((grant): PublicGrant[] => {
    const group = grant.granteeUri ? PUBLIC_GROUPS[grant.granteeUri] : undefined;
    if (!group) return [];
    return [
      {
        source: 'acl',
        description: `the ACL grant of ${grant.permission} to ${group}`,
        access: new Set(ACL_ACCESS[grant.permission]),
      },
    ];
  });
}

/** The setting when it is in effect, else undefined. */
export const settingOn = (settings: readonly EffectiveSetting[], key: BlockSettingKey): EffectiveSetting | undefined =>
  settings.find((s) => s.key === key && s.on);

/**
 * Computes, for every bucket, the public grants in its ACL and policy and whether AWS honours
 * them: ACL grants to AllUsers/AuthenticatedUsers are ignored when IgnorePublicAcls is effective
 * or ACLs are disabled (BucketOwnerEnforced); public policy statements (AWS's definition, so a
 * `*` pinned by a fixed aws:SourceVpce, aws:PrincipalOrgID…, or by aws:SourceIp ranges that are not
 * internet exposure, is not public) are
 * neutralised when RestrictPublicBuckets is effective. Read/write comes from the actions'
 * access levels. Undefined when any of the bucket's inputs could not be collected.
 *
 * A statement granting an AWS service principal that no condition pins to a source account is
 * public too: any account can point the service at the bucket (a CloudFront distribution serving
 * its objects, a trail delivering into it), much as AuthenticatedUsers admits any account. S3's
 * own definition counts a service principal as fixed, so Block Public Access neither rejects nor
 * restricts such a statement: RestrictPublicBuckets exempts service principals. See
 * {@link serviceGrantAccess} for which of those grants count as read and write.
 */
export function bucketExposure(
  data: ExposureData,
  actions: ActionCatalog,
  options: PolicyAnalysisOptions = {},
): (bucket: S3Bucket) => BucketExposure | undefined {
  const blockOf = effectiveBlock(data);
  const acls = byArn(data.bucketAcls);
  const policies = byArn(data.bucketPolicies);
  const ownership = byArn(data.bucketOwnershipControls);
  return (bucket) => {
    const settings = blockOf(bucket);
    const acl = acls.get(bucket.arn);
    const policy = policies.get(bucket.arn);
    const controls = ownership.get(bucket.arn);
    if (!settings || !acl || !policy || !controls) return undefined;

    const ignoreAcls = settingOn(settings, 'ignorePublicAcls');
    const aclNeutraliser =
      controls.ownership === 'BucketOwnerEnforced'
        ? 'ACLs are disabled (Object Ownership is BucketOwnerEnforced)'
        : ignoreAcls && `IgnorePublicAcls is on at the ${settingLevel(ignoreAcls)} level`;
    const restrict = settingOn(settings, 'restrictPublicBuckets');
    const policyNeutraliser =
      restrict &&
      s3DeemsPublic(policy.policy, options) &&
      `RestrictPublicBuckets is on at the ${settingLevel(restrict)} level`;

    const grants = [
      ...aclGrants(acl).map((g) => (aclNeutraliser ? { ...g, neutralisedBy: aclNeutraliser } : g)),
      ...policyGrants(policy.policy, actions, options).map((g): PublicGrant => {
        if (g.source === 'service') {
          return restrict
            ? { ...g, description: `${g.description}; RestrictPublicBuckets does not apply to AWS service principals` }
            : g;
        }
        return policyNeutraliser ? { ...g, neutralisedBy: policyNeutraliser } : g;
      }),
    ];
    return { bucket, grants };
  };
}

/** The grants of one kind of access, split into those AWS honours and those it neutralises. */
export function grantsOf(
  exposure: BucketExposure,
  kind: AccessKind,
): { active: PublicGrant[]; neutralised: PublicGrant[] } {
  const relevant = exposure.grants.filter((g) => g.access.has(kind));
  return {
    active: relevant.filter((g) => g.neutralisedBy === undefined),
    neutralised: relevant.filter((g) => g.neutralisedBy !== undefined),
  };
}

/** A sentence fragment on neutralised grants, e.g. ` (the ACL grant of READ to … is neutralised: IgnorePublicAcls is on at the bucket level)`. */
export const neutralisedNote = (neutralised: readonly PublicGrant[]): string =>
  neutralised.length === 0
    ? ''
    : ` (${neutralised.map((g) => `${g.description} is neutralised: ${g.neutralisedBy}`).join('; ')})`;

/**
 * Whether a bucket allows public access of one kind, as a verdict-ready sentence ending.
 * e.g. `allows public read access through the ACL grant of READ to everyone (AllUsers)`.
 */
export function describePublicAccess(exposure: BucketExposure, kind: AccessKind): { isPublic: boolean; text: string } {
  const { active, neutralised } = grantsOf(exposure, kind);
  return active.length > 0
    ? { isPublic: true, text: `allows public ${kind} access through ${joinNames(active.map((g) => g.description))}` }
    : { isPublic: false, text: `allows no public ${kind} access${neutralisedNote(neutralised)}` };
}

/** One result per bucket on whether it allows public access of one kind (the public read and public write checks). */
export function publicAccessResults(
  data: ExposureData & { buckets: readonly S3Bucket[] },
  actions: ActionCatalog,
  kind: AccessKind,
  options: PolicyAnalysisOptions = {},
): CheckResult[] {
  const exposureOf = bucketExposure(data, actions, options);
  return data.buckets.flatMap((bucket) => {
    const exposure = exposureOf(bucket);
    if (!exposure) return [];
    const { isPublic, text } = describePublicAccess(exposure, kind);
    return [(isPublic ? fail : pass)(bucket, `${bucketLabel(bucket)} ${text}.`)];
  });
}
