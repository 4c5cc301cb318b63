import { describe, expect, it } from 'vitest';
import { hivePartitionValue, nodeDayPartition } from '../../src/export/partition-path.js';

describe('Hive partition folders', () => {
  it('escapes what Hive escapes and names null or empty values as Hive does', () => {
    expect(hivePartitionValue('HV01')).toBe('HV01');
    expect(hivePartitionValue('a/b=c:d%')).toBe('a%2Fb%3Dc%3Ad%25');
    expect(hivePartitionValue('tab\there')).toBe('tab%09here');
    expect(hivePartitionValue('nó-ü')).toBe('nó-ü');
    expect(hivePartitionValue(null)).toBe('__HIVE_DEFAULT_PARTITION__');
    expect(hivePartitionValue('')).toBe('__HIVE_DEFAULT_PARTITION__');
    expect(nodeDayPartition('HV02', null)).toBe('node=HV02/day=__HIVE_DEFAULT_PARTITION__');
  });
});
