import type { AwsSecurityFinding, Partition, SeverityLabel } from '@aws-sdk/client-securityhub';
import type { Finding, ScanReport } from '../findings/model.js';
import { TOOL_VERSION } from '../model/version.js';
import { productArn } from '../securityhub/product.js';
import type { Severity } from '../srm/vocabulary.js';
import { FRAMEWORK_NAMES, findingPartition, findingRegion, PRODUCT_NAME } from './export-common.js';

/**
 * ASFF export (`--format asff`): AWS Security Finding Format records, a JSON array of `AwsSecurityFinding` (the SDK's
 * type, so the shape is checked at compile time; the field limits below are Security Hub's, checked at run time in
 * test/reports/asff.test.ts). The array holds every finding, PASS and ERROR included; the Security Hub push
 * (`lambdas/core/securityhub`) imports only the failing ones.
 *
 * - `ProductArn` is the account's own custom-integration product, `arn:<partition>:securityhub:<region>:<account>:
 *   product/<account>/default`; `Id` is the finding's stable id, so a later import updates the same finding.
 * - `Types`: CIS-mapped checks `Industry and Regulatory Standards/CIS AWS Foundations Benchmark`, FSBP-mapped ones
 *   `Software and Configuration Checks/AWS Security Best Practices`, others `Software and Configuration Checks`.
 * - `Compliance.Status`: PASS PASSED, FAIL FAILED, ERROR NOT_AVAILABLE (the check could not be evaluated).
 * - `Workflow.Status` on creation: a FAIL NEW, a suppressed FAIL SUPPRESSED, a PASS RESOLVED, an ERROR NEW.
 * - `ProductFields` carry what ASFF has no field for: `srm-scan/SrmClass`, `srm-scan/Obligation`, the check id,
 *   the service, the region scope (used to archive only what a scan judged), the suppression.
 */

const ASFF_SCHEMA_VERSION = '2018-10-08';

/** Security Hub's limits on the fields srm-scan fills (AWS Security Finding Format reference). */
export const ASFF_LIMITS = {
  title: 256,
  description: 1024,
  recommendationText: 512,
  productFields: 50,
  productFieldKey: 128,
  productFieldValue: 2048,
  relatedRequirements: 32,
  types: 50,
  resources: 32,
  id: 512,
} as const;

/** ProductFields keys srm-scan writes; the Security Hub push reads `region` and `checkId` back to decide archiving. */
export const PRODUCT_FIELD = {
  srmClass: 'srm-scan/SrmClass',
  obligation: 'srm-scan/Obligation',
  checkId: 'srm-scan/CheckId',
  service: 'srm-scan/Service',
  region: 'srm-scan/Region',
  resourceType: 'srm-scan/ResourceType',
  verdict: 'srm-scan/Verdict',
  scanId: 'srm-scan/ScanId',
  remediationCli: 'srm-scan/RemediationCli',
  suppressionReason: 'srm-scan/SuppressionReason',
  suppressionOwner: 'srm-scan/SuppressionOwner',
  suppressionExpiresAt: 'srm-scan/SuppressionExpiresAt',
} as const;

/**
 * Resource types of the ASFF `Resources[].Type` list that srm-scan's findings use (its resource types are named after
 * ASFF's); any other becomes `Other`, with srm-scan's own type kept in ProductFields.
 */
const ASFF_RESOURCE_TYPES = new Set([
  'AwsAccount',
  'AwsApiGatewayStage',
  'AwsApiGatewayV2Stage',
  'AwsCertificateManagerCertificate',
  'AwsCloudFrontDistribution',
  'AwsCloudTrailTrail',
  'AwsDynamoDbTable',
  'AwsEc2Instance',
  'AwsEc2NetworkAcl',
  'AwsEc2SecurityGroup',
  'AwsEc2Subnet',
  'AwsEc2Volume',
  'AwsEc2Vpc',
  'AwsEcrRepository',
  'AwsEcsCluster',
  'AwsEcsService',
  'AwsEcsTaskDefinition',
  'AwsEfsAccessPoint',
  'AwsEksCluster',
  'AwsElbLoadBalancer',
  'AwsElbv2LoadBalancer',
  'AwsIamPolicy',
  'AwsIamRole',
  'AwsIamUser',
  'AwsKmsKey',
  'AwsLambdaFunction',
  'AwsOpenSearchServiceDomain',
  'AwsRdsDbCluster',
  'AwsRdsDbInstance',
  'AwsRdsDbSnapshot',
  'AwsS3Bucket',
  'AwsSecretsManagerSecret',
  'AwsSnsTopic',
  'AwsSqsQueue',
  'AwsWafv2WebAcl',
]);

const asffResourceType = (resourceType: string): string =>
  ASFF_RESOURCE_TYPES.has(resourceType) ? resourceType : 'Other';

const SEVERITY_LABELS: Readonly<Record<Severity, SeverityLabel>> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  informational: 'INFORMATIONAL',
};

