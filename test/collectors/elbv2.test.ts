import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { elbv2Collectors } from '../../lambdas/core/collectors/elbv2.js';
import { loadBalancer } from '../fixtures/elb.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const elbMock = mockClient(ElasticLoadBalancingV2Client);
const wafMock = mockClient(WAFV2Client);

const arnOf = (name: string, kind = 'app') =>
  `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/${kind}/${name}/0123456789abcdef`;

beforeEach(() => {
  elbMock.reset();
  wafMock.reset();
});

describe('Collector: elbv2.loadBalancers', () => {
  it('pages through DescribeLoadBalancers and normalises each load balancer, without reading tags', async () => {
    // Prepare
    const names = Array.from({ length: 21 }, (_, i) => `harbor-${i}`);
    elbMock
      .on(DescribeLoadBalancersCommand)
      .resolvesOnce({
        LoadBalancers: names.slice(0, 20).map((n) => ({
          LoadBalancerArn: arnOf(n),
          LoadBalancerName: n,
          Type: 'application',
          Scheme: 'internet-facing',
          VpcId: 'vpc-1',
          State: { Code: 'active' },
        })),
        NextMarker: 'm2',
      })
      .resolvesOnce({
        LoadBalancers: [{ LoadBalancerArn: arnOf('harbor-20', 'net'), LoadBalancerName: 'harbor-20', Type: 'network' }],
      });

    // Act
    const { value } = await runCollector(elbv2Collectors['elbv2.loadBalancers'], { region: 'eu-west-1' });

    // Assess
    expect(elbMock).toHaveReceivedNthCommandWith(DescribeLoadBalancersCommand, 1, { PageSize: 400 });
    expect(elbMock).toHaveReceivedNthCommandWith(DescribeLoadBalancersCommand, 2, { PageSize: 400, Marker: 'm2' });
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTagsCommand, 0);
    expect(value).toHaveLength(21);
    expect(value[0]).toEqual({
      arn: arnOf('harbor-0'),
      id: 'harbor-0',
      region: 'eu-west-1',
      accountId: '123456789012',
      name: 'harbor-0',
      type: 'application',
      scheme: 'internet-facing',
      vpcId: 'vpc-1',
      state: 'active',
    });
    expect(value[20]).toMatchObject({ name: 'harbor-20', type: 'network' });
  });

  it('lets an AccessDenied on DescribeLoadBalancers throw', async () => {
    // Prepare
    elbMock.on(DescribeLoadBalancersCommand).rejects(awsError('query', 'AccessDenied', { status: 403 }));

    // Act
    const collecting = runCollector(elbv2Collectors['elbv2.loadBalancers']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDenied');
  });
});

describe('Collector: elbv2.listeners', () => {
  it('normalises listeners, keeps TLS policies of HTTPS/TLS listeners only, and reports a denied load balancer', async () => {
    // Prepare
    const web = loadBalancer('harbor-web', { region: 'eu-west-1' });
    const api = loadBalancer('harbor-api', { region: 'eu-west-1' });
    elbMock
      .on(DescribeListenersCommand, { LoadBalancerArn: web.arn })
      .resolves({
        Listeners: [
          {
            ListenerArn: 'l-80',
            Port: 80,
            Protocol: 'HTTP',
            SslPolicy: 'ELBSecurityPolicy-2016-08',
            DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }],
          },
          {
            ListenerArn: 'l-443',
            Port: 443,
            Protocol: 'HTTPS',
            SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
            DefaultActions: [
              { Type: 'forward', Order: 2 },
              { Type: 'authenticate-oidc', Order: 1 },
            ],
          },
        ],
      })
      .on(DescribeListenersCommand, { LoadBalancerArn: api.arn })
      .rejects(awsError('query', 'AccessDenied', { status: 403 }));

    // Act
    const { value, issues } = await runCollector(elbv2Collectors['elbv2.listeners'], {
      region: 'eu-west-1',
      dependencies: { 'elbv2.loadBalancers': [web, api] },
    });

    // Assess
    expect(value).toEqual([
      {
        arn: web.arn,
        region: 'eu-west-1',
        listeners: [
          {
            arn: 'l-80',
            port: 80,
            protocol: 'HTTP',
            defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS' }],
          },
          {
            arn: 'l-443',
            port: 443,
            protocol: 'HTTPS',
            sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
            defaultActions: [{ type: 'authenticate-oidc' }, { type: 'forward' }],
          },
        ],
      },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ slice: 'elbv2.listeners', resourceArn: api.arn, errorCode: 'AccessDenied' }),
    ]);
  });
});

describe('Collector: elbv2.loadBalancerAttributes', () => {
  it('maps attributes to a record and leaves out a load balancer deleted since it was listed', async () => {
    // Prepare
    const web = loadBalancer('harbor-web');
    const gone = loadBalancer('harbor-old');
    elbMock
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerArn: web.arn })
      .resolves({
        Attributes: [
          { Key: 'deletion_protection.enabled', Value: 'true' },
          { Key: 'access_logs.s3.enabled', Value: 'false' },
        ],
      })
      .on(DescribeLoadBalancerAttributesCommand, { LoadBalancerArn: gone.arn })
      .rejects(awsError('query', 'LoadBalancerNotFoundException', { status: 400 }));

    // Act
    const { value, issues } = await runCollector(elbv2Collectors['elbv2.loadBalancerAttributes'], {
      dependencies: { 'elbv2.loadBalancers': [web, gone] },
    });

    // Assess
    expect(value).toEqual([
      {
        arn: web.arn,
        region: 'us-east-1',
        attributes: { 'deletion_protection.enabled': 'true', 'access_logs.s3.enabled': 'false' },
      },
    ]);
    expect(issues).toEqual([]);
  });
});

describe('Collector: elbv2.webAcls', () => {
  it('reads the web ACL of each ALB, null when none, and skips NLBs and deleted ALBs', async () => {
    // Prepare
    const web = loadBalancer('harbor-web');
    const bare = loadBalancer('harbor-bare');
    const gone = loadBalancer('harbor-old');
    const nlb = loadBalancer('harbor-tcp', { type: 'network' });
    const acl = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/harbor-web/1';
    wafMock
      .on(GetWebACLForResourceCommand, { ResourceArn: web.arn })
      .resolves({
        WebACL: {
          Name: 'harbor-web',
          Id: '1',
          ARN: acl,
          DefaultAction: { Allow: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'web' },
        },
      })
      .on(GetWebACLForResourceCommand, { ResourceArn: bare.arn })
      .resolves({})
      .on(GetWebACLForResourceCommand, { ResourceArn: gone.arn })
      .rejects(awsError('json', 'WAFNonexistentItemException'));

    // Act
    const { value, issues } = await runCollector(elbv2Collectors['elbv2.webAcls'], {
      dependencies: { 'elbv2.loadBalancers': [web, bare, gone, nlb] },
    });

    // Assess
    expect(wafMock).toHaveReceivedCommandTimes(GetWebACLForResourceCommand, 3);
    expect(value).toEqual([
      { arn: web.arn, region: 'us-east-1', webAclArn: acl },
      { arn: bare.arn, region: 'us-east-1', webAclArn: null },
    ]);
    expect(issues).toEqual([]);
  });
});
