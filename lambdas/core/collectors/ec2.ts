import {
  DescribeSnapshotAttributeCommand,
  EC2Client,
  type Filter,
  GetEbsEncryptionByDefaultCommand,
  type Instance,
  type IpPermission,
  paginateDescribeFlowLogs,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeNetworkAcls,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  type NetworkAclEntry as SdkNetworkAclEntry,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { EbsSnapshot, NetworkAclEntry, SecurityGroupRule } from '../inventory/index.js';
import { tagRecord } from './shapes.js';
import type { CollectContext, SliceCollectors } from './types.js';

/**
 * The largest page every Describe call below accepts. Passing MaxResults also moves the call
 * from EC2's small "unpaginated" throttling bucket to the regular Describe bucket.
 */
export const EC2_PAGE_SIZE = 1000;

/** Instances in these states no longer exist for any practical purpose. */
const LIVE_INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped'];

const client = (context: CollectContext): EC2Client => context.clients.get(EC2Client, context.region);

async function collectPages<P, T>(pages: AsyncIterable<P>, items: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

const ec2Arn = (context: CollectContext, type: string, id: string): string =>
  `arn:${context.partition}:ec2:${context.region}:${context.accountId}:${type}/${id}`;

/** Fields every EC2 inventory item carries. */
const base = (context: CollectContext, type: string, id: string, tags?: readonly Tag[]) => ({
  arn: ec2Arn(context, type, id),
  id,
  region: context.region,
  accountId: context.accountId,
  tags: tagRecord(tags),
});

/** Security groups report protocols by name, but accept and may echo IANA numbers. */
const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

function toSecurityGroupRules(permissions: readonly IpPermission[] | undefined): SecurityGroupRule[] {
  return (permissions ?? []).map((p) => {
    const protocol = p.IpProtocol ?? '-1';
    return {
      protocol: PROTOCOL_NAMES[protocol] ?? protocol,
      ...(p.FromPort !== undefined && { fromPort: p.FromPort }),
      ...(p.ToPort !== undefined && { toPort: p.ToPort }),
      ipv4Ranges: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
      ipv6Ranges: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
      prefixListIds: (p.PrefixListIds ?? []).flatMap((r) => (r.PrefixListId ? [r.PrefixListId] : [])),
      referencedGroupIds: (p.UserIdGroupPairs ?? []).flatMap((r) => (r.GroupId ? [r.GroupId] : [])),
    };
  });
}

function toNetworkAclEntry(entry: SdkNetworkAclEntry): NetworkAclEntry {
  return {
    ruleNumber: entry.RuleNumber ?? 32767,
    protocol: entry.Protocol ?? '-1',
    ruleAction: entry.RuleAction === 'allow' ? 'allow' : 'deny',
    egress: entry.Egress === true,
    ...(entry.CidrBlock !== undefined && { cidrBlock: entry.CidrBlock }),
    ...(entry.Ipv6CidrBlock !== undefined && { ipv6CidrBlock: entry.Ipv6CidrBlock }),
    ...(entry.PortRange?.From !== undefined &&
      entry.PortRange.To !== undefined && { portRange: { from: entry.PortRange.From, to: entry.PortRange.To } }),
  };
}

function toInstance(instance: Instance, context: CollectContext) {
  const id = instance.InstanceId ?? '';
  const metadata = instance.MetadataOptions;
  return {
    ...base(context, 'instance', id, instance.Tags),
    state: instance.State?.Name ?? 'unknown',
    ...(instance.PublicIpAddress !== undefined && { publicIpAddress: instance.PublicIpAddress }),
    ...(metadata?.HttpTokens !== undefined && { httpTokens: metadata.HttpTokens }),
    ...(metadata?.HttpEndpoint !== undefined && { httpEndpoint: metadata.HttpEndpoint }),
    ...(instance.ImageId !== undefined && { imageId: instance.ImageId }),
    ...(instance.Platform !== undefined && { platform: instance.Platform }),
    ...(instance.LaunchTime !== undefined && { launchTime: instance.LaunchTime }),
    ...(instance.VpcId !== undefined && { vpcId: instance.VpcId }),
    ...(instance.SubnetId !== undefined && { subnetId: instance.SubnetId }),
    securityGroupIds: (instance.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    ...(instance.IamInstanceProfile?.Arn !== undefined && { instanceProfileArn: instance.IamInstanceProfile.Arn }),
  };
}

/**
 * The account's own snapshots. `OwnerIds: ['self']` is what AWS honours; the `owner-id` filter
 * says the same and is what keeps emulators that ignore `OwnerIds` from returning other
 * accounts' public snapshots.
 */
function describeOwnSnapshots(context: CollectContext, extra: { RestorableByUserIds?: string[] } = {}) {
  const filters: Filter[] = [{ Name: 'owner-id', Values: [context.accountId] }];
  return collectPages(
    paginateDescribeSnapshots(
      { client: client(context), pageSize: EC2_PAGE_SIZE },
      { OwnerIds: ['self'], Filters: filters, ...extra },
    ),
    (page) => page.Snapshots,
  );
}

/** Whether a snapshot's createVolumePermission grants the group `all` (every AWS account). */
async function isPublicSnapshot(context: CollectContext, snapshotId: string): Promise<boolean> {
  const answer = await client(context).send(
    new DescribeSnapshotAttributeCommand({ SnapshotId: snapshotId, Attribute: 'createVolumePermission' }),
  );
  return (answer.CreateVolumePermissions ?? []).some((p) => p.Group === 'all');
}

async function collectSnapshots(context: CollectContext): Promise<EbsSnapshot[]> {
  // On AWS, RestorableByUserIds ['all'] narrows the own snapshots to exactly the public ones,
  // so one listing replaces a DescribeSnapshotAttribute per snapshot. Each candidate is still
  // confirmed through its attribute: if the filter is ignored (an emulator or proxy), the
  // candidates are merely more numerous, never wrongly public.
  const [own, candidates] = await Promise.all([
    describeOwnSnapshots(context),
    describeOwnSnapshots(context, { RestorableByUserIds: ['all'] }),
  ]);
  const candidateIds = [...new Set(candidates.flatMap((s) => (s.SnapshotId ? [s.SnapshotId] : [])))];
  const publicById = new Map<string, boolean | undefined>();
  await context.mapLimited(candidateIds, async (id) => {
    try {
      publicById.set(id, await isPublicSnapshot(context, id));
    } catch (error) {
      context.reportIssue({ resourceArn: ec2Arn(context, 'snapshot', id), region: context.region, error });
      publicById.set(id, undefined);
    }
  });
  return own.flatMap((snapshot) => {
    const id = snapshot.SnapshotId;
    if (!id) return [];
    const isPublic = publicById.has(id) ? publicById.get(id) : false;
    return [
      {
        ...base(context, 'snapshot', id, snapshot.Tags),
        encrypted: snapshot.Encrypted === true,
        ...(snapshot.VolumeId !== undefined && { volumeId: snapshot.VolumeId }),
        ...(isPublic !== undefined && { public: isPublic }),
        ...(snapshot.Description && { description: snapshot.Description }),
        ...(snapshot.StartTime !== undefined && { startTime: snapshot.StartTime }),
      },
    ];
  });
}

export const ec2Collectors: SliceCollectors<
  | 'ec2.instances'
  | 'ec2.securityGroups'
  | 'ec2.volumes'
  | 'ec2.snapshots'
  | 'ec2.images'
  | 'ec2.networkAcls'
  | 'ec2.subnets'
  | 'ec2.vpcs'
  | 'ec2.flowLogs'
  | 'ec2.ebsEncryptionByDefault'
> = {
  'ec2.instances': {
    key: 'ec2.instances',
    scope: 'regional',
    actions: ['ec2:DescribeInstances'],
    async collect(context) {
      const reservations = await collectPages(
        paginateDescribeInstances(
          { client: client(context), pageSize: EC2_PAGE_SIZE },
          { Filters: [{ Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES }] },
        ),
        (page) => page.Reservations,
      );
      // The state filter is re-applied locally so that a listing which ignores it cannot
      // bring terminated instances back into the checks.
      return reservations
        .flatMap((r) => r.Instances ?? [])
        .filter((i) => i.InstanceId && LIVE_INSTANCE_STATES.includes(i.State?.Name ?? 'pending'))
        .map((i) => toInstance(i, context));
    },
  },

  'ec2.securityGroups': {
    key: 'ec2.securityGroups',
    scope: 'regional',
    actions: ['ec2:DescribeSecurityGroups'],
    async collect(context) {
      const groups = await collectPages(
        paginateDescribeSecurityGroups({ client: client(context), pageSize: EC2_PAGE_SIZE }, {}),
        (page) => page.SecurityGroups,
      );
      return groups
        .filter((g) => g.GroupId)
        .map((g) => ({
          ...base(context, 'security-group', g.GroupId ?? '', g.Tags),
          name: g.GroupName ?? '',
          ...(g.VpcId !== undefined && { vpcId: g.VpcId }),
          ...(g.Description !== undefined && { description: g.Description }),
          ingress: toSecurityGroupRules(g.IpPermissions),
          egress: toSecurityGroupRules(g.IpPermissionsEgress),
        }));
    },
  },

  'ec2.volumes': {
    key: 'ec2.volumes',
    scope: 'regional',
    actions: ['ec2:DescribeVolumes'],
    async collect(context) {
      const volumes = await collectPages(
        paginateDescribeVolumes({ client: client(context), pageSize: EC2_PAGE_SIZE }, {}),
        (page) => page.Volumes,
      );
      return volumes
        .filter((v) => v.VolumeId)
        .map((v) => ({
          ...base(context, 'volume', v.VolumeId ?? '', v.Tags),
          encrypted: v.Encrypted === true,
          ...(v.KmsKeyId !== undefined && { kmsKeyId: v.KmsKeyId }),
          state: v.State ?? 'unknown',
          ...(v.Size !== undefined && { sizeGiB: v.Size }),
          attachedInstanceIds: (v.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
        }));
    },
  },

  'ec2.snapshots': {
    key: 'ec2.snapshots',
    scope: 'regional',
    actions: ['ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute'],
    collect: collectSnapshots,
  },

  'ec2.images': {
    key: 'ec2.images',
    scope: 'regional',
    actions: ['ec2:DescribeImages'],
    async collect(context) {
      const images = await collectPages(
        paginateDescribeImages({ client: client(context), pageSize: EC2_PAGE_SIZE }, { Owners: ['self'] }),
        (page) => page.Images,
      );
      return images
        .filter((i) => i.ImageId)
        .map((i) => ({
          ...base(context, 'image', i.ImageId ?? '', i.Tags),
          ...(i.Name !== undefined && { name: i.Name }),
          public: i.Public === true,
          ...(i.State !== undefined && { state: i.State }),
        }));
    },
  },

  'ec2.networkAcls': {
    key: 'ec2.networkAcls',
    scope: 'regional',
    actions: ['ec2:DescribeNetworkAcls'],
    async collect(context) {
      const acls = await collectPages(
        paginateDescribeNetworkAcls({ client: client(context), pageSize: EC2_PAGE_SIZE }, {}),
        (page) => page.NetworkAcls,
      );
      return acls
        .filter((a) => a.NetworkAclId)
        .map((a) => ({
          ...base(context, 'network-acl', a.NetworkAclId ?? '', a.Tags),
          ...(a.VpcId !== undefined && { vpcId: a.VpcId }),
          isDefault: a.IsDefault === true,
          entries: (a.Entries ?? []).map(toNetworkAclEntry),
          subnetIds: (a.Associations ?? []).flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])),
        }));
    },
  },

  'ec2.subnets': {
    key: 'ec2.subnets',
    scope: 'regional',
    actions: ['ec2:DescribeSubnets'],
    async collect(context) {
      const subnets = await collectPages(
        paginateDescribeSubnets({ client: client(context), pageSize: EC2_PAGE_SIZE }, {}),
        (page) => page.Subnets,
      );
      return subnets
        .filter((s) => s.SubnetId)
        .map((s) => ({
          ...base(context, 'subnet', s.SubnetId ?? '', s.Tags),
          ...(s.VpcId !== undefined && { vpcId: s.VpcId }),
          ...(s.AvailabilityZone !== undefined && { availabilityZone: s.AvailabilityZone }),
          ...(s.CidrBlock !== undefined && { cidrBlock: s.CidrBlock }),
          mapPublicIpOnLaunch: s.MapPublicIpOnLaunch === true,
          defaultForAz: s.DefaultForAz === true,
        }));
    },
  },

  'ec2.vpcs': {
    key: 'ec2.vpcs',
    scope: 'regional',
    actions: ['ec2:DescribeVpcs'],
    async collect(context) {
      const vpcs = await collectPages(
        paginateDescribeVpcs({ client: client(context), pageSize: EC2_PAGE_SIZE }, {}),
        (page) => page.Vpcs,
      );
      return vpcs
        .filter((v) => v.VpcId)
        .map((v) => ({
          ...base(context, 'vpc', v.VpcId ?? '', v.Tags),
          isDefault: v.IsDefault === true,
          ...(v.CidrBlock !== undefined && { cidrBlock: v.CidrBlock }),
          ...(v.State !== undefined && { state: v.State }),
        }));
    },
  },

  'ec2.flowLogs': {
    key: 'ec2.flowLogs',
    scope: 'regional',
    actions: ['ec2:DescribeFlowLogs'],
    async collect(context) {
      const flowLogs = await collectPages(
        paginateDescribeFlowLogs({ client: client(context), pageSize: EC2_PAGE_SIZE }, {}),
        (page) => page.FlowLogs,
      );
      return flowLogs
        .filter((f) => f.FlowLogId && f.ResourceId)
        .map((f) => ({
          id: f.FlowLogId ?? '',
          region: context.region,
          resourceId: f.ResourceId ?? '',
          ...(f.FlowLogStatus !== undefined && { status: f.FlowLogStatus }),
          ...(f.DeliverLogsStatus !== undefined && { deliverLogsStatus: f.DeliverLogsStatus }),
          ...(f.TrafficType !== undefined && { trafficType: f.TrafficType }),
        }));
    },
  },

  'ec2.ebsEncryptionByDefault': {
    key: 'ec2.ebsEncryptionByDefault',
    scope: 'regional',
    actions: ['ec2:GetEbsEncryptionByDefault'],
    async collect(context) {
      const answer = await client(context).send(new GetEbsEncryptionByDefaultCommand({}));
      return [{ region: context.region, enabled: answer.EbsEncryptionByDefault === true }];
    },
  },
};
