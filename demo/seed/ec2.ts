import {
  AuthorizeSecurityGroupIngressCommand,
  CreateFlowLogsCommand,
  CreateImageCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  type IpPermission,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  ModifySubnetAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
  type ResourceType,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  type RunInstancesCommandInput,
  type TagSpecification,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DEMO_REGIONS, type ExpectedFailure, type SeedContext, type Seeder } from './types.js';

/** An office range Harbor's engineers connect from (TEST-NET-2, documentation space). */
const OFFICE_CIDR = '198.51.100.0/24';

const named = (type: ResourceType, name: string): TagSpecification[] => [
  {
    ResourceType: type,
    Tags: [
      { Key: 'Name', Value: name },
      { Key: 'owner', Value: 'platform-team' },
    ],
  },
];

const tcpFrom = (port: number, cidrs: readonly string[]): IpPermission => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  IpRanges: cidrs.filter((c) => !c.includes(':')).map((CidrIp) => ({ CidrIp })),
  Ipv6Ranges: cidrs.filter((c) => c.includes(':')).map((CidrIpv6) => ({ CidrIpv6 })),
});

/** Seeding helpers bound to one region. */
function regionKit({ accountId, clients }: SeedContext, region: string) {
  const ec2 = clients.get(EC2Client, region);
  const arn = (type: string, id: string) => `arn:aws:ec2:${region}:${accountId}:${type}/${id}`;

  const vpc = async (name: string, cidr: string) => {
    const created = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr, TagSpecifications: named('vpc', name) }));
    return created.Vpc?.VpcId ?? '';
  };

  const subnet = async (vpcId: string, name: string, cidr: string, az: string, autoPublicIp: boolean) => {
    const created = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: cidr,
        AvailabilityZone: az,
        TagSpecifications: named('subnet', name),
      }),
    );
    const id = created.Subnet?.SubnetId ?? '';
    if (autoPublicIp) {
      await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: true } }));
    }
    return id;
  };

  const securityGroup = async (vpcId: string, name: string, description: string, ingress: IpPermission[]) => {
    const created = await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: name,
        Description: description,
        TagSpecifications: named('security-group', name),
      }),
    );
    const id = created.GroupId ?? '';
    if (ingress.length > 0) {
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: ingress }));
    }
    return id;
  };

  const defaultSecurityGroupOf = async (vpcId: string) => {
    const answer = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'group-name', Values: ['default'] },
        ],
      }),
    );
    return answer.SecurityGroups?.[0];
  };

  const defaultNetworkAclOf = async (vpcId: string) => {
    const answer = await ec2.send(
      new DescribeNetworkAclsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'default', Values: ['true'] },
        ],
      }),
    );
    return answer.NetworkAcls?.[0]?.NetworkAclId ?? '';
  };

  const aclEntry = (
    aclId: string,
    ruleNumber: number,
    action: 'allow' | 'deny',
    from: number,
    to: number,
    cidr = '0.0.0.0/0',
  ) =>
    ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: ruleNumber,
        Protocol: '6',
        RuleAction: action,
        Egress: false,
        CidrBlock: cidr,
        PortRange: { From: from, To: to },
      }),
    );

  /** A custom network ACL, associated with the subnet in place of the VPC's default one. */
  const networkAcl = async (vpcId: string, name: string, subnetId: string) => {
    const created = await ec2.send(
      new CreateNetworkAclCommand({ VpcId: vpcId, TagSpecifications: named('network-acl', name) }),
    );
    const id = created.NetworkAcl?.NetworkAclId ?? '';
    const current = await ec2.send(
      new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }),
    );
    const association = current.NetworkAcls?.flatMap((a) => a.Associations ?? []).find((a) => a.SubnetId === subnetId);
    if (association?.NetworkAclAssociationId) {
      await ec2.send(
        new ReplaceNetworkAclAssociationCommand({
          AssociationId: association.NetworkAclAssociationId,
          NetworkAclId: id,
        }),
      );
    }
    return id;
  };

  let baseImage: Promise<{ id: string; rootDevice: string }> | undefined;
  const amazonLinuxImage = () => {
    baseImage ??= ec2
      .send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['amzn2-ami-hvm-*'] }] }))
      .then((answer) => {
        const image = answer.Images?.[0];
        if (!image?.ImageId) throw new Error(`No Amazon Linux 2 image in ${region}`);
        return { id: image.ImageId, rootDevice: image.RootDeviceName ?? '/dev/xvda' };
      });
    return baseImage;
  };

  /**
   * Launches one instance. `encryptedRoot` mirrors Harbor's launch template, which asks for an
   * encrypted root volume; the older instances predate it.
   */
  const instance = async (
    name: string,
    options: {
      subnetId: string;
      securityGroupIds: string[];
      metadata: RunInstancesCommandInput['MetadataOptions'];
      encryptedRoot: boolean;
    },
  ) => {
    const image = await amazonLinuxImage();
    const launched = await ec2.send(
      new RunInstancesCommand({
        ImageId: image.id,
        InstanceType: 't3.small',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: options.subnetId,
        SecurityGroupIds: options.securityGroupIds,
        MetadataOptions: options.metadata,
        ...(options.encryptedRoot && {
          BlockDeviceMappings: [{ DeviceName: image.rootDevice, Ebs: { Encrypted: true, VolumeSize: 20 } }],
        }),
        TagSpecifications: named('instance', name),
      }),
    );
    return launched.Instances?.[0]?.InstanceId ?? '';
  };

  const rootVolumeOf = async (instanceId: string) => {
    const answer = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] }),
    );
    return answer.Volumes?.[0]?.VolumeId ?? '';
  };

  const volume = async (name: string, az: string, sizeGiB: number, encrypted: boolean) => {
    const created = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: az,
        Size: sizeGiB,
        VolumeType: 'gp3',
        Encrypted: encrypted,
        TagSpecifications: named('volume', name),
      }),
    );
    return created.VolumeId ?? '';
  };

  const snapshot = async (volumeId: string, name: string) => {
    const created = await ec2.send(
      new CreateSnapshotCommand({ VolumeId: volumeId, Description: name, TagSpecifications: named('snapshot', name) }),
    );
    return created.SnapshotId ?? '';
  };

  /** Creates an AMI from an instance and returns it with the snapshots EC2 took for it. */
  const image = async (instanceId: string, name: string) => {
    const created = await ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: name }));
    const id = created.ImageId ?? '';
    const described = await ec2.send(new DescribeImagesCommand({ ImageIds: [id] }));
    const snapshotIds = (described.Images?.[0]?.BlockDeviceMappings ?? []).flatMap((m) =>
      m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
    );
    return { id, snapshotIds };
  };

  return {
    ec2,
    arn,
    vpc,
    subnet,
    securityGroup,
    defaultSecurityGroupOf,
    defaultNetworkAclOf,
    aclEntry,
    networkAcl,
    instance,
    rootVolumeOf,
    volume,
    snapshot,
    image,
  };
}

