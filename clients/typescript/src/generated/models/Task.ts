/* tslint:disable */
/* eslint-disable */
/**
 * HPC Pack WindowsHpc REST web service
 * The original HPC Pack REST web service, rooted at `https://<head_node>[:port]/WindowsHpc` (HPC Pack 2008 R2 SP2 to HPC Pack 2019). It is *not* the newer `/hpc` REST API.  **URI forms.** Paths below use the HPC Pack 2016 form (`/WindowsHpc/<resource>`). Before HPC Pack 2016 every path carries the cluster name (`/WindowsHpc/<cluster>/<resource>`): pick the second server entry and fill `cluster`. *Get Clusters* never carries a cluster segment. Path and query-parameter names are matched case-insensitively by the service.  **Formats.** XML is the server default (`Accept: application/xml`). Bodies are written by WCF\'s `DataContractSerializer`: child elements appear, and must be sent, in ordinal alphabetical order; nulls are `i:nil=\"true\"` with `xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"`. Each schema\'s `xml` object gives the element name and namespace. The reader is strict in what it keeps and silent in what it drops: a wrong root name or namespace is a fault, while a member out of order, in another namespace or unknown is skipped without an error. [I, .NET DataContractSerializer rules]  **Media types.** Request bodies are `application/xml` or `text/xml` (any `charset`, a UTF-8 BOM allowed); void POSTs send `Content-Length: 0` (IIS answers 411 without a length [I]). [D]/[I] JSON (`application/json`) is documented for the SOA operations only [D]. The scheduler, node and cluster operations speak XML only: Microsoft\'s 2016 REST sample says the old API \"does XML only\" [C] and JSON arrived with the newer `/hpc` API (HPC Pack 2016 Update 1 release notes) [D]. Their `application/json` media types carry `x-emulator-extension: true`: they describe the local emulator\'s optional JSON extension (`--json-extension`), not the real service. What a head node answers to a JSON body there is unknown [I]; the emulator refuses it with 415 and answers XML whatever the `Accept` header says.  **api-version.** Sent as the `api-version` header (or, equivalently, the `api-version` URI parameter; the header wins when both are present). Operations introduced in HPC Pack 2008 R2 SP3 or later (clusters, active head node, nodes, node groups, SOA) answer 400 without it. The deprecated `CCP_Version` header of SP2 is not described.  **Errors.** With `api-version` 2011-11-01 or later an error body is an `HpcWebServiceFault`; without it, SP2-era operations answer a bare `<string>` message.  **Paging.** Get Job List, Get Task List and Get Node List return one page per call. While rows remain the response carries `x-ms-continuation-QueryId`; repeat the same request with `QueryId=<token>` until the header is absent.  **Client notes (generating a client in another language).** Generated clients need a thin wire layer; `clients/typescript` (typescript-fetch + a fetch middleware) is a worked example. * Scheduler, node and cluster operations: send bodies as `Content-Type: application/xml;   charset=utf-8`, written from the schemas\' `xml` objects (root name and namespace; array   items named by `items.xml.name`; children in declared order, or sorted ordinally where the   schema says `x-hpc-xml-order: ordinal`; `i:nil=\"true\"` for null). Send   `Accept: application/xml` and decode the XML answer by its root element. Generators do   not do this: their XML support (if any) writes no DataContract root or namespace. * SOA operations (`/Sessions`, `/Session/...`): JSON is documented; send and accept   `application/json`. * A POST without a body (Submit, Close, Commit, Purge...) must still send   `Content-Length: 0`; IIS answers 411 without a length. [I] * Send `api-version: 2012-11-01.4.0` (or another `ApiVersion` example) on every call: it is   a string, not an enum, because its dotted values are not identifiers in every language. * Nullable enum properties are a bare `$ref` (listed in the object\'s `x-hpc-nillable`): C   and Java generators cannot compile `oneOf: [$ref, null]`; treat a nil as absent. * One schema per media type: where the same media type can carry another document (Get Job   with `Render=HpcJobXml`; the SP2 `<string>` fault) it is listed in the media type\'s   `x-hpc-alternatives`; such answers are read as text. * Generator settings (openapi-generator 7.26.0): TypeScript (`typescript-fetch`) and Go   compile with the defaults. Java needs `--library native` (only the JDK HTTP client and   Jackson) and `openApiNullable=false` (`jackson-databind-nullable` is an extra dependency   and the XML layer already tells absent from nil). C (`c`, libcurl + cJSON) compiles and   links with the defaults plus two template fixes, `-t` with the pinned jar\'s templates   patched by `generator/templates-c/_*.patch`: `api-body.mustache` (for an operation   without a return type and with a string body, Cancel Job/Task/Subtask, the cleanup   frees a `localVarSingleItemJSON_body` it never declared) and `apiClient.c.mustache` (a   bodiless POST got no `Content-Length`; 411). Enum parameters (`Render`) are inline   schemas with a `title` because the C generator never declares the `*_e` type of a   `$ref` enum parameter (openapi-generator issues #5091, #10834). * The C client writes and reads JSON only (its `apiClient.c` drops every `xml` media   type): Create, Attach and Close Session work as generated (`clients/c/smoke.c`; the   batch operations are not exercised from C). Scheduler,   node and cluster operations against a head node need the caller\'s own XML layer (encode   the body as DataContract XML per the rules above, send `Accept: application/xml`, decode   the answer), as the TypeScript middleware does; the C generator also wraps an array body   as `{\"property\": [...]}`, so property-list bodies need that layer even against the   emulator\'s JSON extension. Pass `\"\"`, not NULL, as an absent cancel reason (the   generated code `strdup`s it).  Confidence tags in descriptions: [D] documented by Microsoft, [C] seen in Microsoft\'s client code, [I] inferred. 
 *
 * The version of the OpenAPI document: 1.0.0
 * 
 *
 * NOTE: This class is auto generated by OpenAPI Generator (https://openapi-generator.tech).
 * https://openapi-generator.tech
 * Do not edit the class manually.
 */

