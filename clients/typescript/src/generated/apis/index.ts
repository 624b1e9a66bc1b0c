/* tslint:disable */
/* eslint-disable */
export * from './ClusterApi';
export * from './JobsApi';
export * from './NodesApi';
export * from './SessionsApi';
export * from './SubtasksApi';
export * from './TasksApi';