/**
 * What every region of a fresh account already holds and these checks flag: the default VPC
 * (no flow log), its default security group (allows all outbound and, on AWS, inbound from
 * itself), its default network ACL (allows all inbound) and its default subnets (auto-assign
 * public IPv4). Found through Describe calls, for every region the demo scans.
 */
async function defaultNetworkFailures(context: SeedContext): Promise<ExpectedFailure[]> {
  const perRegion = await Promise.all(
    DEMO_REGIONS.map(async (region) => {
      const { ec2, arn } = regionKit(context, region);
      const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
      const vpcIds = (vpcs.Vpcs ?? []).flatMap((v) => (v.VpcId ? [v.VpcId] : []));
      if (vpcIds.length === 0) return [];
      const inDefaultVpc = [{ Name: 'vpc-id', Values: vpcIds }];
      const [groups, acls, subnets] = await Promise.all([
        ec2.send(
          new DescribeSecurityGroupsCommand({
            Filters: [...inDefaultVpc, { Name: 'group-name', Values: ['default'] }],
          }),
        ),
        ec2.send(new DescribeNetworkAclsCommand({ Filters: [...inDefaultVpc, { Name: 'default', Values: ['true'] }] })),
        ec2.send(
          new DescribeSubnetsCommand({ Filters: [...inDefaultVpc, { Name: 'default-for-az', Values: ['true'] }] }),
        ),
      ]);
      return [
        ...vpcIds.map((id) => ({ checkId: 'ec2-vpc-flow-logs-enabled', resourceArn: arn('vpc', id) })),
        ...(groups.SecurityGroups ?? []).map((g) => ({
          checkId: 'ec2-default-security-group-closed',
          resourceArn: arn('security-group', g.GroupId ?? ''),
        })),
        ...(acls.NetworkAcls ?? []).map((a) => ({
          checkId: 'ec2-network-acl-no-public-admin-ports',
          resourceArn: arn('network-acl', a.NetworkAclId ?? ''),
        })),
        ...(subnets.Subnets ?? []).map((s) => ({
          checkId: 'ec2-subnet-no-auto-public-ip',
          resourceArn: arn('subnet', s.SubnetId ?? ''),
        })),
      ];
    }),
  );
  return perRegion.flat();
}

