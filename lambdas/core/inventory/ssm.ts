export interface ManagedInstance {
  /** An EC2 instance id (`i-…`) or a hybrid node id (`mi-…`). */
  instanceId: string;
  region: string;
  pingStatus?: string;
  lastPingAt?: Date;
  platformName?: string;
  agentVersion?: string;
  /** `EC2Instance` or `ManagedInstance` (hybrid), as SSM reports it. */
  resourceType?: string;
}

export interface PatchComplianceSummary {
  resourceId: string;
  region: string;
  status: 'COMPLIANT' | 'NON_COMPLIANT' | string;
  /** Severity of the worst missing patch, when AWS reports it. */
  overallSeverity?: string;
  nonCompliantCount: number;
  compliantCount?: number;
  /** `ManagedInstance` for EC2 and hybrid nodes alike. */
  resourceType?: string;
  executedAt?: Date;
}
