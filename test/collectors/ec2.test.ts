import {
  DescribeFlowLogsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ec2Collectors } from '../../lambdas/core/collectors/ec2.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const ec2Mock = mockClient(EC2Client);

const arn = (type: string, id: string, region = 'us-east-1') => `arn:aws:ec2:${region}:123456789012:${type}/${id}`;
const OWNER_FILTER = [{ Name: 'owner-id', Values: ['123456789012'] }];

beforeEach(() => {
  ec2Mock.reset();
});

describe('Collector: ec2.instances', () => {
  it('pages through DescribeInstances with the largest page and the live-state filter, and normalises instances', async () => {
    // Prepare
    ec2Mock
      .on(DescribeInstancesCommand)
      .resolvesOnce({
        Reservations: [
          {
            Instances: [
              {
                InstanceId: 'i-web',
                State: { Name: 'running' },
                PublicIpAddress: '54.1.2.3',
                MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
                ImageId: 'ami-1',
                VpcId: 'vpc-1',
                SubnetId: 'subnet-1',
                SecurityGroups: [{ GroupId: 'sg-web', GroupName: 'web' }],
                IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:instance-profile/web' },
                Tags: [{ Key: 'Name', Value: 'web-1' }],
              },
            ],
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        Reservations: [
          {
            Instances: [
              { InstanceId: 'i-app', State: { Name: 'stopped' }, MetadataOptions: { HttpTokens: 'optional' } },
              { InstanceId: 'i-gone', State: { Name: 'terminated' } },
            ],
          },
        ],
      });

    // Act
    const { value, issues } = await runCollector(ec2Collectors['ec2.instances']);

    // Assess
    expect(issues).toEqual([]);
    const filters = [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }];
    expect(ec2Mock).toHaveReceivedNthCommandWith(DescribeInstancesCommand, 1, { MaxResults: 1000, Filters: filters });
    expect(ec2Mock).toHaveReceivedNthCommandWith(DescribeInstancesCommand, 2, {
      MaxResults: 1000,
      Filters: filters,
      NextToken: 'page-2',
    });
    expect(value).toEqual([
      {
        arn: arn('instance', 'i-web'),
        id: 'i-web',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: { Name: 'web-1' },
        state: 'running',
        publicIpAddress: '54.1.2.3',
        httpTokens: 'required',
        httpEndpoint: 'enabled',
        imageId: 'ami-1',
        vpcId: 'vpc-1',
        subnetId: 'subnet-1',
        securityGroupIds: ['sg-web'],
        instanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/web',
      },
      {
        arn: arn('instance', 'i-app'),
        id: 'i-app',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: {},
        state: 'stopped',
        httpTokens: 'optional',
        securityGroupIds: [],
      },
    ]);
  });

  it('throws when the listing is denied', async () => {
    // Prepare
    ec2Mock.on(DescribeInstancesCommand).rejects(awsError('query', 'UnauthorizedOperation'));

    // Act / Assess
    await expect(runCollector(ec2Collectors['ec2.instances'])).rejects.toThrow('UnauthorizedOperation');
  });

  it('collects from the region being scanned', async () => {
    // Prepare
    ec2Mock
      .on(DescribeInstancesCommand)
      .resolves({ Reservations: [{ Instances: [{ InstanceId: 'i-eu', State: { Name: 'running' } }] }] });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.instances'], { region: 'eu-west-1' });

    // Assess
    expect(await ec2Mock.call(0).thisValue.config.region()).toBe('eu-west-1');
    expect(value[0]).toMatchObject({ arn: arn('instance', 'i-eu', 'eu-west-1'), region: 'eu-west-1' });
  });
});

describe('Collector: ec2.securityGroups', () => {
  it('normalises rules: numbered protocols, IPv4/IPv6 ranges, prefix lists and referenced groups', async () => {
    // Prepare
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({
        SecurityGroups: [
          {
            GroupId: 'sg-1',
            GroupName: 'bastion',
            VpcId: 'vpc-1',
            Description: 'ssh',
            IpPermissions: [
              {
                IpProtocol: '6',
                FromPort: 22,
                ToPort: 22,
                IpRanges: [{ CidrIp: '0.0.0.0/0' }],
                Ipv6Ranges: [{ CidrIpv6: '::/0' }],
              },
              { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1' }], PrefixListIds: [{ PrefixListId: 'pl-1' }] },
            ],
            IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
          },
        ],
        NextToken: 'next',
      })
      .resolvesOnce({ SecurityGroups: [{ GroupId: 'sg-2', GroupName: 'default' }] });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.securityGroups']);

    // Assess
    expect(ec2Mock).toHaveReceivedCommandTimes(DescribeSecurityGroupsCommand, 2);
    expect(ec2Mock).toHaveReceivedNthCommandWith(DescribeSecurityGroupsCommand, 1, { MaxResults: 1000 });
    expect(value[0]).toEqual({
      arn: arn('security-group', 'sg-1'),
      id: 'sg-1',
      region: 'us-east-1',
      accountId: '123456789012',
      tags: {},
      name: 'bastion',
      vpcId: 'vpc-1',
      description: 'ssh',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          ipv4Ranges: ['0.0.0.0/0'],
          ipv6Ranges: ['::/0'],
          prefixListIds: [],
          referencedGroupIds: [],
        },
        { protocol: '-1', ipv4Ranges: [], ipv6Ranges: [], prefixListIds: ['pl-1'], referencedGroupIds: ['sg-1'] },
      ],
      egress: [
        { protocol: '-1', ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] },
      ],
    });
    expect(value[1]).toMatchObject({ id: 'sg-2', name: 'default', ingress: [], egress: [] });
  });
});