/**
 * Harbor's production estate in us-east-1: a VPC with public and private tiers, the usual
 * mix of well-kept and legacy security groups, instances launched before and after the team
 * adopted an IMDSv2 + encrypted-root launch template, and the EBS data around them.
 */
async function seedUsEast(context: SeedContext): Promise<ExpectedFailure[]> {
  const k = regionKit(context, 'us-east-1');
  const expected: ExpectedFailure[] = [];
  const flag = (checkId: string, resourceArn: string) => expected.push({ checkId, resourceArn });

  const vpcId = await k.vpc('harbor-prod', '10.20.0.0/16');
  await k.ec2.send(
    new CreateFlowLogsCommand({
      ResourceIds: [vpcId],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: '/harbor/vpc-flow-logs',
      DeliverLogsPermissionArn: `arn:aws:iam::${context.accountId}:role/harbor-vpc-flow-logs`,
    }),
  );
  const publicSubnet = await k.subnet(vpcId, 'harbor-prod-public-a', '10.20.0.0/24', 'us-east-1a', true);
  const privateSubnet = await k.subnet(vpcId, 'harbor-prod-private-a', '10.20.10.0/24', 'us-east-1a', false);
  flag('ec2-subnet-no-auto-public-ip', k.arn('subnet', publicSubnet));

  // The prod VPC's default group was emptied when the VPC was built (compliant).
  const prodDefault = await k.defaultSecurityGroupOf(vpcId);
  if (prodDefault?.GroupId) {
    if (prodDefault.IpPermissionsEgress?.length) {
      await k.ec2.send(
        new RevokeSecurityGroupEgressCommand({
          GroupId: prodDefault.GroupId,
          IpPermissions: prodDefault.IpPermissionsEgress,
        }),
      );
    }
    if (prodDefault.IpPermissions?.length) {
      await k.ec2.send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: prodDefault.GroupId,
          IpPermissions: prodDefault.IpPermissions,
        }),
      );
    }
  }

  // Network ACLs. Default ACL: denies SSH and RDP over TCP before its allow-all rule 100, which
  // still admits UDP 22 and 3389 (RDP's UDP transport) from anywhere: EC2.21 counts UDP too.
  const prodDefaultAcl = await k.defaultNetworkAclOf(vpcId);
  await k.aclEntry(prodDefaultAcl, 10, 'deny', 22, 22);
  await k.aclEntry(prodDefaultAcl, 20, 'deny', 3389, 3389);
  flag('ec2-network-acl-no-public-admin-ports', k.arn('network-acl', prodDefaultAcl));
  // Public tier: someone opened SSH to the world next to HTTPS.
  const publicAcl = await k.networkAcl(vpcId, 'harbor-prod-public-nacl', publicSubnet);
  await k.aclEntry(publicAcl, 100, 'allow', 443, 443);
  await k.aclEntry(publicAcl, 110, 'allow', 22, 22);
  await k.aclEntry(publicAcl, 120, 'allow', 1024, 65535);
  flag('ec2-network-acl-no-public-admin-ports', k.arn('network-acl', publicAcl));
  // Private tier: SSH only from the office; RDP denied before the ephemeral-port range that contains 3389.
  const privateAcl = await k.networkAcl(vpcId, 'harbor-prod-private-nacl', privateSubnet);
  await k.aclEntry(privateAcl, 90, 'deny', 3389, 3389);
  await k.aclEntry(privateAcl, 100, 'allow', 22, 22, OFFICE_CIDR);
  await k.aclEntry(privateAcl, 110, 'allow', 1024, 65535);
  // Windows tier: RDP "restricted" to two rules that are each half of the IPv4 internet.
  const windowsSubnet = await k.subnet(vpcId, 'harbor-prod-windows-a', '10.20.20.0/24', 'us-east-1a', false);
  const windowsAcl = await k.networkAcl(vpcId, 'harbor-prod-windows-nacl', windowsSubnet);
  await k.aclEntry(windowsAcl, 100, 'allow', 3389, 3389, '0.0.0.0/1');
  await k.aclEntry(windowsAcl, 110, 'allow', 3389, 3389, '128.0.0.0/1');
  flag('ec2-network-acl-no-public-admin-ports', k.arn('network-acl', windowsAcl));

  // Security groups.
  const web = await k.securityGroup(vpcId, 'harbor-web-frontend', 'Public HTTPS storefront', [
    tcpFrom(443, ['0.0.0.0/0', '::/0']),
    tcpFrom(80, ['0.0.0.0/0']),
  ]);
  const officeSsh = await k.securityGroup(vpcId, 'harbor-office-ssh', 'SSH from the Harbor office', [
    tcpFrom(22, [OFFICE_CIDR]),
  ]);
  const appInternal = await k.securityGroup(vpcId, 'harbor-app-internal', 'App tier behind the storefront', [
    { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: web }] },
  ]);
  const bastion = await k.securityGroup(vpcId, 'harbor-bastion', 'Temporary bastion for the migration', [
    tcpFrom(22, ['0.0.0.0/0']),
  ]);
  // A contractor's "not 0.0.0.0/0" SSH: two rules, each half of the IPv4 internet.
  const splitSsh = await k.securityGroup(vpcId, 'harbor-contractor-ssh', 'SSH for the contractor VPN pool', [
    tcpFrom(22, ['0.0.0.0/1']),
    tcpFrom(22, ['128.0.0.0/1']),
  ]);
  // Its compliant twin: SSH from the internal network and the office only.
  await k.securityGroup(vpcId, 'harbor-internal-ssh', 'SSH from the internal network and the office', [
    tcpFrom(22, ['10.0.0.0/8']),
    tcpFrom(22, [OFFICE_CIDR]),
  ]);
  const windowsJump = await k.securityGroup(vpcId, 'harbor-windows-jump', 'Finance Windows jump host', [
    tcpFrom(3389, ['0.0.0.0/0', '::/0']),
  ]);
  const reportingDb = await k.securityGroup(vpcId, 'harbor-reporting-db', 'BI tool access to reporting Postgres', [
    tcpFrom(5432, ['0.0.0.0/0']),
  ]);
  const partnerApi = await k.securityGroup(vpcId, 'harbor-partner-api', 'Partner order API', [
    tcpFrom(8443, ['0.0.0.0/0']),
  ]);
  for (const id of [bastion, splitSsh, windowsJump, reportingDb, partnerApi]) {
    flag('ec2-security-group-only-authorized-public-ports', k.arn('security-group', id));
  }
  for (const id of [bastion, splitSsh, windowsJump, reportingDb]) {
    flag('ec2-security-group-no-public-high-risk-ports', k.arn('security-group', id));
  }
  flag('ec2-security-group-no-public-ssh', k.arn('security-group', bastion));
  flag('ec2-security-group-no-public-ssh', k.arn('security-group', splitSsh));
  flag('ec2-security-group-no-public-rdp', k.arn('security-group', windowsJump));

  // Instances.
  const webInstance = await k.instance('harbor-web-1', {
    subnetId: publicSubnet,
    securityGroupIds: [web, officeSsh],
    metadata: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    encryptedRoot: true,
  });
  flag('ec2-instance-no-public-ip', k.arn('instance', webInstance));
  const appInstance = await k.instance('harbor-app-1', {
    subnetId: privateSubnet,
    securityGroupIds: [appInternal],
    metadata: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
    encryptedRoot: false,
  });
  flag('ec2-instance-imdsv2-required', k.arn('instance', appInstance));
  flag('ec2-ebs-volume-encrypted', k.arn('volume', await k.rootVolumeOf(appInstance)));
  // Batch host with the metadata service switched off entirely: IMDSv1 cannot be abused.
  await k.instance('harbor-report-runner', {
    subnetId: privateSubnet,
    securityGroupIds: [appInternal],
    metadata: { HttpTokens: 'optional', HttpEndpoint: 'disabled' },
    encryptedRoot: true,
  });
  // A retired IMDSv1 worker: terminated instances are not evaluated.
  const retired = await k.instance('harbor-old-worker', {
    subnetId: privateSubnet,
    securityGroupIds: [appInternal],
    metadata: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
    encryptedRoot: true,
  });
  await k.ec2.send(new TerminateInstancesCommand({ InstanceIds: [retired] }));

  // EBS: a legacy scratch volume from before encryption by default was switched on…
  const scratch = await k.volume('harbor-legacy-scratch', 'us-east-1a', 50, false);
  flag('ec2-ebs-volume-encrypted', k.arn('volume', scratch));
  await k.ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  // …and the orders database volume created since.
  const ordersData = await k.volume('harbor-orders-db-data', 'us-east-1a', 200, true);
  await k.snapshot(ordersData, 'harbor-orders-db-nightly');
  // A catalogue export shared "temporarily" with an agency by making it public.
  const agencyExport = await k.snapshot(scratch, 'harbor-catalog-export-for-agency');
  await k.ec2.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: agencyExport,
      Attribute: 'createVolumePermission',
      OperationType: 'add',
      GroupNames: ['all'],
    }),
  );
  flag('ec2-ebs-snapshot-not-public', k.arn('snapshot', agencyExport));
  flag('ec2-ebs-snapshot-encrypted', k.arn('snapshot', agencyExport));

  // AMIs: the private golden image, and a demo appliance published to the world.
  const golden = await k.image(webInstance, 'harbor-web-golden-2026-11');
  const appliance = await k.image(appInstance, 'harbor-demo-appliance');
  await k.ec2.send(
    new ModifyImageAttributeCommand({ ImageId: appliance.id, LaunchPermission: { Add: [{ Group: 'all' }] } }),
  );
  flag('ec2-ami-not-public', k.arn('image', appliance.id));
  // The appliance was imaged from the unencrypted IMDSv1 app server, so its snapshot is unencrypted.
  for (const id of appliance.snapshotIds) flag('ec2-ebs-snapshot-encrypted', k.arn('snapshot', id));
  // The golden image's snapshot comes from an encrypted root volume: on AWS it is encrypted too.
  // moto does not carry the encryption over (see unencryptedImageSnapshots).
  expected.push(...(await unencryptedImageSnapshots(k.ec2, k.arn, golden.snapshotIds)));

  return expected;
}

