import { computeLifecycle, type StoredFinding } from '../../lambdas/core/findings/lifecycle.js';
import { CHECK_A, day, finding, report } from './findings.js';

/** A lifecycle over a few findings: open, passing, suppressed and gone, to exercise item layouts. */
export function sampleStates(): { states: StoredFinding[]; lifecycle: ReturnType<typeof computeLifecycle> } {
  const first = computeLifecycle({
    previous: [],
    report: report([finding(CHECK_A, 'arn:aws:s3:::gone', 'FAIL')]),
    now: day(0),
  });
  const lifecycle = computeLifecycle({
    previous: first.states,
    report: report([
      finding(CHECK_A, 'arn:aws:s3:::open', 'FAIL', { severity: 'critical' }),
      finding(CHECK_A, 'arn:aws:s3:::fine', 'PASS'),
      finding(CHECK_A, 'arn:aws:s3:::accepted', 'FAIL', {
        suppression: { index: 0, checkId: CHECK_A, resource: 'arn:aws:s3:::accepted', reason: 'Accepted.' },
      }),
    ]),
    now: day(1),
  });
  return { states: lifecycle.states, lifecycle };
}

/** The state of the sample finding on `arn`. */
export const byArn = (states: readonly StoredFinding[], arn: string): StoredFinding => {
  const state = states.find((s) => s.resourceArn === arn);
  if (!state) throw new Error(`no state for ${arn}`);
  return state;
};
