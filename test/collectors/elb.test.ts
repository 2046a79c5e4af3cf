import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { elbCollectors } from '../../lambdas/core/collectors/elb.js';
import { classicListener, classicLoadBalancer } from '../fixtures/elb.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const elbMock = mockClient(ElasticLoadBalancingClient);

beforeEach(() => {
  elbMock.reset();
});

describe('Collector: elb.loadBalancers', () => {
  it('pages through DescribeLoadBalancers, builds ARNs from names and normalises listeners', async () => {
    // Prepare
    elbMock
      .on(DescribeLoadBalancersCommand)
      .resolvesOnce({
        LoadBalancerDescriptions: [
          {
            LoadBalancerName: 'harbor-legacy',
            Scheme: 'internet-facing',
            ListenerDescriptions: [
              {
                Listener: { Protocol: 'https', LoadBalancerPort: 443, InstanceProtocol: 'http', InstancePort: 80 },
                PolicyNames: ['tls-policy'],
              },
            ],
          },
        ],
        NextMarker: 'm2',
      })
      .resolvesOnce({ LoadBalancerDescriptions: [{ LoadBalancerName: 'harbor-intranet', Scheme: 'internal' }] });

    // Act
    const { value } = await runCollector(elbCollectors['elb.loadBalancers'], { region: 'eu-west-1' });

    // Assess
    expect(elbMock).toHaveReceivedNthCommandWith(DescribeLoadBalancersCommand, 2, { PageSize: 400, Marker: 'm2' });
    expect(value).toEqual([
      {
        arn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/harbor-legacy',
        id: 'harbor-legacy',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'harbor-legacy',
        scheme: 'internet-facing',
        listeners: [
          { protocol: 'HTTPS', port: 443, instanceProtocol: 'HTTP', instancePort: 80, policyNames: ['tls-policy'] },
        ],
      },
      expect.objectContaining({ name: 'harbor-intranet', scheme: 'internal', listeners: [] }),
    ]);
  });

  it('lets an AccessDenied on DescribeLoadBalancers throw', async () => {
    // Prepare
    elbMock.on(DescribeLoadBalancersCommand).rejects(awsError('query', 'AccessDenied', { status: 403 }));

    // Act
    const collecting = runCollector(elbCollectors['elb.loadBalancers']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDenied');
  });
});

describe('Collector: elb.loadBalancerAttributes', () => {
  it('reads access logging and the desync mode, reports a denied load balancer and skips a deleted one', async () => {
    // Prepare
    const legacy = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443)]);
    const denied = classicLoadBalancer('harbor-secret', []);
    const gone = classicLoadBalancer('harbor-gone', []);
    elbMock
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerName: 'harbor-legacy' })
      .resolves({
        LoadBalancerAttributes: {
          AccessLog: { Enabled: true, S3BucketName: 'harbor-lb-logs' },
          AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'monitor' }],
        },
      })
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerName: 'harbor-secret' })
      .rejects(awsError('query', 'AccessDenied', { status: 403 }))
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerName: 'harbor-gone' })
      .rejects(awsError('query', 'AccessPointNotFoundException', { code: 'LoadBalancerNotFound' }));

    // Act
    const { value, issues } = await runCollector(elbCollectors['elb.loadBalancerAttributes'], {
      dependencies: { 'elb.loadBalancers': [legacy, denied, gone] },
    });

    // Assess
    expect(value).toEqual([
      { arn: legacy.arn, region: 'us-east-1', accessLogEnabled: true, desyncMitigationMode: 'monitor' },
    ]);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([[denied.arn, 'AccessDenied']]);
  });
});

describe('Collector: elb.loadBalancerPolicies', () => {
  it('keeps each policy’s type and referenced predefined policy', async () => {
    // Prepare
    const legacy = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443, ['tls-policy'])]);
    elbMock.on(DescribeLoadBalancerPoliciesCommand).resolves({
      PolicyDescriptions: [
        {
          PolicyName: 'tls-policy',
          PolicyTypeName: 'SSLNegotiationPolicyType',
          PolicyAttributeDescriptions: [
            { AttributeName: 'Protocol-TLSv1.2', AttributeValue: 'true' },
            { AttributeName: 'Reference-Security-Policy', AttributeValue: 'ELBSecurityPolicy-TLS-1-2-2017-01' },
          ],
        },
        { PolicyName: 'sticky', PolicyTypeName: 'LBCookieStickinessPolicyType' },
      ],
    });

    // Act
    const { value } = await runCollector(elbCollectors['elb.loadBalancerPolicies'], {
      dependencies: { 'elb.loadBalancers': [legacy] },
    });

    // Assess
    expect(elbMock).toHaveReceivedCommandWith(DescribeLoadBalancerPoliciesCommand, {
      LoadBalancerName: 'harbor-legacy',
    });
    expect(value).toEqual([
      {
        arn: legacy.arn,
        region: 'us-east-1',
        policies: [
          {
            name: 'tls-policy',
            type: 'SSLNegotiationPolicyType',
            referenceSecurityPolicy: 'ELBSecurityPolicy-TLS-1-2-2017-01',
          },
          { name: 'sticky', type: 'LBCookieStickinessPolicyType' },
        ],
      },
    ]);
  });
});
