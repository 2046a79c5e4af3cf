import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudtrailCollectors, normaliseEventSelectors } from '../../lambdas/core/collectors/cloudtrail.js';
import { compliantTrail, trail } from '../fixtures/cloudtrail.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const cloudtrailMock = mockClient(CloudTrailClient);

const arnOf = (region: string, name: string, account = '123456789012') =>
  `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
const REGIONS = ['us-east-1', 'eu-west-1'];

/** What every scanned region answers: its own trails plus every multi-region trail as a shadow. */
const TRAIL_LIST = [
  {
    Name: 'harbor-org-audit',
    TrailARN: arnOf('us-east-1', 'harbor-org-audit'),
    HomeRegion: 'us-east-1',
    IsMultiRegionTrail: true,
    IsOrganizationTrail: false,
    LogFileValidationEnabled: true,
    KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/trail-key',
    S3BucketName: 'harbor-cloudtrail-logs',
    CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:harbor-cloudtrail:*',
  },
  {
    Name: 'harbor-eu-payments-trail',
    TrailARN: arnOf('eu-west-1', 'harbor-eu-payments-trail'),
    HomeRegion: 'eu-west-1',
    IsMultiRegionTrail: false,
    S3BucketName: 'harbor-eu-audit-trail',
  },
  {
    Name: 'harbor-tokyo-dr',
    TrailARN: arnOf('ap-northeast-1', 'harbor-tokyo-dr'),
    HomeRegion: 'ap-northeast-1',
    IsMultiRegionTrail: true,
  },
  {
    Name: 'org-wide',
    TrailARN: arnOf('eu-west-1', 'org-wide', '999988887777'),
    HomeRegion: 'eu-west-1',
    IsMultiRegionTrail: true,
    IsOrganizationTrail: true,
    S3BucketName: 'org-log-archive-999988887777',
  },
];

beforeEach(() => {
  cloudtrailMock.reset();
});

describe('Collector: cloudtrail.trails', () => {
  it('keeps each trail once: in its home region, or in the first scanned region when homed outside the scan', async () => {
    // Prepare
    cloudtrailMock.on(DescribeTrailsCommand).resolves({ trailList: TRAIL_LIST });

    // Act
    const us = await runCollector(cloudtrailCollectors['cloudtrail.trails'], { region: 'us-east-1', regions: REGIONS });
    const eu = await runCollector(cloudtrailCollectors['cloudtrail.trails'], { region: 'eu-west-1', regions: REGIONS });

    // Assess
    expect(cloudtrailMock).toHaveReceivedCommandWith(DescribeTrailsCommand, { includeShadowTrails: true });
    expect(us.value.map((t) => t.name)).toEqual(['harbor-org-audit', 'harbor-tokyo-dr']);
    expect(eu.value.map((t) => t.name)).toEqual(['harbor-eu-payments-trail', 'org-wide']);
  });

  it('normalises trails, taking the owner account from the ARN', async () => {
    // Prepare
    cloudtrailMock.on(DescribeTrailsCommand).resolves({ trailList: TRAIL_LIST });

    // Act
    const { value } = await runCollector(cloudtrailCollectors['cloudtrail.trails'], {
      region: 'eu-west-1',
      regions: REGIONS,
    });

    // Assess
    expect(value).toEqual([
      trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1', s3BucketName: 'harbor-eu-audit-trail' }),
      trail('org-wide', {
        homeRegion: 'eu-west-1',
        accountId: '999988887777',
        multiRegion: true,
        organizationTrail: true,
        s3BucketName: 'org-log-archive-999988887777',
      }),
    ]);
  });

  it('throws when DescribeTrails is denied', async () => {
    // Prepare
    cloudtrailMock
      .on(DescribeTrailsCommand)
      .rejects(awsError('json', 'AccessDeniedException', { message: 'not authorized' }));

    // Act
    const collecting = runCollector(cloudtrailCollectors['cloudtrail.trails']);

    // Assess
    await expect(collecting).rejects.toThrow('not authorized');
  });
});

describe('Collector: cloudtrail.trailStatus', () => {
  const audit = compliantTrail('harbor-org-audit');
  const payments = trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1' });
  const dependencies = { 'cloudtrail.trails': [audit, payments] };

  it('asks each trail’s home region by ARN and normalises the status', async () => {
    // Prepare
    const routed: string[] = [];
    cloudtrailMock.on(GetTrailStatusCommand).callsFake(async (input: { Name: string }, getClient) => {
      routed.push(`${input.Name}@${await getClient().config.region()}`);
      return input.Name === audit.arn
        ? {
            IsLogging: true,
            StartLoggingTime: new Date('2026-01-05T09:00:00Z'),
            LatestCloudWatchLogsDeliveryTime: new Date('2026-11-20T11:58:00Z'),
            LatestDeliveryTime: new Date('2026-11-20T11:55:00Z'),
          }
        : { IsLogging: false, LatestCloudWatchLogsDeliveryError: 'AccessDeniedException' };
    });

    // Act
    const { value, issues } = await runCollector(cloudtrailCollectors['cloudtrail.trailStatus'], { dependencies });

    // Assess
    expect(issues).toEqual([]);
    expect(routed.sort()).toEqual([`${payments.arn}@eu-west-1`, `${audit.arn}@us-east-1`]);
    expect(value).toEqual([
      {
        arn: audit.arn,
        region: 'us-east-1',
        isLogging: true,
        startLoggingTime: new Date('2026-01-05T09:00:00Z'),
        latestCloudWatchLogsDeliveryTime: new Date('2026-11-20T11:58:00Z'),
      },
      {
        arn: payments.arn,
        region: 'eu-west-1',
        isLogging: false,
        latestCloudWatchLogsDeliveryError: 'AccessDeniedException',
      },
    ]);
  });

  it('reports a trail whose status is denied and keeps the others', async () => {
    // Prepare
    cloudtrailMock
      .on(GetTrailStatusCommand, { Name: audit.arn })
      .rejects(awsError('json', 'AccessDeniedException', { message: 'not authorized' }))
      .on(GetTrailStatusCommand, { Name: payments.arn })
      .resolves({ IsLogging: true });

    // Act
    const { value, issues } = await runCollector(cloudtrailCollectors['cloudtrail.trailStatus'], { dependencies });

    // Assess
    expect(value).toEqual([{ arn: payments.arn, region: 'eu-west-1', isLogging: true }]);
    expect(issues).toEqual([
      {
        slice: 'cloudtrail.trailStatus',
        region: 'us-east-1',
        resourceArn: audit.arn,
        errorCode: 'AccessDeniedException',
        message: 'not authorized',
      },
    ]);
  });
});

describe('Collector: cloudtrail.eventSelectors', () => {
  const audit = compliantTrail('harbor-org-audit');
  const payments = trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1' });

  it('reads each trail’s selectors in its home region and reports a failing trail', async () => {
    // Prepare
    cloudtrailMock
      .on(GetEventSelectorsCommand, { TrailName: audit.arn })
      .resolves({
        AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      })
      .on(GetEventSelectorsCommand, { TrailName: payments.arn })
      .rejects(awsError('json', 'TrailNotFoundException'));

    // Act
    const { value, issues } = await runCollector(cloudtrailCollectors['cloudtrail.eventSelectors'], {
      dependencies: { 'cloudtrail.trails': [audit, payments] },
    });

    // Assess
    expect(value).toEqual([
      {
        arn: audit.arn,
        region: 'us-east-1',
        managementEvents: 'All',
        advanced: true,
        excludedManagementEventSources: [],
      },
    ]);
    expect(issues.map((i) => `${i.resourceArn} ${i.errorCode}`)).toEqual([`${payments.arn} TrailNotFoundException`]);
  });
});

describe('Function: normaliseEventSelectors', () => {
  it('reads no selector at all as the default of all management events', () => {
    // Prepare
    const none: never[] = [];

    // Act
    const normalised = normaliseEventSelectors(none, none);

    // Assess
    expect(normalised).toEqual({ managementEvents: 'All', advanced: false, excludedManagementEventSources: [] });
  });

  it.each([
    [[{ ReadWriteType: 'ReadOnly' as const }], 'ReadOnly'],
    [[{ ReadWriteType: 'WriteOnly' as const, IncludeManagementEvents: true }], 'WriteOnly'],
    [
      [{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
      'None',
    ],
    [[{ ReadWriteType: 'ReadOnly' as const }, { ReadWriteType: 'WriteOnly' as const }], 'All'],
  ])('normalises basic selectors %j to %s', (selectors, expected) => {
    // Prepare
    const advanced: never[] = [];

    // Act
    const { managementEvents } = normaliseEventSelectors(selectors, advanced);

    // Assess
    expect(managementEvents).toBe(expected);
  });

  it('keeps an excluded source only where no other selector records it', () => {
    // Prepare
    const selectors = [
      { ReadWriteType: 'All' as const, ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
      { ReadWriteType: 'ReadOnly' as const, ExcludeManagementEventSources: ['rdsdata.amazonaws.com'] },
    ];

    // Act
    const normalised = normaliseEventSelectors(selectors, []);

    // Assess
    expect(normalised).toEqual({
      managementEvents: 'All',
      advanced: false,
      excludedManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'],
    });
  });

  it.each([
    [
      [
        { Field: 'eventCategory', Equals: ['Management'] },
        { Field: 'readOnly', Equals: ['true'] },
      ],
      'ReadOnly',
    ],
    [
      [
        { Field: 'eventCategory', Equals: ['Management'] },
        { Field: 'readOnly', NotEquals: ['true'] },
      ],
      'WriteOnly',
    ],
    [
      [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
      ],
      'None',
    ],
  ])('normalises advanced field selectors %j to %s', (fieldSelectors, expected) => {
    // Prepare
    const advanced = [{ Name: 'selector', FieldSelectors: fieldSelectors }];

    // Act
    const normalised = normaliseEventSelectors([], advanced);

    // Assess
    expect(normalised.managementEvents).toBe(expected);
    expect(normalised.advanced).toBe(true);
  });

  it('reads eventSource exclusions of advanced selectors', () => {
    // Prepare
    const advanced = [
      {
        Name: 'Management events without KMS',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
        ],
      },
    ];

    // Act
    const normalised = normaliseEventSelectors([], advanced);

    // Assess
    expect(normalised).toEqual({
      managementEvents: 'All',
      advanced: true,
      excludedManagementEventSources: ['kms.amazonaws.com'],
    });
  });
});
