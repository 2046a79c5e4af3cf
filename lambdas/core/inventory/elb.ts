import type { AwsResource, ResourceAttribute } from './common.js';

/** An Application, Network or Gateway Load Balancer (Elastic Load Balancing v2). */
export interface ElbV2LoadBalancer extends AwsResource {
  name: string;
  /** `application`, `network` or `gateway`. */
  type: string;
  /** `internet-facing` or `internal`. */
  scheme?: string;
  vpcId?: string;
  state?: string;
}

export interface ElbV2Listener {
  arn: string;
  port?: number;
  /** `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`. */
  protocol?: string;
  /** The TLS negotiation policy of an HTTPS or TLS listener. */
  sslPolicy?: string;
  /** The default actions in rule order: only `type`, and for redirects the target protocol. */
  defaultActions: readonly { type: string; redirectProtocol?: string }[];
}

/** The listeners of one load balancer, keyed by its ARN. */
export type ElbV2LoadBalancerListeners = ResourceAttribute<{ listeners: readonly ElbV2Listener[] }>;

/** DescribeLoadBalancerAttributes as a key → value record (`deletion_protection.enabled` → `true`). */
export type ElbV2LoadBalancerAttributes = ResourceAttribute<{ attributes: Readonly<Record<string, string>> }>;

/** The AWS WAF (WAFV2) web ACL protecting an Application Load Balancer; null when none is associated. */
export type ElbV2LoadBalancerWebAcl = ResourceAttribute<{ webAclArn: string | null }>;

export interface ClassicListener {
  /** Front-end protocol: `HTTP`, `HTTPS`, `TCP` or `SSL`. */
  protocol: string;
  port: number;
  instanceProtocol?: string;
  instancePort?: number;
  /** Names of the policies attached to the listener (among them its SSL negotiation policy). */
  policyNames: readonly string[];
}

/** A Classic Load Balancer. Its ARN is built from its name: the API returns none. */
export interface ClassicLoadBalancer extends AwsResource {
  name: string;
  scheme?: string;
  listeners: readonly ClassicListener[];
}

export type ClassicLoadBalancerAttributes = ResourceAttribute<{
  accessLogEnabled: boolean;
  /** `elb.http.desyncmitigationmode`: `monitor`, `defensive` (the default) or `strictest`. */
  desyncMitigationMode?: string;
}>;

export interface ClassicLoadBalancerPolicy {
  name: string;
  /** `SSLNegotiationPolicyType` for the TLS policies of HTTPS/SSL listeners. */
  type?: string;
  /** The predefined policy an SSL negotiation policy copies (`Reference-Security-Policy`); unset for a custom one. */
  referenceSecurityPolicy?: string;
}

/** The policies defined on one Classic Load Balancer (DescribeLoadBalancerPolicies). */
export type ClassicLoadBalancerPolicies = ResourceAttribute<{ policies: readonly ClassicLoadBalancerPolicy[] }>;