describe('Collector: ec2.snapshots', () => {
  const own = [
    { SnapshotId: 'snap-public', Encrypted: false, VolumeId: 'vol-1', OwnerId: '123456789012' },
    { SnapshotId: 'snap-private', Encrypted: true, Description: 'nightly', OwnerId: '123456789012' },
    { SnapshotId: 'snap-denied', Encrypted: true, OwnerId: '123456789012' },
  ];

  it('lists own snapshots once and confirms only the public candidates', async () => {
    // Prepare
    ec2Mock
      .on(DescribeSnapshotsCommand)
      .resolves({ Snapshots: own })
      .on(DescribeSnapshotsCommand, { RestorableByUserIds: ['all'] })
      .resolves({ Snapshots: [own[0] ?? {}] })
      .on(DescribeSnapshotAttributeCommand)
      .resolves({ CreateVolumePermissions: [{ Group: 'all' }] });

    // Act
    const { value, issues } = await runCollector(ec2Collectors['ec2.snapshots']);

    // Assess
    expect(issues).toEqual([]);
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeSnapshotsCommand, {
      OwnerIds: ['self'],
      Filters: OWNER_FILTER,
      MaxResults: 1000,
    });
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeSnapshotsCommand, {
      OwnerIds: ['self'],
      RestorableByUserIds: ['all'],
      Filters: OWNER_FILTER,
      MaxResults: 1000,
    });
    expect(ec2Mock).toHaveReceivedCommandTimes(DescribeSnapshotAttributeCommand, 1);
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeSnapshotAttributeCommand, {
      SnapshotId: 'snap-public',
      Attribute: 'createVolumePermission',
    });
    expect(value).toEqual([
      {
        arn: arn('snapshot', 'snap-public'),
        id: 'snap-public',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: {},
        encrypted: false,
        volumeId: 'vol-1',
        public: true,
      },
      {
        arn: arn('snapshot', 'snap-private'),
        id: 'snap-private',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: {},
        encrypted: true,
        public: false,
        description: 'nightly',
      },
      expect.objectContaining({ id: 'snap-denied', public: false }),
    ]);
  });

  it('never marks a snapshot public when the RestorableByUserIds filter is ignored', async () => {
    // Prepare: every own snapshot comes back as a candidate, only one grants `all`.
    ec2Mock
      .on(DescribeSnapshotsCommand)
      .resolves({ Snapshots: own })
      .on(DescribeSnapshotAttributeCommand)
      .resolves({ CreateVolumePermissions: [{ UserId: '210987654321' }] })
      .on(DescribeSnapshotAttributeCommand, { SnapshotId: 'snap-public' })
      .resolves({ CreateVolumePermissions: [{ Group: 'all' }] });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.snapshots']);

    // Assess
    expect(ec2Mock).toHaveReceivedCommandTimes(DescribeSnapshotAttributeCommand, 3);
    expect(value.map((s) => [s.id, s.public])).toEqual([
      ['snap-public', true],
      ['snap-private', false],
      ['snap-denied', false],
    ]);
  });

  it('reports an issue for a candidate whose permission cannot be read and keeps the others', async () => {
    // Prepare
    ec2Mock
      .on(DescribeSnapshotsCommand)
      .resolves({ Snapshots: own })
      .on(DescribeSnapshotAttributeCommand)
      .resolves({ CreateVolumePermissions: [{ Group: 'all' }] })
      .on(DescribeSnapshotAttributeCommand, { SnapshotId: 'snap-denied' })
      .rejects(awsError('query', 'UnauthorizedOperation', { message: 'not allowed' }));

    // Act
    const { value, issues } = await runCollector(ec2Collectors['ec2.snapshots']);

    // Assess
    expect(issues).toEqual([
      {
        slice: 'ec2.snapshots',
        region: 'us-east-1',
        resourceArn: arn('snapshot', 'snap-denied'),
        errorCode: 'UnauthorizedOperation',
        message: 'not allowed',
      },
    ]);
    expect(value.map((s) => [s.id, s.public])).toEqual([
      ['snap-public', true],
      ['snap-private', true],
      ['snap-denied', undefined],
    ]);
    expect(value[2]).not.toHaveProperty('public');
  });

  it('throws when the listing is denied', async () => {
    // Prepare
    ec2Mock.on(DescribeSnapshotsCommand).rejects(awsError('query', 'UnauthorizedOperation'));

    // Act / Assess
    await expect(runCollector(ec2Collectors['ec2.snapshots'])).rejects.toThrow('UnauthorizedOperation');
  });

  it('pages through own snapshots', async () => {
    // Prepare: the candidate query finds nothing; the own-snapshot listing has two pages.
    ec2Mock.on(DescribeSnapshotsCommand).callsFake((input: { RestorableByUserIds?: string[]; NextToken?: string }) => {
      if (input.RestorableByUserIds) return { Snapshots: [] };
      return input.NextToken === 't2' ? { Snapshots: [own[2]] } : { Snapshots: [own[1]], NextToken: 't2' };
    });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.snapshots']);

    // Assess
    expect(value.map((s) => s.id)).toEqual(['snap-private', 'snap-denied']);
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeSnapshotsCommand, {
      OwnerIds: ['self'],
      Filters: OWNER_FILTER,
      MaxResults: 1000,
      NextToken: 't2',
    });
    expect(ec2Mock).toHaveReceivedCommandTimes(DescribeSnapshotAttributeCommand, 0);
  });
});

