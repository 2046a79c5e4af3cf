import { ACMClient, ImportCertificateCommand, RequestCertificateCommand } from '@aws-sdk/client-acm';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  GetResourcesCommand,
  type PatchOperation,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateStageCommand as CreateHttpStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  CloudFrontClient,
  CreateDistributionCommand,
  type DistributionConfig,
  type Origin,
} from '@aws-sdk/client-cloudfront';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  type Listener as ClassicListenerInput,
  CreateLoadBalancerCommand as CreateClassicLoadBalancerCommand,
  CreateLoadBalancerPolicyCommand,
  ElasticLoadBalancingClient,
  ModifyLoadBalancerAttributesCommand as ModifyClassicAttributesCommand,
  SetLoadBalancerPoliciesOfListenerCommand,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  type Action,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  ModifyLoadBalancerAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AssociateWebACLCommand,
  CreateWebACLCommand,
  PutLoggingConfigurationCommand,
  type Rule,
  type Scope,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { selfSignedCertificate } from './self-signed-certificate.js';
import type { ExpectedFailure, SeedContext, Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

const visibility = (name: string) => ({
  SampledRequestsEnabled: true,
  CloudWatchMetricsEnabled: true,
  MetricName: name,
});

const COMMON_RULE_SET: Rule = {
  Name: 'aws-common-rule-set',
  Priority: 0,
  Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
  OverrideAction: { None: {} },
  VisibilityConfig: visibility('aws-common-rule-set'),
};

interface LoadBalancerSpec {
  name: string;
  /** Default action of the HTTP:80 listener. */
  http: 'forward' | 'redirect';
  sslPolicy: string;
  attributes: Record<string, string>;
}

interface ClassicSpec {
  name: string;
  listeners: ClassicListenerInput[];
  /** The predefined policy the HTTPS:443 listener's negotiation policy references. */
  referencePolicy: string;
  accessLogs: boolean;
  desyncMode: string;
}

interface RestStageSpec {
  api: string;
  stage: string;
  patches: PatchOperation[];
  webAclArn?: string;
}

/**
 * Harbor's front doors: load balancers, a CDN, APIs, certificates and web ACLs in us-east-1 and eu-west-1. Each
 * load balancer, CloudFront, API Gateway and WAF check meets a violating resource and, where moto can represent it,
 * a compliant twin. moto drops S3 origin access settings (every S3 origin reads as unrestricted), stores no client
 * certificates on REST stages, so those checks' compliant cases live in the unit tests.
 */
export const seedNetwork: Seeder = async ({ accountId, clients }: SeedContext) => {
  const expected: ExpectedFailure[] = [];
  const plant = (checkIds: string[], resourceArn: string) => {
    for (const checkId of checkIds) expected.push({ checkId, resourceArn });
  };

  // Certificates: a private certificate is issued at once (a public one waits for validation).
  const acm = clients.get(ACMClient, US);
  const certificate = async (domain: string) =>
    (
      await acm.send(
        new RequestCertificateCommand({
          DomainName: domain,
          CertificateAuthorityArn: `arn:aws:acm-pca:${US}:${accountId}:certificate-authority/harbor-internal-ca`,
        }),
      )
    ).CertificateArn ?? '';
  const [shopCertificate, docsCertificate] = await Promise.all([
    certificate('shop.harbor.example'),
    certificate('docs.harbor.example'),
  ]);
  // An imported certificate nobody renewed: a 1,024-bit key, ten days from expiry.
  const vpn = selfSignedCertificate('vpn.harbor.example', 1024, new Date(Date.now() + 10 * 86_400_000));
  const { CertificateArn: vpnCertificate = '' } = await acm.send(
    new ImportCertificateCommand({
      Certificate: Buffer.from(vpn.certificate),
      PrivateKey: Buffer.from(vpn.privateKey),
    }),
  );
  plant(['acm-certificate-not-expiring', 'acm-certificate-rsa-key-2048'], vpnCertificate);

  // Web ACLs: CLOUDFRONT scope lives in us-east-1; REGIONAL ones in their region.
  const webAcl = async (region: string, name: string, scope: Scope, protectedAcl: boolean): Promise<string> => {
    const waf = clients.get(WAFV2Client, region);
    const { Summary } = await waf.send(
      new CreateWebACLCommand({
        Name: name,
        Scope: scope,
        DefaultAction: { Allow: {} },
        VisibilityConfig: visibility(name),
        ...(protectedAcl && { Rules: [COMMON_RULE_SET] }),
      }),
    );
    const arn = Summary?.ARN ?? '';
    if (protectedAcl) {
      await waf.send(
        new PutLoggingConfigurationCommand({
          LoggingConfiguration: {
            ResourceArn: arn,
            LogDestinationConfigs: [`arn:aws:logs:${region}:${accountId}:log-group:aws-waf-logs-${name}`],
          },
        }),
      );
    } else {
      plant(['wafv2-web-acl-has-rules', 'wafv2-web-acl-logging-enabled'], arn);
    }
    return arn;
  };
  const [edgeAcl, apiAcl] = await Promise.all([
    webAcl(US, 'harbor-edge', 'CLOUDFRONT', true),
    webAcl(US, 'harbor-api', 'REGIONAL', true),
    webAcl(EU, 'harbor-staging', 'REGIONAL', false),
  ]);

  // Application Load Balancers in the default VPC (a new VPC would meet the flow-log check).
  const ec2 = clients.get(EC2Client, US);
  const { Subnets } = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  const subnets = (Subnets ?? []).slice(0, 2);
  const elbv2 = clients.get(ElasticLoadBalancingV2Client, US);
  const loadBalancer = async (spec: LoadBalancerSpec): Promise<string> => {
    const { LoadBalancers } = await elbv2.send(
      new CreateLoadBalancerCommand({
        Name: spec.name,
        Type: 'application',
        Subnets: subnets.map((s) => s.SubnetId ?? ''),
      }),
    );
    const arn = LoadBalancers?.[0]?.LoadBalancerArn ?? '';
    const { TargetGroups } = await elbv2.send(
      new CreateTargetGroupCommand({ Name: `${spec.name}-tg`, Protocol: 'HTTP', Port: 80, VpcId: subnets[0]?.VpcId }),
    );
    const forward: Action = { Type: 'forward', TargetGroupArn: TargetGroups?.[0]?.TargetGroupArn };
    const redirect: Action = {
      Type: 'redirect',
      RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
    };
    await elbv2.send(
      new CreateListenerCommand({
        LoadBalancerArn: arn,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [spec.http === 'redirect' ? redirect : forward],
      }),
    );
    await elbv2.send(
      new CreateListenerCommand({
        LoadBalancerArn: arn,
        Protocol: 'HTTPS',
        Port: 443,
        SslPolicy: spec.sslPolicy,
        Certificates: [{ CertificateArn: shopCertificate }],
        DefaultActions: [forward],
      }),
    );
    await elbv2.send(
      new ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: arn,
        Attributes: Object.entries(spec.attributes).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    return arn;
  };
  const [shopAlb, legacyAlb] = await Promise.all([
    loadBalancer({
      name: 'harbor-shop-alb',
      http: 'redirect',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      attributes: {
        'access_logs.s3.enabled': 'true',
        'access_logs.s3.bucket': 'harbor-lb-logs',
        'deletion_protection.enabled': 'true',
        'routing.http.drop_invalid_header_fields.enabled': 'true',
        'routing.http.desync_mitigation_mode': 'strictest',
      },
    }),
    loadBalancer({
      name: 'harbor-legacy-alb',
      http: 'forward',
      sslPolicy: 'ELBSecurityPolicy-2016-08',
      attributes: {
        'deletion_protection.enabled': 'false',
        'routing.http.drop_invalid_header_fields.enabled': 'false',
        'routing.http.desync_mitigation_mode': 'monitor',
      },
    }),
  ]);
  plant(
    [
      'elbv2-alb-http-redirects-to-https',
      'elbv2-load-balancer-recommended-tls-policy',
      'elbv2-alb-access-logging-enabled',
      'elbv2-load-balancer-deletion-protection',
      'elbv2-alb-drops-invalid-headers',
      'elbv2-alb-desync-mitigation-enforced',
      'elbv2-alb-waf-associated',
    ],
    legacyAlb,
  );
  await clients.get(WAFV2Client, US).send(new AssociateWebACLCommand({ WebACLArn: apiAcl, ResourceArn: shopAlb }));

  // Classic Load Balancers.
  const elb = clients.get(ElasticLoadBalancingClient, US);
  const https443: ClassicListenerInput = {
    Protocol: 'HTTPS',
    LoadBalancerPort: 443,
    InstanceProtocol: 'HTTP',
    InstancePort: 8080,
    SSLCertificateId: shopCertificate,
  };
  const classic = async (spec: ClassicSpec): Promise<string> => {
    await elb.send(
      new CreateClassicLoadBalancerCommand({
        LoadBalancerName: spec.name,
        Listeners: spec.listeners,
        AvailabilityZones: [`${US}a`],
      }),
    );
    await elb.send(
      new CreateLoadBalancerPolicyCommand({
        LoadBalancerName: spec.name,
        PolicyName: `${spec.name}-tls`,
        PolicyTypeName: 'SSLNegotiationPolicyType',
        PolicyAttributes: [{ AttributeName: 'Reference-Security-Policy', AttributeValue: spec.referencePolicy }],
      }),
    );
    await elb.send(
      new SetLoadBalancerPoliciesOfListenerCommand({
        LoadBalancerName: spec.name,
        LoadBalancerPort: 443,
        PolicyNames: [`${spec.name}-tls`],
      }),
    );
    await elb.send(
      new ModifyClassicAttributesCommand({
        LoadBalancerName: spec.name,
        LoadBalancerAttributes: {
          AccessLog: {
            Enabled: spec.accessLogs,
            ...(spec.accessLogs && { S3BucketName: 'harbor-lb-logs', EmitInterval: 60 }),
          },
          AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: spec.desyncMode }],
        },
      }),
    );
    return `arn:aws:elasticloadbalancing:${US}:${accountId}:loadbalancer/${spec.name}`;
  };
  const [, legacyClassic] = await Promise.all([
    classic({
      name: 'harbor-partner-elb',
      listeners: [https443],
      referencePolicy: 'ELBSecurityPolicy-TLS-1-2-2017-01',
      accessLogs: true,
      desyncMode: 'defensive',
    }),
    classic({
      name: 'harbor-intranet-elb',
      listeners: [https443, { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 8080 }],
      referencePolicy: 'ELBSecurityPolicy-2016-08',
      accessLogs: false,
      desyncMode: 'monitor',
    }),
  ]);
  plant(
    [
      'elb-load-balancer-https-listeners',
      'elb-load-balancer-secure-tls-policy',
      'elb-load-balancer-access-logging-enabled',
      'elb-load-balancer-desync-mitigation-enforced',
    ],
    legacyClassic,
  );

  // CloudFront: a storefront with every gap, and a documentation site in front of a custom origin done right.
  const cloudfront = clients.get(CloudFrontClient, US);
  const distribution = async (config: Omit<DistributionConfig, 'Comment' | 'Enabled'>): Promise<string> => {
    const { Distribution } = await cloudfront.send(
      new CreateDistributionCommand({ DistributionConfig: { Comment: '', Enabled: true, ...config } }),
    );
    // The ARN AWS documents (moto 5.2 returns one without the empty region field).
    return `arn:aws:cloudfront::${accountId}:distribution/${Distribution?.Id ?? ''}`;
  };
  const behaviour = (origin: string, policy: 'allow-all' | 'redirect-to-https' | 'https-only') => ({
    TargetOriginId: origin,
    ViewerProtocolPolicy: policy,
    MinTTL: 0,
    ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' as const } },
    TrustedSigners: { Enabled: false, Quantity: 0 },
  });
  const customOrigin = (
    id: string,
    domain: string,
    policy: 'match-viewer' | 'https-only',
    protocols: string[],
  ): Origin => ({
    Id: id,
    DomainName: domain,
    CustomOriginConfig: {
      HTTPPort: 80,
      HTTPSPort: 443,
      OriginProtocolPolicy: policy,
      OriginSslProtocols: { Quantity: protocols.length, Items: protocols as ('TLSv1' | 'TLSv1.2')[] },
    },
  });
  const storefront = await distribution({
    CallerReference: 'harbor-storefront',
    Origins: {
      Quantity: 2,
      Items: [
        {
          Id: 'assets',
          DomainName: 'harbor-storefront-assets.s3.amazonaws.com',
          S3OriginConfig: { OriginAccessIdentity: '' },
        },
        customOrigin('api', 'api.harbor.example', 'match-viewer', ['TLSv1', 'TLSv1.2']),
      ],
    },
    DefaultCacheBehavior: behaviour('assets', 'redirect-to-https'),
    CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', ...behaviour('api', 'allow-all') }] },
    ViewerCertificate: {
      ACMCertificateArn: shopCertificate,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.1_2016',
    },
  });
  plant(
    [
      'cloudfront-distribution-viewer-https-required',
      'cloudfront-distribution-recommended-tls-policy',
      'cloudfront-distribution-origin-https-only',
      'cloudfront-distribution-origin-modern-tls',
      'cloudfront-distribution-s3-origin-access-restricted',
      'cloudfront-distribution-default-root-object',
      'cloudfront-distribution-logging-enabled',
      'cloudfront-distribution-waf-enabled',
    ],
    storefront,
  );
  await distribution({
    CallerReference: 'harbor-docs',
    DefaultRootObject: 'index.html',
    Origins: { Quantity: 1, Items: [customOrigin('docs', 'docs-origin.harbor.example', 'https-only', ['TLSv1.2'])] },
    DefaultCacheBehavior: behaviour('docs', 'https-only'),
    Logging: { Enabled: true, IncludeCookies: false, Bucket: 'harbor-cdn-logs.s3.amazonaws.com', Prefix: 'docs/' },
    WebACLId: edgeAcl,
    ViewerCertificate: {
      ACMCertificateArn: docsCertificate,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    },
  });

  // REST APIs: each needs a method before it can be deployed.
  const rest = clients.get(APIGatewayClient, US);
  const restStage = async (spec: RestStageSpec): Promise<string> => {
    const api = await rest.send(
      new CreateRestApiCommand({ name: spec.api, endpointConfiguration: { types: ['REGIONAL'] } }),
    );
    const apiId = api.id ?? '';
    const { items } = await rest.send(new GetResourcesCommand({ restApiId: apiId }));
    const resourceId = items?.[0]?.id ?? '';
    await rest.send(
      new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }),
    );
    await rest.send(new PutIntegrationCommand({ restApiId: apiId, resourceId, httpMethod: 'GET', type: 'MOCK' }));
    const deployment = await rest.send(new CreateDeploymentCommand({ restApiId: apiId }));
    await rest.send(
      new CreateStageCommand({
        restApiId: apiId,
        stageName: spec.stage,
        deploymentId: deployment.id,
        cacheClusterEnabled: true,
        cacheClusterSize: '0.5',
      }),
    );
    await rest.send(new UpdateStageCommand({ restApiId: apiId, stageName: spec.stage, patchOperations: spec.patches }));
    const arn = `arn:aws:apigateway:${US}::/restapis/${apiId}/stages/${spec.stage}`;
    if (spec.webAclArn) {
      await clients
        .get(WAFV2Client, US)
        .send(new AssociateWebACLCommand({ WebACLArn: spec.webAclArn, ResourceArn: arn }));
    }
    return arn;
  };
  const [ordersStage, legacyStage] = await Promise.all([
    restStage({
      api: 'harbor-orders-api',
      stage: 'prod',
      webAclArn: apiAcl,
      patches: [
        { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
        { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
        { op: 'replace', path: '/*/*/caching/dataEncrypted', value: 'true' },
        {
          op: 'replace',
          path: '/accessLogSettings/destinationArn',
          value: `arn:aws:logs:${US}:${accountId}:log-group:harbor-orders-api-access`,
        },
        {
          op: 'replace',
          path: '/accessLogSettings/format',
          value: '$context.requestId $context.identity.sourceIp $context.status',
        },
      ],
    }),
    restStage({
      api: 'harbor-legacy-api',
      stage: 'v1',
      patches: [
        { op: 'replace', path: '/*/*/logging/loglevel', value: 'OFF' },
        { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
        { op: 'replace', path: '/*/*/caching/dataEncrypted', value: 'false' },
      ],
    }),
  ]);
  // moto stores no client certificate on a stage: both stages present none to their backends.
  plant(['apigateway-rest-stage-backend-certificate'], ordersStage);
  plant(
    [
      'apigateway-stage-execution-logging-enabled',
      'apigateway-rest-stage-waf-associated',
      'apigateway-rest-stage-backend-certificate',
      'apigateway-rest-stage-cache-encrypted',
      'apigateway-rest-stage-access-logging-enabled',
    ],
    legacyStage,
  );

  // HTTP and WebSocket APIs in eu-west-1.
  const http = clients.get(ApiGatewayV2Client, EU);
  const accessLogs = (name: string) => ({
    DestinationArn: `arn:aws:logs:${EU}:${accountId}:log-group:${name}-access`,
    Format: '$context.requestId $context.identity.sourceIp $context.status',
  });
  const web = await http.send(new CreateApiCommand({ Name: 'harbor-web-api', ProtocolType: 'HTTP' }));
  const live = await http.send(
    new CreateApiCommand({
      Name: 'harbor-live',
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    }),
  );
  await http.send(
    new CreateHttpStageCommand({
      ApiId: web.ApiId,
      StageName: 'prod',
      AccessLogSettings: accessLogs('harbor-web-api'),
    }),
  );
  await http.send(new CreateHttpStageCommand({ ApiId: web.ApiId, StageName: 'preview' }));
  await http.send(
    new CreateHttpStageCommand({
      ApiId: live.ApiId,
      StageName: 'prod',
      AccessLogSettings: accessLogs('harbor-live'),
      DefaultRouteSettings: { LoggingLevel: 'INFO' },
    }),
  );
  plant(
    ['apigateway-http-stage-access-logging-enabled'],
    `arn:aws:apigateway:${EU}::/apis/${web.ApiId}/stages/preview`,
  );

  return expected;
};
