export interface BackupTagCondition {
  /** The tag key, without the `aws:ResourceTag/` prefix that `Conditions` (and some `ListOfTags`) spell out. */
  key: string;
  value: string;
}

export interface BackupSelection {
  id: string;
  name: string;
  /** ARNs, possibly with `*` wildcards. */
  resources: readonly string[];
  notResources: readonly string[];
  /** OR-ed: a resource with any of these tags is selected. */
  listOfTags: readonly BackupTagCondition[];
  /** AND-ed conditions on `aws:ResourceTag/…` keys. */
  conditions: {
    stringEquals: readonly BackupTagCondition[];
    stringNotEquals: readonly BackupTagCondition[];
    stringLike: readonly BackupTagCondition[];
    stringNotLike: readonly BackupTagCondition[];
  };
}

export interface BackupPlan {
  arn: string;
  id: string;
  name: string;
  region: string;
  accountId: string;
  selections: readonly BackupSelection[];
}
