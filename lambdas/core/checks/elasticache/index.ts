export { elasticacheClusterAuthRequired } from './elasticache-cluster-auth-required.js';
export { elasticacheClusterBackupEnabled } from './elasticache-cluster-backup-enabled.js';
export { elasticacheClusterEncryptedAtRest } from './elasticache-cluster-encrypted-at-rest.js';
export { elasticacheClusterEncryptedInTransit } from './elasticache-cluster-encrypted-in-transit.js';
export { elasticacheClusterInAllowedRegion } from './elasticache-cluster-in-allowed-region.js';
export { elasticacheClusterMinorUpgradeEnabled } from './elasticache-cluster-minor-upgrade-enabled.js';
export { elasticacheClusterNotDefaultSubnetGroup } from './elasticache-cluster-not-default-subnet-group.js';
export { elasticacheReplicationGroupAutomaticFailover } from './elasticache-replication-group-automatic-failover.js';
