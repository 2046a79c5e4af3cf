import { describe, expect, it } from 'vitest';
import { childElements } from './aws-fidelity.js';

describe('childElements', () => {
  it('finds the direct children of the first parent, skipping nested elements of the same name', () => {
    // Prepare: EC2 writes every list member as <item>, so a snapshot's tags nest <item> inside <item>.
    const xml =
      '<R><snapshotSet><item><snapshotId>snap-1</snapshotId><tagSet><item><key>a</key></item></tagSet></item>' +
      '<item><snapshotId>snap-2</snapshotId></item></snapshotSet><nextToken>t</nextToken></R>';

    // Act
    const spans = childElements(xml, 'snapshotSet', 'item');

    // Assess
    expect(spans.map(({ start, end }) => xml.slice(start, end))).toEqual([
      '<item><snapshotId>snap-1</snapshotId><tagSet><item><key>a</key></item></tagSet></item>',
      '<item><snapshotId>snap-2</snapshotId></item>',
    ]);
  });

  it('finds nothing when the parent is absent', () => {
    expect(childElements('<R><volumeSet/></R>', 'snapshotSet', 'item')).toEqual([]);
  });
});
