/* tslint:disable */
/* eslint-disable */
export * from './BrokerClientStatus';
export * from './BrokerClientStatusCode';
export * from './Cluster';
export * from './EndOfResponses';
export * from './EndOfResponsesReason';
export * from './HpcObject';
export * from './HpcWebServiceFault';
export * from './Job';
export * from './JobNodeGroupOp';
export * from './JobPriority';
export * from './JobState';
export * from './JobUnitType';
export * from './KeyValueOfstringstring';
export * from './KeyValuePairOfstringstring';
export * from './Node';
export * from './NodeGroup';
export * from './NodeState';
export * from './Property';
export * from './SessionUnitType';
export * from './Task';
export * from './TaskState';
export * from './TaskType';
export * from './Version';
export * from './WebSessionInfo';
export * from './WebSessionStartInfo';
