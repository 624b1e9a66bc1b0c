/* tslint:disable */
/* eslint-disable */
export * from './ClusterApi';
export * from './JobsApi';
export * from './LegacyNodesApi';
export * from './MetricsApi';
export * from './NodeGroupsApi';
export * from './NodesApi';
export * from './OperationsApi';
export * from './SubtasksApi';
export * from './TasksApi';