import { mapValues, parseDate, parseDateTime, serializeDate, serializeDateTime } from '../runtime';
import type { TaskType } from './TaskType';
import {
    TaskTypeFromJSON,
    TaskTypeFromJSONTyped,
    TaskTypeToJSON,
    TaskTypeToJSONTyped,
} from './TaskType';
import type { TaskState } from './TaskState';
import {
    TaskStateFromJSON,
    TaskStateFromJSONTyped,
    TaskStateToJSON,
    TaskStateToJSONTyped,
} from './TaskState';

/**
 * Typed view of a task's RestPropRender properties (Get Task, Get Subtask, Get Task List
 * rows, Add Task and Set Task Properties bodies). `TaskId` is `job.task[.instance]`. [D]/[C]
 * 
 * @export
 * @interface Task
 */
export interface Task {
    /**
     * `jobId.jobTaskId.instanceId`.
     */
    readonly taskId?: string | null;
    /**
     * 
     */
    readonly jobTaskId?: number | null;
    /**
     * 
     */
    readonly instanceId?: number | null;
    /**
     * 
     */
    name?: string | null;
    /**
     * 
     */
    state?: TaskState;
    /**
     * 
     */
    previousState?: TaskState;
    /**
     * 
     */
    minCores?: number | null;
    /**
     * 
     */
    maxCores?: number | null;
    /**
     * 
     */
    minNodes?: number | null;
    /**
     * 
     */
    maxNodes?: number | null;
    /**
     * 
     */
    minSockets?: number | null;
    /**
     * 
     */
    maxSockets?: number | null;
    /**
     * 
     */
    runtimeSeconds?: number | null;
    /**
     * 
     */
    readonly hasRuntime?: boolean | null;
    /**
     * 
     */
    readonly submitTime?: Date | null;
    /**
     * 
     */
    readonly createTime?: Date | null;
    /**
     * 
     */
    readonly startTime?: Date | null;
    /**
     * 
     */
    readonly endTime?: Date | null;
    /**
     * 
     */
    readonly changeTime?: Date | null;
    /**
     * 
     */
    readonly parentJobId?: number | null;
    /**
     * 
     */
    commandLine?: string | null;
    /**
     * Working directory of the task's process. `%NAME%` is replaced by that variable of the task's environment (the CCP_* variables such as `%CCP_JOBID%`, `%CCP_TASKID%`, `%CCP_TASKINSTANCEID%`, and the job's and task's environment variables) when the task runs [D: "Environment Variables in Windows HPC Server 2008 R2", `job submit /stdout:%USERPROFILE%\%CCP_JOBID%.txt`]; names match case-insensitively and an unknown `%NAME%` stays as written, as cmd.exe leaves it [I]. The property keeps the value as set. The emulator resolves a relative path under its data directory.
     */
    workDirectory?: string | null;
    /**
     * 
     */
    requiredNodes?: string | null;
    /**
     * Comma-separated task names this task waits for.
     */
    dependsOn?: string | null;
    /**
     * 
     */
    isExclusive?: boolean | null;
    /**
     * 
     */
    isRerunnable?: boolean | null;
    /**
     * File that receives standard output; an existing file is overwritten. Without one, the output is kept in `Output` [D: ISchedulerTask StdOutFilePath]. In a parametric sweep's instances every `*` is replaced by the instance value [D: same page] (the emulator pads a run of `*` as in CommandLine: `out***.txt` -> `out007.txt` [I]); then `%NAME%` is replaced from the task's environment when it runs, as for WorkDirectory [D: "Environment Variables in Windows HPC Server 2008 R2"]. A relative path is relative to the working directory.
     */
    stdOutFilePath?: string | null;
    /**
     * File read as standard input. `*` (sweep instances) and `%NAME%` are expanded as for StdOutFilePath [D: ISchedulerTask StdInFilePath].
     */
    stdInFilePath?: string | null;
    /**
     * File that receives standard error; without one, standard error goes where standard output goes [D: ISchedulerTask StdErrFilePath]. `*` (sweep instances) and `%NAME%` are expanded as for StdOutFilePath [D: same page].
     */
    stdErrFilePath?: string | null;
    /**
     * 
     */
    readonly exitCode?: number | null;
    /**
     * 
     */
    readonly requeueCount?: number | null;
    /**
     * 
     */
    startValue?: number | null;
    /**
     * 
     */
    endValue?: number | null;
    /**
     * 
     */
    incrementValue?: number | null;
    /**
     * 
     */
    readonly errorMessage?: string | null;
    /**
     * Last part of the task's output: the scheduler keeps "up to 4 KB" when the task has no stdout file [D: "Understanding application and data files"]. The emulator keeps the last 4000 characters of standard output (and of standard error when it has no file), or of the stdout file when it is a regular file [I].
     */
    readonly output?: string | null;
    /**
     * 
     */
    userBlob?: string | null;
    /**
     * 
     */
    type?: TaskType;
    /**
     * 
     */
    readonly isServiceConcluded?: boolean | null;
    /**
     * 
     */
    failJobOnFailure?: boolean | null;
    /**
     * 
     */
    failJobOnFailureCount?: number | null;
    /**
     * 
     */
    readonly allocatedCoreIds?: string | null;
    /**
     * 
     */
    readonly allocatedNodes?: string | null;
    /**
     * 
     */
    taskValidExitCodes?: string | null;
    /**
     * 
     */
    readonly executionFailureRetryCount?: number | null;
    /**
     * 
     */
    readonly autoRequeueCount?: number | null;
}