/**
 * moto 5.2 creates the snapshots behind CreateImage unencrypted even when the instance's root
 * volume is encrypted (AWS keeps the encryption). The scan reports what the emulator holds, so
 * these are expected FAILs of ec2-ebs-snapshot-encrypted in the demo only.
 */
async function unencryptedImageSnapshots(
  ec2: EC2Client,
  arn: (type: string, id: string) => string,
  snapshotIds: readonly string[],
): Promise<ExpectedFailure[]> {
  if (snapshotIds.length === 0) return [];
  const answer = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [...snapshotIds] }));
  return (answer.Snapshots ?? [])
    .filter((s) => s.Encrypted !== true)
    .map((s) => ({ checkId: 'ec2-ebs-snapshot-encrypted', resourceArn: arn('snapshot', s.SnapshotId ?? '') }));
}

/**
 * Harbor EU in eu-west-1: a newer, smaller VPC nobody has hardened yet (no flow log, default
 * security group and ACL untouched), an SFTP host for a logistics partner in the default VPC,
 * and no EBS encryption by default.
 */
async function seedEuWest(context: SeedContext): Promise<ExpectedFailure[]> {
  const k = regionKit(context, 'eu-west-1');
  const expected: ExpectedFailure[] = [];
  const flag = (checkId: string, resourceArn: string) => expected.push({ checkId, resourceArn });

  const vpcId = await k.vpc('harbor-eu', '10.40.0.0/16');
  flag('ec2-vpc-flow-logs-enabled', k.arn('vpc', vpcId));
  const euDefaultGroup = await k.defaultSecurityGroupOf(vpcId);
  flag('ec2-default-security-group-closed', k.arn('security-group', euDefaultGroup?.GroupId ?? ''));
  flag('ec2-network-acl-no-public-admin-ports', k.arn('network-acl', await k.defaultNetworkAclOf(vpcId)));
  const privateSubnet = await k.subnet(vpcId, 'harbor-eu-private-a', '10.40.10.0/24', 'eu-west-1a', false);
  const api = await k.securityGroup(vpcId, 'harbor-eu-api', 'EU storefront API behind CloudFront', [
    tcpFrom(443, ['0.0.0.0/0']),
  ]);
  await k.instance('harbor-eu-app-1', {
    subnetId: privateSubnet,
    securityGroupIds: [api],
    metadata: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    encryptedRoot: true,
  });

  // The SFTP host sits in a default subnet, which hands it a public address.
  const defaultVpc = await k.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
  const defaultSubnets = await k.ec2.send(
    new DescribeSubnetsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [defaultVpc.Vpcs?.[0]?.VpcId ?? ''] },
        { Name: 'availability-zone', Values: ['eu-west-1a'] },
      ],
    }),
  );
  const sftpGroup = await k.defaultSecurityGroupOf(defaultVpc.Vpcs?.[0]?.VpcId ?? '');
  const sftp = await k.instance('harbor-eu-sftp', {
    subnetId: defaultSubnets.Subnets?.[0]?.SubnetId ?? '',
    securityGroupIds: sftpGroup?.GroupId ? [sftpGroup.GroupId] : [],
    metadata: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    encryptedRoot: false,
  });
  flag('ec2-instance-no-public-ip', k.arn('instance', sftp));
  const sftpRoot = await k.rootVolumeOf(sftp);
  flag('ec2-ebs-volume-encrypted', k.arn('volume', sftpRoot));
  const sftpBackup = await k.snapshot(sftpRoot, 'harbor-eu-sftp-weekly');
  flag('ec2-ebs-snapshot-encrypted', k.arn('snapshot', sftpBackup));

  const archive = await k.volume('harbor-eu-archive', 'eu-west-1a', 100, true);
  await k.snapshot(archive, 'harbor-eu-archive-monthly');

  // EBS encryption by default was never switched on in Ireland.
  flag('ec2-ebs-default-encryption-enabled', `arn:aws:ec2:eu-west-1:${context.accountId}:account`);
  return expected;
}

