/**
 * How many resources of one type the Resource Groups Tagging API lists in a region. It lists only
 * resources that carry (or once carried) a tag, across most services, for one `tag:GetResources`
 * permission: the cheap, account-wide hint of which services are in use besides what srm-scan's own
 * collectors list.
 */
export interface TaggedResourceCount {
  region: string;
  /** `<ARN namespace>:<resource type>`, e.g. `ec2:instance`, `elasticloadbalancing:loadbalancer/app`, `s3:bucket`. */
  resourceType: string;
  count: number;
}
