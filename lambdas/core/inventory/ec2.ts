import type { AwsResource } from './common.js';

export interface Ec2Instance extends AwsResource {
  state: string;
  publicIpAddress?: string;
  /** `required` means IMDSv2 only. */
  httpTokens?: string;
  httpEndpoint?: string;
  imageId?: string;
  platform?: string;
  launchTime?: Date;
  vpcId?: string;
  subnetId?: string;
  securityGroupIds: readonly string[];
  instanceProfileArn?: string;
}

export interface SecurityGroupRule {
  /** `-1` means all protocols (and so all ports); otherwise `tcp`, `udp`, `icmp`, `icmpv6` or a number. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  ipv4Ranges: readonly string[];
  ipv6Ranges: readonly string[];
  prefixListIds: readonly string[];
  referencedGroupIds: readonly string[];
}

export interface SecurityGroup extends AwsResource {
  name: string;
  vpcId?: string;
  description?: string;
  ingress: readonly SecurityGroupRule[];
  egress: readonly SecurityGroupRule[];
}

export interface EbsVolume extends AwsResource {
  encrypted: boolean;
  kmsKeyId?: string;
  state: string;
  sizeGiB?: number;
  attachedInstanceIds: readonly string[];
}

export interface EbsSnapshot extends AwsResource {
  encrypted: boolean;
  volumeId?: string;
  /**
   * Restorable by every AWS account (createVolumePermission group `all`). Undefined when the
   * confirmation call failed (the collector then records an issue for the snapshot).
   */
  public?: boolean;
  description?: string;
  startTime?: Date;
}

export interface MachineImage extends AwsResource {
  name?: string;
  public: boolean;
  state?: string;
}

export interface NetworkAclEntry {
  ruleNumber: number;
  /** `-1` means all protocols; otherwise the IANA number as a string (`6` tcp, `17` udp). */
  protocol: string;
  ruleAction: 'allow' | 'deny';
  egress: boolean;
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  portRange?: { from: number; to: number };
}

export interface NetworkAcl extends AwsResource {
  vpcId?: string;
  isDefault: boolean;
  entries: readonly NetworkAclEntry[];
  subnetIds: readonly string[];
}

export interface Subnet extends AwsResource {
  vpcId?: string;
  availabilityZone?: string;
  cidrBlock?: string;
  mapPublicIpOnLaunch: boolean;
  defaultForAz: boolean;
}

export interface Vpc extends AwsResource {
  isDefault: boolean;
  cidrBlock?: string;
  state?: string;
}

export interface FlowLog {
  id: string;
  region: string;
  /** The VPC, subnet or network interface id the flow log is attached to. */
  resourceId: string;
  /** `ACTIVE` once created; AWS reports delivery problems separately in `deliverLogsStatus`. */
  status?: string;
  deliverLogsStatus?: string;
  trafficType?: string;
}

export interface EbsEncryptionByDefault {
  region: string;
  enabled: boolean;
  kmsKeyId?: string;
}