/**
 * EC2, EBS, VPC and SSM of the Harbor demo account, in us-east-1 and eu-west-1, plus the
 * default network of every scanned region (ap-southeast-1 included), which fails several
 * checks on any new account.
 *
 * What moto 5.2.1 cannot show:
 * - Systems Manager: DescribeInstanceInformation and ListResourceComplianceSummaries are not
 *   implemented (the server answers with an HTML 404 page), so ssm.managedInstances and
 *   ssm.patchCompliance are collection issues and ec2-instance-managed-by-ssm and
 *   ec2-instance-patch-compliant report ERROR per region. Both are unit-tested.
 * - EBS encryption by default does not encrypt new volumes in moto; volumes are created with
 *   an explicit Encrypted flag matching what AWS would do.
 * - moto's default security groups have no inbound self-reference rule (AWS's do); they still
 *   fail on their allow-all outbound rule.
 */
export const seedEc2: Seeder = async (context) => {
  const [defaults, usEast, euWest] = await Promise.all([
    defaultNetworkFailures(context),
    seedUsEast(context),
    seedEuWest(context),
  ]);
  // EBS encryption by default is off in the region the demo leaves untouched.
  const apac = DEMO_REGIONS.filter((r) => r !== 'us-east-1' && r !== 'eu-west-1').map((region) => ({
    checkId: 'ec2-ebs-default-encryption-enabled',
    resourceArn: `arn:aws:ec2:${region}:${context.accountId}:account`,
  }));
  return [...defaults, ...usEast, ...euWest, ...apac];
};