describe('Collector: ec2.images', () => {
  it('lists only own images and keeps their public flag', async () => {
    // Prepare
    ec2Mock.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-public', Name: 'appliance', Public: true, State: 'available' },
        { ImageId: 'ami-private', Public: false },
      ],
    });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.images']);

    // Assess
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeImagesCommand, { Owners: ['self'], MaxResults: 1000 });
    expect(value).toEqual([
      {
        arn: arn('image', 'ami-public'),
        id: 'ami-public',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: {},
        name: 'appliance',
        public: true,
        state: 'available',
      },
      {
        arn: arn('image', 'ami-private'),
        id: 'ami-private',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: {},
        public: false,
      },
    ]);
  });
});

describe('Collector: ec2.networkAcls', () => {
  it('normalises entries and subnet associations', async () => {
    // Prepare
    ec2Mock.on(DescribeNetworkAclsCommand).resolves({
      NetworkAcls: [
        {
          NetworkAclId: 'acl-1',
          VpcId: 'vpc-1',
          IsDefault: true,
          Associations: [{ SubnetId: 'subnet-1' }, { SubnetId: 'subnet-2' }],
          Entries: [
            {
              RuleNumber: 90,
              Protocol: '6',
              RuleAction: 'deny',
              Egress: false,
              CidrBlock: '0.0.0.0/0',
              PortRange: { From: 22, To: 22 },
            },
            { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, Ipv6CidrBlock: '::/0' },
          ],
        },
      ],
    });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.networkAcls']);

    // Assess
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeNetworkAclsCommand, { MaxResults: 1000 });
    expect(value).toEqual([
      {
        arn: arn('network-acl', 'acl-1'),
        id: 'acl-1',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: {},
        vpcId: 'vpc-1',
        isDefault: true,
        subnetIds: ['subnet-1', 'subnet-2'],
        entries: [
          {
            ruleNumber: 90,
            protocol: '6',
            ruleAction: 'deny',
            egress: false,
            cidrBlock: '0.0.0.0/0',
            portRange: { from: 22, to: 22 },
          },
          { ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: false, ipv6CidrBlock: '::/0' },
        ],
      },
    ]);
  });
});

