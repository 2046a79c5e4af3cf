import type { AwsResource } from '../../inventory/index.js';
import { accountResource, type CheckResult, fail, notEvaluated, pass } from '../define-check.js';

/** A copy AWS keeps of a resource elsewhere (a replica, a replication destination); `region` undefined when unknown. */
export interface ResidencyCopy {
  what: string;
  region: string | undefined;
}

/** A resource to judge for data residency, with the label messages use and the copies AWS keeps of it. */
export interface ResidencySubject {
  resource: AwsResource;
  kind: string;
  copies?: readonly ResidencyCopy[];
}

export const RESIDENCY_NOT_CONFIGURED =
  'Data residency is not configured: set allowedRegions in the configuration file or pass --allowed-regions to check where data lives.';

const RESIDENCY_REMEDIATION_CLI =
  'aws organizations create-policy --type SERVICE_CONTROL_POLICY --name region-allow-list --content file://deny-other-regions.json';

/** The remediation every data-residency check shares: move the data, then fence the regions with an SCP. */
export const residencyRemediation = (what: string) => ({
  text: `Move or delete the ${what} (and remove replication to the disallowed region), then prevent recurrence with an SCP denying actions outside the allowed regions (aws:RequestedRegion).`,
  cli: RESIDENCY_REMEDIATION_CLI,
  url: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region',
});

/** One resource's verdict: FAIL outside the allowed regions or with a copy outside them, ERROR when a copy's region is unknown. */
export function judgeResidency(subject: ResidencySubject, allowed: readonly string[]): CheckResult {
  const { resource, kind, copies = [] } = subject;
  const allowedText = allowed.join(', ');
  const label = `${kind} ${resource.id}`;
  if (!allowed.includes(resource.region)) {
    return fail(resource, `${label} is in ${resource.region}, outside the allowed regions (${allowedText}).`);
  }
  const outside = copies.filter(
    (c): c is { what: string; region: string } => c.region !== undefined && !allowed.includes(c.region),
  );
  if (outside.length > 0) {
    return fail(
      resource,
      `${label} is in ${resource.region} but has ${outside.map((c) => `${c.what} in ${c.region}`).join(', ')}, outside the allowed regions (${allowedText}).`,
    );
  }
  const unknown = copies.filter((c) => c.region === undefined);
  if (unknown.length > 0) {
    return notEvaluated(
      resource,
      `${label} is in ${resource.region} but the region of ${unknown.map((c) => c.what).join(', ')} could not be determined (not in this account).`,
    );
  }
  return pass(
    resource,
    `${label} is in ${resource.region}${copies.length ? ', and so are its copies' : ''}, an allowed region.`,
  );
}

/**
 * Residency verdicts for one service's resources. Without `allowedRegions`, one ERROR on the account says residency
 * is not configured — only when there is something to judge, so unused services stay silent.
 */
export function residencyResults(
  context: { accountId: string; partition: string },
  allowed: readonly string[] | undefined,
  subjects: readonly ResidencySubject[],
): CheckResult[] {
  if (subjects.length === 0) return [];
  if (!allowed) return [notEvaluated(accountResource(context), RESIDENCY_NOT_CONFIGURED)];
  return subjects.map((subject) => judgeResidency(subject, allowed));
}