/**
 * Check if a given object implements the Task interface.
 */
export function instanceOfTask(value: object): value is Task {
    return true;
}

export function TaskFromJSON(json: any): Task {
    return TaskFromJSONTyped(json, false);
}

export function TaskFromJSONTyped(json: any, ignoreDiscriminator: boolean): Task {
    if (json == null) {
        return json;
    }
    return {
        
        'taskId': json['TaskId'] === undefined ? undefined : json['TaskId'] === null ? null : json['TaskId'],
        'jobTaskId': json['JobTaskId'] === undefined ? undefined : json['JobTaskId'] === null ? null : json['JobTaskId'],
        'instanceId': json['InstanceId'] === undefined ? undefined : json['InstanceId'] === null ? null : json['InstanceId'],
        'name': json['Name'] === undefined ? undefined : json['Name'] === null ? null : json['Name'],
        'state': json['State'] == null ? undefined : TaskStateFromJSON(json['State']),
        'previousState': json['PreviousState'] == null ? undefined : TaskStateFromJSON(json['PreviousState']),
        'minCores': json['MinCores'] === undefined ? undefined : json['MinCores'] === null ? null : json['MinCores'],
        'maxCores': json['MaxCores'] === undefined ? undefined : json['MaxCores'] === null ? null : json['MaxCores'],
        'minNodes': json['MinNodes'] === undefined ? undefined : json['MinNodes'] === null ? null : json['MinNodes'],
        'maxNodes': json['MaxNodes'] === undefined ? undefined : json['MaxNodes'] === null ? null : json['MaxNodes'],
        'minSockets': json['MinSockets'] === undefined ? undefined : json['MinSockets'] === null ? null : json['MinSockets'],
        'maxSockets': json['MaxSockets'] === undefined ? undefined : json['MaxSockets'] === null ? null : json['MaxSockets'],
        'runtimeSeconds': json['RuntimeSeconds'] === undefined ? undefined : json['RuntimeSeconds'] === null ? null : json['RuntimeSeconds'],
        'hasRuntime': json['HasRuntime'] === undefined ? undefined : json['HasRuntime'] === null ? null : json['HasRuntime'],
        'submitTime': json['SubmitTime'] === undefined ? undefined : json['SubmitTime'] === null ? null : (parseDateTime(json['SubmitTime'])),
        'createTime': json['CreateTime'] === undefined ? undefined : json['CreateTime'] === null ? null : (parseDateTime(json['CreateTime'])),
        'startTime': json['StartTime'] === undefined ? undefined : json['StartTime'] === null ? null : (parseDateTime(json['StartTime'])),
        'endTime': json['EndTime'] === undefined ? undefined : json['EndTime'] === null ? null : (parseDateTime(json['EndTime'])),
        'changeTime': json['ChangeTime'] === undefined ? undefined : json['ChangeTime'] === null ? null : (parseDateTime(json['ChangeTime'])),
        'parentJobId': json['ParentJobId'] === undefined ? undefined : json['ParentJobId'] === null ? null : json['ParentJobId'],
        'commandLine': json['CommandLine'] === undefined ? undefined : json['CommandLine'] === null ? null : json['CommandLine'],
        'workDirectory': json['WorkDirectory'] === undefined ? undefined : json['WorkDirectory'] === null ? null : json['WorkDirectory'],
        'requiredNodes': json['RequiredNodes'] === undefined ? undefined : json['RequiredNodes'] === null ? null : json['RequiredNodes'],
        'dependsOn': json['DependsOn'] === undefined ? undefined : json['DependsOn'] === null ? null : json['DependsOn'],
        'isExclusive': json['IsExclusive'] === undefined ? undefined : json['IsExclusive'] === null ? null : json['IsExclusive'],
        'isRerunnable': json['IsRerunnable'] === undefined ? undefined : json['IsRerunnable'] === null ? null : json['IsRerunnable'],
        'stdOutFilePath': json['StdOutFilePath'] === undefined ? undefined : json['StdOutFilePath'] === null ? null : json['StdOutFilePath'],
        'stdInFilePath': json['StdInFilePath'] === undefined ? undefined : json['StdInFilePath'] === null ? null : json['StdInFilePath'],
        'stdErrFilePath': json['StdErrFilePath'] === undefined ? undefined : json['StdErrFilePath'] === null ? null : json['StdErrFilePath'],
        'exitCode': json['ExitCode'] === undefined ? undefined : json['ExitCode'] === null ? null : json['ExitCode'],
        'requeueCount': json['RequeueCount'] === undefined ? undefined : json['RequeueCount'] === null ? null : json['RequeueCount'],
        'startValue': json['StartValue'] === undefined ? undefined : json['StartValue'] === null ? null : json['StartValue'],
        'endValue': json['EndValue'] === undefined ? undefined : json['EndValue'] === null ? null : json['EndValue'],
        'incrementValue': json['IncrementValue'] === undefined ? undefined : json['IncrementValue'] === null ? null : json['IncrementValue'],
        'errorMessage': json['ErrorMessage'] === undefined ? undefined : json['ErrorMessage'] === null ? null : json['ErrorMessage'],
        'output': json['Output'] === undefined ? undefined : json['Output'] === null ? null : json['Output'],
        'userBlob': json['UserBlob'] === undefined ? undefined : json['UserBlob'] === null ? null : json['UserBlob'],
        'type': json['Type'] == null ? undefined : TaskTypeFromJSON(json['Type']),
        'isServiceConcluded': json['IsServiceConcluded'] === undefined ? undefined : json['IsServiceConcluded'] === null ? null : json['IsServiceConcluded'],
        'failJobOnFailure': json['FailJobOnFailure'] === undefined ? undefined : json['FailJobOnFailure'] === null ? null : json['FailJobOnFailure'],
        'failJobOnFailureCount': json['FailJobOnFailureCount'] === undefined ? undefined : json['FailJobOnFailureCount'] === null ? null : json['FailJobOnFailureCount'],
        'allocatedCoreIds': json['AllocatedCoreIds'] === undefined ? undefined : json['AllocatedCoreIds'] === null ? null : json['AllocatedCoreIds'],
        'allocatedNodes': json['AllocatedNodes'] === undefined ? undefined : json['AllocatedNodes'] === null ? null : json['AllocatedNodes'],
        'taskValidExitCodes': json['TaskValidExitCodes'] === undefined ? undefined : json['TaskValidExitCodes'] === null ? null : json['TaskValidExitCodes'],
        'executionFailureRetryCount': json['ExecutionFailureRetryCount'] === undefined ? undefined : json['ExecutionFailureRetryCount'] === null ? null : json['ExecutionFailureRetryCount'],
        'autoRequeueCount': json['AutoRequeueCount'] === undefined ? undefined : json['AutoRequeueCount'] === null ? null : json['AutoRequeueCount'],
    };
}

