import {
  DescribeDomainsCommand,
  type DomainStatus,
  ListDomainNamesCommand,
  OpenSearchClient,
} from '@aws-sdk/client-opensearch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { opensearchCollectors } from '../../lambdas/core/collectors/opensearch.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const opensearchMock = mockClient(OpenSearchClient);
const collector = opensearchCollectors['opensearch.domains'];

const arnOf = (name: string) => `arn:aws:es:eu-west-1:123456789012:domain/${name}`;

/** The least DescribeDomains says about a domain. */
const status = (name: string, extra: Partial<DomainStatus> = {}): DomainStatus => ({
  DomainId: `123456789012/${name}`,
  DomainName: name,
  ARN: arnOf(name),
  ClusterConfig: {},
  ...extra,
});

beforeEach(() => {
  opensearchMock.reset();
});

describe('Collector: opensearch.domains', () => {
  it('describes the listed domains in batches of five and normalises them', async () => {
    // Prepare
    const names = ['d1', 'd2', 'd3', 'd4', 'd5', 'harbor-catalog', 'harbor-logs'];
    opensearchMock
      .on(ListDomainNamesCommand)
      .resolves({ DomainNames: names.map((DomainName) => ({ DomainName, EngineType: 'OpenSearch' })) })
      .on(DescribeDomainsCommand, { DomainNames: names.slice(0, 5) })
      .resolves({ DomainStatusList: names.slice(0, 5).map((n) => status(n)) })
      .on(DescribeDomainsCommand, { DomainNames: ['harbor-catalog', 'harbor-logs'] })
      .resolves({
        DomainStatusList: [
          status('harbor-catalog', {
            EngineVersion: 'OpenSearch_2.13',
            Endpoints: { vpc: 'vpc-harbor-catalog.eu-west-1.es.amazonaws.com' },
            VPCOptions: { VPCId: 'vpc-1', SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
            EncryptionAtRestOptions: { Enabled: true, KmsKeyId: 'key-1' },
            NodeToNodeEncryptionOptions: { Enabled: true },
            DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
            AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false, AnonymousAuthEnabled: false },
            AccessPolicies: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: `${arnOf('harbor-catalog')}/*` },
              ],
            }),
            LogPublishingOptions: {
              AUDIT_LOGS: {
                Enabled: true,
                CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:audit',
              },
              SEARCH_SLOW_LOGS: { Enabled: false },
            },
            ClusterConfig: {
              InstanceCount: 3,
              ZoneAwarenessEnabled: true,
              ZoneAwarenessConfig: { AvailabilityZoneCount: 3 },
              DedicatedMasterEnabled: true,
              DedicatedMasterCount: 3,
            },
          }),
          // A legacy Elasticsearch domain on a public endpoint, with no access policy ("").
          status('harbor-logs', {
            EngineVersion: 'Elasticsearch_6.8',
            Endpoint: 'search-harbor-logs.eu-west-1.es.amazonaws.com',
            AccessPolicies: '',
            DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' },
            ClusterConfig: { InstanceCount: 1 },
          }),
        ],
      });

    // Act
    const { value, issues } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(opensearchMock).toHaveReceivedCommandTimes(DescribeDomainsCommand, 2);
    expect(value.map((d) => d.name)).toEqual(names);
    expect(value[5]).toEqual({
      arn: arnOf('harbor-catalog'),
      id: 'harbor-catalog',
      region: 'eu-west-1',
      accountId: '123456789012',
      name: 'harbor-catalog',
      engineVersion: 'OpenSearch_2.13',
      vpc: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
      encryptionAtRest: true,
      kmsKeyId: 'key-1',
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10',
      fineGrainedAccessControl: true,
      anonymousAuthEnabled: false,
      internalUserDatabaseEnabled: false,
      accessPolicy: {
        version: '2012-10-17',
        statements: [
          { effect: 'Allow', principal: { AWS: ['*'] }, action: ['es:*'], resource: [`${arnOf('harbor-catalog')}/*`] },
        ],
      },
      logPublishing: {
        AUDIT_LOGS: { enabled: true, logGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:audit' },
        SEARCH_SLOW_LOGS: { enabled: false },
      },
      instanceCount: 3,
      zoneAwarenessEnabled: true,
      availabilityZoneCount: 3,
      dedicatedMasterEnabled: true,
      dedicatedMasterCount: 3,
    });
    expect(value[6]).toMatchObject({
      name: 'harbor-logs',
      publicEndpoint: 'search-harbor-logs.eu-west-1.es.amazonaws.com',
      accessPolicy: null,
      enforceHttps: false,
      instanceCount: 1,
      zoneAwarenessEnabled: false,
    });
    expect(value[6]).not.toHaveProperty('vpc');
  });

  it('makes no DescribeDomains call in a region without domains', async () => {
    // Prepare
    opensearchMock.on(ListDomainNamesCommand).resolves({ DomainNames: [] });

    // Act
    const { value } = await runCollector(collector);

    // Assess
    expect(value).toEqual([]);
    expect(opensearchMock).toHaveReceivedCommandTimes(DescribeDomainsCommand, 0);
  });

  it('skips a domain deleted between the listing and the description', async () => {
    // Prepare
    opensearchMock
      .on(ListDomainNamesCommand)
      .resolves({ DomainNames: [{ DomainName: 'harbor-old' }, { DomainName: 'harbor-catalog' }] })
      .on(DescribeDomainsCommand)
      .resolves({ DomainStatusList: [status('harbor-old', { Deleted: true }), status('harbor-catalog')] });

    // Act
    const { value, issues } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(value.map((d) => d.name)).toEqual(['harbor-catalog']);
    expect(issues).toEqual([]);
  });

  it('reports each domain of a batch that cannot be described and keeps the other batches', async () => {
    // Prepare
    const names = ['d1', 'd2', 'd3', 'd4', 'd5', 'harbor-catalog'];
    opensearchMock
      .on(ListDomainNamesCommand)
      .resolves({ DomainNames: names.map((DomainName) => ({ DomainName })) })
      .on(DescribeDomainsCommand, { DomainNames: names.slice(0, 5) })
      .rejects(awsError('json', 'AccessDeniedException', { status: 403 }))
      .on(DescribeDomainsCommand, { DomainNames: ['harbor-catalog'] })
      .resolves({ DomainStatusList: [status('harbor-catalog')] });

    // Act
    const { value, issues } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(value.map((d) => d.name)).toEqual(['harbor-catalog']);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual(
      names.slice(0, 5).map((n) => [arnOf(n), 'AccessDeniedException']),
    );
  });

  it('reports a domain whose access policy does not parse, and only that domain', async () => {
    // Prepare
    opensearchMock
      .on(ListDomainNamesCommand)
      .resolves({ DomainNames: [{ DomainName: 'harbor-broken' }, { DomainName: 'harbor-catalog' }] })
      .on(DescribeDomainsCommand)
      .resolves({
        DomainStatusList: [status('harbor-broken', { AccessPolicies: '{"Statement": [' }), status('harbor-catalog')],
      });

    // Act
    const { value, issues } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(value.map((d) => d.name)).toEqual(['harbor-catalog']);
    expect(issues.map((i) => i.resourceArn)).toEqual([arnOf('harbor-broken')]);
  });

  it('lets an AccessDenied on ListDomainNames throw', async () => {
    // Prepare
    opensearchMock.on(ListDomainNamesCommand).rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const collecting = runCollector(collector);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});