describe('Collector: ec2.volumes, ec2.subnets, ec2.vpcs', () => {
  it('normalises volumes with their attachments', async () => {
    // Prepare
    ec2Mock.on(DescribeVolumesCommand).resolves({
      Volumes: [
        {
          VolumeId: 'vol-1',
          Encrypted: true,
          KmsKeyId: 'key-1',
          State: 'in-use',
          Size: 8,
          Attachments: [{ InstanceId: 'i-1' }],
        },
        { VolumeId: 'vol-2', State: 'available' },
      ],
    });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.volumes']);

    // Assess
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeVolumesCommand, { MaxResults: 1000 });
    expect(value).toEqual([
      expect.objectContaining({
        id: 'vol-1',
        arn: arn('volume', 'vol-1'),
        encrypted: true,
        kmsKeyId: 'key-1',
        sizeGiB: 8,
        attachedInstanceIds: ['i-1'],
      }),
      expect.objectContaining({ id: 'vol-2', encrypted: false, state: 'available', attachedInstanceIds: [] }),
    ]);
  });

  it('normalises subnets and VPCs', async () => {
    // Prepare
    ec2Mock
      .on(DescribeSubnetsCommand)
      .resolves({
        Subnets: [
          {
            SubnetId: 'subnet-1',
            VpcId: 'vpc-1',
            AvailabilityZone: 'us-east-1a',
            CidrBlock: '172.31.0.0/20',
            MapPublicIpOnLaunch: true,
            DefaultForAz: true,
          },
        ],
      })
      .on(DescribeVpcsCommand)
      .resolves({
        Vpcs: [
          {
            VpcId: 'vpc-1',
            IsDefault: true,
            CidrBlock: '172.31.0.0/16',
            State: 'available',
            Tags: [{ Key: 'Name', Value: 'main' }],
          },
        ],
      });

    // Act
    const subnets = await runCollector(ec2Collectors['ec2.subnets']);
    const vpcs = await runCollector(ec2Collectors['ec2.vpcs']);

    // Assess
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeSubnetsCommand, { MaxResults: 1000 });
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeVpcsCommand, { MaxResults: 1000 });
    expect(subnets.value).toEqual([
      {
        arn: arn('subnet', 'subnet-1'),
        id: 'subnet-1',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: {},
        vpcId: 'vpc-1',
        availabilityZone: 'us-east-1a',
        cidrBlock: '172.31.0.0/20',
        mapPublicIpOnLaunch: true,
        defaultForAz: true,
      },
    ]);
    expect(vpcs.value).toEqual([
      {
        arn: arn('vpc', 'vpc-1'),
        id: 'vpc-1',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: { Name: 'main' },
        isDefault: true,
        cidrBlock: '172.31.0.0/16',
        state: 'available',
      },
    ]);
  });
});

describe('Collector: ec2.flowLogs and ec2.ebsEncryptionByDefault', () => {
  it('normalises flow logs', async () => {
    // Prepare
    ec2Mock.on(DescribeFlowLogsCommand).resolves({
      FlowLogs: [
        {
          FlowLogId: 'fl-1',
          ResourceId: 'vpc-1',
          FlowLogStatus: 'ACTIVE',
          DeliverLogsStatus: 'SUCCESS',
          TrafficType: 'ALL',
        },
        { FlowLogId: 'fl-2' },
      ],
    });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.flowLogs'], { region: 'eu-west-1' });

    // Assess
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeFlowLogsCommand, { MaxResults: 1000 });
    expect(value).toEqual([
      {
        id: 'fl-1',
        region: 'eu-west-1',
        resourceId: 'vpc-1',
        status: 'ACTIVE',
        deliverLogsStatus: 'SUCCESS',
        trafficType: 'ALL',
      },
    ]);
  });

  it('reads the regional EBS encryption default', async () => {
    // Prepare
    ec2Mock.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });

    // Act
    const { value } = await runCollector(ec2Collectors['ec2.ebsEncryptionByDefault'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([{ region: 'eu-west-1', enabled: true }]);
  });

  it('throws when the EBS encryption default is denied', async () => {
    // Prepare
    ec2Mock.on(GetEbsEncryptionByDefaultCommand).rejects(awsError('query', 'UnauthorizedOperation'));

    // Act / Assess
    await expect(runCollector(ec2Collectors['ec2.ebsEncryptionByDefault'])).rejects.toThrow('UnauthorizedOperation');
  });
});

describe('Collectors: ec2 IAM actions', () => {
  it('declares exactly the actions each slice calls', () => {
    // Prepare / Act
    const actions = Object.fromEntries(Object.values(ec2Collectors).map((c) => [c.key, c.actions]));

    // Assess
    expect(actions).toEqual({
      'ec2.instances': ['ec2:DescribeInstances'],
      'ec2.securityGroups': ['ec2:DescribeSecurityGroups'],
      'ec2.volumes': ['ec2:DescribeVolumes'],
      'ec2.snapshots': ['ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute'],
      'ec2.images': ['ec2:DescribeImages'],
      'ec2.networkAcls': ['ec2:DescribeNetworkAcls'],
      'ec2.subnets': ['ec2:DescribeSubnets'],
      'ec2.vpcs': ['ec2:DescribeVpcs'],
      'ec2.flowLogs': ['ec2:DescribeFlowLogs'],
      'ec2.ebsEncryptionByDefault': ['ec2:GetEbsEncryptionByDefault'],
    });
  });
});