export function TaskToJSON(json: any): Task {
    return TaskToJSONTyped(json, false);
}

export function TaskToJSONTyped(value?: Omit<Task, 'taskId'|'jobTaskId'|'instanceId'|'hasRuntime'|'submitTime'|'createTime'|'startTime'|'endTime'|'changeTime'|'parentJobId'|'exitCode'|'requeueCount'|'errorMessage'|'output'|'isServiceConcluded'|'allocatedCoreIds'|'allocatedNodes'|'executionFailureRetryCount'|'autoRequeueCount'> | null, ignoreDiscriminator: boolean = false): any {
    if (value == null) {
        return value;
    }

    return {
        
        'Name': value['name'],
        'State': TaskStateToJSON(value['state']),
        'PreviousState': TaskStateToJSON(value['previousState']),
        'MinCores': value['minCores'],
        'MaxCores': value['maxCores'],
        'MinNodes': value['minNodes'],
        'MaxNodes': value['maxNodes'],
        'MinSockets': value['minSockets'],
        'MaxSockets': value['maxSockets'],
        'RuntimeSeconds': value['runtimeSeconds'],
        'CommandLine': value['commandLine'],
        'WorkDirectory': value['workDirectory'],
        'RequiredNodes': value['requiredNodes'],
        'DependsOn': value['dependsOn'],
        'IsExclusive': value['isExclusive'],
        'IsRerunnable': value['isRerunnable'],
        'StdOutFilePath': value['stdOutFilePath'],
        'StdInFilePath': value['stdInFilePath'],
        'StdErrFilePath': value['stdErrFilePath'],
        'StartValue': value['startValue'],
        'EndValue': value['endValue'],
        'IncrementValue': value['incrementValue'],
        'UserBlob': value['userBlob'],
        'Type': TaskTypeToJSON(value['type']),
        'FailJobOnFailure': value['failJobOnFailure'],
        'FailJobOnFailureCount': value['failJobOnFailureCount'],
        'TaskValidExitCodes': value['taskValidExitCodes'],
    };
}

