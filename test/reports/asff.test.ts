import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ASFF_LIMITS, asffFinding, renderAsff, truncate } from '../../lambdas/core/reports/asff.js';
import { finding, report as makeReport, scopeError } from '../helpers/findings.js';

/**
 * The AWS Security Finding Format's required fields and limits, as the ASFF reference states them (the fields
 * srm-scan fills): BatchImportFindings rejects a finding that breaks one of them.
 */
const timestamp = z.iso.datetime({ offset: true });
const asffSchema = z
  .object({
    SchemaVersion: z.literal('2018-10-08'),
    Id: z.string().min(1).max(512),
    ProductArn: z.string().regex(/^arn:aws(-cn|-us-gov)?:securityhub:[a-z0-9-]+:(\d{12}):product\/\2\/default$/),
    GeneratorId: z.string().min(1).max(512),
    AwsAccountId: z.string().regex(/^\d{12}$/),
    Types: z
      .array(z.string().regex(/^[^/]+(\/[^/]+){0,2}$/))
      .min(1)
      .max(50),
    CreatedAt: timestamp,
    UpdatedAt: timestamp,
    FirstObservedAt: timestamp,
    LastObservedAt: timestamp,
    Severity: z.object({ Label: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']), Original: z.string() }),
    Title: z.string().min(1).max(256),
    Description: z.string().min(1).max(1024),
    Remediation: z.object({
      Recommendation: z.object({ Text: z.string().max(512), Url: z.url() }),
    }),
    ProductFields: z
      .record(z.string().min(1).max(128), z.string().max(2048))
      .refine((fields) => Object.keys(fields).length <= 50, 'at most 50 ProductFields')
      .refine((fields) => Object.keys(fields).every((key) => !key.startsWith('aws/')), 'aws/ keys are reserved'),
    Resources: z
      .array(
        z.object({
          Type: z.string().min(1),
          Id: z.string().min(1),
          Partition: z.enum(['aws', 'aws-cn', 'aws-us-gov']),
          Region: z.string().min(1),
        }),
      )
      .min(1)
      .max(32),
    Compliance: z.object({
      Status: z.enum(['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE']),
      RelatedRequirements: z.array(z.string().max(256)).max(32).optional(),
    }),
    FindingProviderFields: z.object({ Severity: z.object({ Label: z.string() }), Types: z.array(z.string()) }),
    Workflow: z.object({ Status: z.enum(['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED']) }),
    RecordState: z.enum(['ACTIVE', 'ARCHIVED']),
  })
  .loose();

const LONG = 'x'.repeat(3000);

describe('Function: asffFinding', () => {
  it('satisfies the ASFF constraints for a FAIL, a suppressed FAIL, a PASS, an ERROR and over-long texts', () => {
    // Prepare
    const findings = [
      finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::logs', 'FAIL', {
        compliance: [{ framework: 'aws-fsbp', control: 'S3.14' }],
      }),
      finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::tmp', 'FAIL', {
        suppression: { index: 0, checkId: '*', resource: '*', reason: 'scratch', expiresAt: '2027-01-01' },
      }),
      finding('ec2-volume-encrypted', 'arn:aws-cn:ec2:cn-north-1:123456789012:volume/vol-1', 'PASS', {
        region: 'cn-north-1',
        resourceType: 'AwsEc2Volume',
      }),
      scopeError('iam-user-mfa-enabled', 'iam', 'global'),
      finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::long', 'FAIL', {
        title: LONG,
        message: `${'é'.repeat(1022)}😀😀`,
        remediation: { text: LONG, url: 'https://docs.aws.amazon.com/', cli: LONG },
      }),
    ];

    // Act
    const records = findings.map((f) => asffFinding(f, { scanId: 'scan-1', importRegion: 'eu-west-1' }));

    // Assess
    for (const record of records) expect(asffSchema.safeParse(record).error?.issues ?? []).toEqual([]);
  });

  it('maps a FAIL onto the account product, the check id, FAILED compliance and the SRM product fields', () => {
    // Prepare
    const failing = finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::logs', 'FAIL', {
      compliance: [
        { framework: 'aws-fsbp', control: 'S3.14' },
        { framework: 'cis-aws-4.0', control: '2.1.3' },
      ],
    });

    // Act
    const record = asffFinding(failing, { importRegion: 'eu-west-1', scanId: 'scan-1' });

    // Assess
    expect(record).toMatchObject({
      Id: failing.id,
      ProductArn: 'arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default',
      GeneratorId: 's3-bucket-versioning-enabled',
      AwsAccountId: '123456789012',
      Types: [
        'Industry and Regulatory Standards/CIS AWS Foundations Benchmark',
        'Software and Configuration Checks/AWS Security Best Practices',
      ],
      Severity: { Label: 'HIGH' },
      Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::logs', Partition: 'aws', Region: 'us-east-1' }],
      Compliance: {
        Status: 'FAILED',
        RelatedRequirements: [
          'AWS Foundational Security Best Practices S3.14',
          'CIS AWS Foundations Benchmark v4.0.1 2.1.3',
        ],
      },
      ProductFields: {
        'srm-scan/SrmClass': 'abstracted',
        'srm-scan/Obligation': 'backup-recovery',
        'srm-scan/CheckId': 's3-bucket-versioning-enabled',
        'srm-scan/Region': 'us-east-1',
        'srm-scan/ScanId': 'scan-1',
      },
      Workflow: { Status: 'NEW' },
      RecordState: 'ACTIVE',
    });
  });

  it('puts a China finding in the aws-cn partition, an ERROR as NOT_AVAILABLE and a suppressed FAIL SUPPRESSED', () => {
    // Prepare
    const china = finding('ec2-volume-encrypted', 'arn:aws-cn:ec2:cn-north-1:123456789012:volume/vol-1', 'PASS', {
      region: 'cn-north-1',
      resourceType: 'AwsEc2Image',
    });
    const suppressed = finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::tmp', 'FAIL', {
      suppression: { index: 0, checkId: '*', resource: '*', reason: 'scratch' },
    });

    // Act
    const [cn, errored, quiet] = [china, scopeError('iam-user-mfa-enabled', 'iam', 'global'), suppressed].map((f) =>
      asffFinding(f),
    );

    // Assess
    expect(cn?.ProductArn).toBe('arn:aws-cn:securityhub:cn-north-1:123456789012:product/123456789012/default');
    expect(cn?.Resources?.[0]).toMatchObject({ Type: 'Other', Partition: 'aws-cn' });
    expect(cn?.ProductFields?.['srm-scan/ResourceType']).toBe('AwsEc2Image');
    expect(cn?.Workflow?.Status).toBe('RESOLVED');
    expect(errored?.Compliance?.Status).toBe('NOT_AVAILABLE');
    expect(quiet).toMatchObject({
      Workflow: { Status: 'SUPPRESSED' },
      ProductFields: { 'srm-scan/SuppressionReason': 'scratch' },
    });
  });
});

describe('Function: truncate', () => {
  it('keeps a short text and cuts a long one to the limit without splitting a surrogate pair', () => {
    // Prepare
    const emoji = `${'a'.repeat(8)}😀😀`;

    // Act
    const cut = truncate(emoji, 10);

    // Assess
    expect(truncate('short', 10)).toBe('short');
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
    expect(truncate(LONG, ASFF_LIMITS.title)).toHaveLength(256);
  });
});

describe('Function: renderAsff', () => {
  it('writes a JSON array of every finding of every report', () => {
    // Prepare
    const reports = [
      makeReport([finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::a', 'FAIL')]),
      makeReport([finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::b', 'PASS', { accountId: '222222222222' })]),
    ];

    // Act
    const parsed = JSON.parse(renderAsff(reports, 'us-east-1')) as { AwsAccountId: string }[];

    // Assess
    expect(parsed.map((r) => r.AwsAccountId)).toEqual(['123456789012', '222222222222']);
  });
});
