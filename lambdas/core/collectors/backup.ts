import {
  BackupClient,
  type BackupPlansListMember,
  type ConditionParameter,
  GetBackupSelectionCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
  type BackupSelection as SdkBackupSelection,
} from '@aws-sdk/client-backup';
import type { BackupPlan, BackupSelection, BackupTagCondition } from '../inventory/index.js';
import type { SliceCollectors } from './types.js';

/** The largest page ListBackupPlans and ListBackupSelections accept (`MaxResults`). */
const PAGE_SIZE = 1000;

/** Tag conditions name the tag either plainly (`backup`) or as a condition key (`aws:ResourceTag/backup`). */
const tagKey = (key: string): string => key.replace(/^aws:ResourceTag\//, '');

const tagConditions = (conditions: readonly ConditionParameter[] | undefined): BackupTagCondition[] =>
  (conditions ?? []).flatMap((c) =>
    c.ConditionKey === undefined ? [] : [{ key: tagKey(c.ConditionKey), value: c.ConditionValue ?? '' }],
  );

function toBackupSelection(id: string, selection: SdkBackupSelection): BackupSelection {
  const conditions = selection.Conditions ?? {};
  return {
    id,
    name: selection.SelectionName ?? id,
    resources: selection.Resources ?? [],
    notResources: selection.NotResources ?? [],
    // ListOfTags supports only STRINGEQUALS, its one condition type.
    listOfTags: tagConditions(selection.ListOfTags),
    conditions: {
      stringEquals: tagConditions(conditions.StringEquals),
      stringNotEquals: tagConditions(conditions.StringNotEquals),
      stringLike: tagConditions(conditions.StringLike),
      stringNotLike: tagConditions(conditions.StringNotLike),
    },
  };
}

type ListedPlan = BackupPlansListMember & { BackupPlanId: string; BackupPlanArn: string };

/**
 * Whether a resource is backed up depends on every selection of every plan in its region: a
 * resource missing from the one selection that could not be read might be covered by it. So a
 * failure to list or read any selection fails the region's slice (the checks then report ERROR
 * there) instead of being dropped as a per-resource issue that would turn into false FAILs.
 */
export const backupCollectors: SliceCollectors<'backup.plans'> = {
  'backup.plans': {
    key: 'backup.plans',
    scope: 'regional',
    actions: ['backup:ListBackupPlans', 'backup:ListBackupSelections', 'backup:GetBackupSelection'],
    async collect(context) {
      const client = context.clients.get(BackupClient, context.region);
      const plans: ListedPlan[] = [];
      // Deleted plans are left out unless IncludeDeleted is set.
      for await (const page of paginateListBackupPlans({ client, pageSize: PAGE_SIZE }, {})) {
        plans.push(
          ...(page.BackupPlansList ?? []).filter((p): p is ListedPlan => Boolean(p.BackupPlanId && p.BackupPlanArn)),
        );
      }

      // Two flat rounds rather than nested ones: mapLimited shares one concurrency limit.
      const selectionIds = await context.mapLimited(plans, async (plan) => {
        const ids: string[] = [];
        for await (const page of paginateListBackupSelections(
          { client, pageSize: PAGE_SIZE },
          { BackupPlanId: plan.BackupPlanId },
        )) {
          ids.push(...(page.BackupSelectionsList ?? []).flatMap((s) => (s.SelectionId ? [s.SelectionId] : [])));
        }
        return ids.map((selectionId) => ({ planId: plan.BackupPlanId, selectionId }));
      });
      const selections = await context.mapLimited(selectionIds.flat(), async ({ planId, selectionId }) => {
        const { BackupSelection: selection } = await client.send(
          new GetBackupSelectionCommand({ BackupPlanId: planId, SelectionId: selectionId }),
        );
        if (!selection) throw new Error(`GetBackupSelection returned no selection for ${planId}/${selectionId}.`);
        return { planId, selection: toBackupSelection(selectionId, selection) };
      });

      return plans.map(
        (plan): BackupPlan => ({
          arn: plan.BackupPlanArn,
          id: plan.BackupPlanId,
          name: plan.BackupPlanName ?? plan.BackupPlanId,
          region: context.region,
          accountId: context.accountId,
          selections: selections.filter((s) => s.planId === plan.BackupPlanId).map((s) => s.selection),
        }),
      );
    },
  },
};
