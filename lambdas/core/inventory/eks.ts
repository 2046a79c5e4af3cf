import type { AwsResource } from './common.js';

export interface EksCluster extends AwsResource {
  name: string;
  /** Kubernetes minor version, e.g. `1.34`. */
  version?: string;
  status?: string;
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
  /** Source ranges allowed to reach the public endpoint; AWS reports `0.0.0.0/0` when none were set. */
  publicAccessCidrs: readonly string[];
  /** Resources (`secrets`) whose envelope encryption uses a KMS key, with that key. */
  encryptionConfig: readonly { resources: readonly string[]; keyArn?: string }[];
  /** Control-plane log types sent to CloudWatch Logs (`api`, `audit`, `authenticator`, `controllerManager`, `scheduler`). */
  enabledLogTypes: readonly string[];
}

/** A managed node group: EC2 instances that the customer owns and patches (AMI release versions). */
export interface EksNodegroup extends AwsResource {
  name: string;
  clusterName: string;
  /** SSH key pair allowed on the nodes; undefined when remote access is not configured. */
  remoteAccessKey?: string;
  /** Security groups allowed to reach port 22; empty with a key means the whole internet (0.0.0.0/0). */
  remoteAccessSourceSecurityGroups: readonly string[];
}
