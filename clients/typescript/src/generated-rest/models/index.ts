/* tslint:disable */
/* eslint-disable */
export * from './HpcRestError';
export * from './MetricData';
export * from './MetricDefinition';
export * from './MetricInstanceData';
export * from './MetricSample';
export * from './Node';
export * from './NodeGroup';
export * from './NodeGroupOperation';
export * from './NodeGroupOperationKind';
export * from './NodeHealth';
export * from './NodeHealthCount';
export * from './NodeMetric';
export * from './NodeOperationKind';
export * from './NodeServiceRole';
export * from './NodeState';
export * from './NodeStateCount';
export * from './OperationLog';
export * from './OperationLogEntry';
export * from './OperationLogSeverity';
export * from './Property';
export * from './PropertyRow';
export * from './UserRole';
