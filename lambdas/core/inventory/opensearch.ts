import type { AwsResource, PolicyDocument } from './common.js';

/** An Amazon OpenSearch Service domain (OpenSearch or legacy Elasticsearch engine). */
export interface OpenSearchDomain extends AwsResource {
  name: string;
  /** `OpenSearch_2.13`, `Elasticsearch_7.10`… */
  engineVersion?: string;
  /** Set when the domain lives in a VPC (it then has no public endpoint). */
  vpc?: { subnetIds: readonly string[]; securityGroupIds: readonly string[] };
  /** The public endpoint's host name, for a domain outside a VPC. */
  publicEndpoint?: string;
  encryptionAtRest: boolean;
  kmsKeyId?: string;
  nodeToNodeEncryption: boolean;
  enforceHttps: boolean;
  tlsSecurityPolicy?: string;
  /** Fine-grained access control. */
  fineGrainedAccessControl: boolean;
  /** With fine-grained access control, requests without credentials are let in as an anonymous user. */
  anonymousAuthEnabled: boolean;
  internalUserDatabaseEnabled: boolean;
  /** The domain's resource-based access policy; null when it has none. */
  accessPolicy: PolicyDocument | null;
  /** Log types (`AUDIT_LOGS`, `ES_APPLICATION_LOGS`, `SEARCH_SLOW_LOGS`, `INDEX_SLOW_LOGS`) published to CloudWatch Logs. */
  logPublishing: Readonly<Record<string, { enabled: boolean; logGroupArn?: string }>>;
  instanceCount: number;
  zoneAwarenessEnabled: boolean;
  availabilityZoneCount?: number;
  dedicatedMasterEnabled: boolean;
  dedicatedMasterCount?: number;
}