/**
 * `text` cut to at most `max` UTF-16 units with an ellipsis, never splitting a surrogate pair (Security Hub counts
 * characters; a lone surrogate would not survive JSON encoding as the same text).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

function types(finding: Finding): string[] {
  const frameworks = new Set(finding.compliance.map((c) => c.framework));
  const result: string[] = [];
  if (frameworks.has('cis-aws-3.0') || frameworks.has('cis-aws-4.0'))
    result.push('Industry and Regulatory Standards/CIS AWS Foundations Benchmark');
  if (frameworks.has('aws-fsbp')) result.push('Software and Configuration Checks/AWS Security Best Practices');
  return result.length > 0 ? result : ['Software and Configuration Checks'];
}

function productFields(finding: Finding, scanId: string | undefined): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    [PRODUCT_FIELD.srmClass]: finding.srmClass,
    [PRODUCT_FIELD.obligation]: finding.obligation,
    [PRODUCT_FIELD.checkId]: finding.checkId,
    [PRODUCT_FIELD.service]: finding.service,
    [PRODUCT_FIELD.region]: finding.region,
    [PRODUCT_FIELD.resourceType]: finding.resourceType,
    [PRODUCT_FIELD.verdict]: finding.status,
    [PRODUCT_FIELD.scanId]: scanId,
    [PRODUCT_FIELD.remediationCli]: finding.remediation.cli,
    [PRODUCT_FIELD.suppressionReason]: finding.suppression?.reason,
    [PRODUCT_FIELD.suppressionOwner]: finding.suppression?.owner,
    [PRODUCT_FIELD.suppressionExpiresAt]: finding.suppression?.expiresAt,
    // Keys under `aws/` are Security Hub's own; it adds them on import.
    'srm-scan/ToolVersion': TOOL_VERSION,
  };
  return Object.fromEntries(
    Object.entries(fields)
      .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
      .map(([key, value]) => [key, truncate(value, ASFF_LIMITS.productFieldValue)]),
  );
}

export interface AsffOptions {
  /** The region of the ProductArn (where the findings are imported). Default: the finding's region, else us-east-1. */
  importRegion?: string;
  scanId?: string;
}

/** The ASFF record of one finding. */
export function asffFinding(finding: Finding, options: AsffOptions = {}): AwsSecurityFinding {
  const partition = findingPartition(finding);
  const region = findingRegion(finding);
  const importRegion = options.importRegion ?? region ?? 'us-east-1';
  const severity = { Label: SEVERITY_LABELS[finding.severity], Original: finding.severity };
  const findingTypes = types(finding);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: finding.id,
    ProductArn: productArn(partition, importRegion, finding.accountId),
    ProductName: PRODUCT_NAME,
    CompanyName: PRODUCT_NAME,
    GeneratorId: finding.checkId,
    AwsAccountId: finding.accountId,
    ...(region && { Region: region }),
    Types: findingTypes,
    FirstObservedAt: finding.observedAt,
    LastObservedAt: finding.observedAt,
    CreatedAt: finding.observedAt,
    UpdatedAt: finding.observedAt,
    Severity: severity,
    Title: truncate(finding.title, ASFF_LIMITS.title),
    Description: truncate(finding.message || finding.title, ASFF_LIMITS.description),
    Remediation: {
      Recommendation: {
        Text: truncate(finding.remediation.text, ASFF_LIMITS.recommendationText),
        Url: finding.remediation.url,
      },
    },
    ProductFields: productFields(finding, options.scanId),
    Resources: [
      {
        Type: asffResourceType(finding.resourceType),
        Id: finding.resourceArn,
        Partition: partition as Partition,
        Region: region ?? importRegion,
      },
    ],
    Compliance: {
      Status: finding.status === 'PASS' ? 'PASSED' : finding.status === 'FAIL' ? 'FAILED' : 'NOT_AVAILABLE',
      ...(finding.compliance.length > 0 && {
        RelatedRequirements: finding.compliance
          .map((c) => `${FRAMEWORK_NAMES[c.framework]} ${c.control}`)
          .slice(0, ASFF_LIMITS.relatedRequirements),
      }),
    },
    FindingProviderFields: { Severity: severity, Types: findingTypes },
    Workflow: {
      Status: finding.status === 'PASS' ? 'RESOLVED' : finding.suppression ? 'SUPPRESSED' : 'NEW',
    },
    RecordState: 'ACTIVE',
  };
}

/** Every finding of each report as ASFF, in report order (grouped by account). */
function asffFindings(reports: ScanReport | readonly ScanReport[], importRegion?: string): AwsSecurityFinding[] {
  const list: readonly ScanReport[] = Array.isArray(reports) ? reports : [reports as ScanReport];
  return list.flatMap((report) =>
    report.findings.map((f) => asffFinding(f, { scanId: report.scan.id, ...(importRegion && { importRegion }) })),
  );
}

/** `--format asff`: a JSON array of ASFF findings. */
export const renderAsff = (reports: ScanReport | readonly ScanReport[], importRegion?: string): string =>
  `${JSON.stringify(asffFindings(reports, importRegion), null, 2)}\n`;
