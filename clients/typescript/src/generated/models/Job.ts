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
import type { JobUnitType } from './JobUnitType';
import {
    JobUnitTypeFromJSON,
    JobUnitTypeFromJSONTyped,
    JobUnitTypeToJSON,
    JobUnitTypeToJSONTyped,
} from './JobUnitType';
import type { JobPriority } from './JobPriority';
import {
    JobPriorityFromJSON,
    JobPriorityFromJSONTyped,
    JobPriorityToJSON,
    JobPriorityToJSONTyped,
} from './JobPriority';
import type { JobState } from './JobState';
import {
    JobStateFromJSON,
    JobStateFromJSONTyped,
    JobStateToJSON,
    JobStateToJSONTyped,
} from './JobState';
import type { JobNodeGroupOp } from './JobNodeGroupOp';
import {
    JobNodeGroupOpFromJSON,
    JobNodeGroupOpFromJSONTyped,
    JobNodeGroupOpToJSON,
    JobNodeGroupOpToJSONTyped,
} from './JobNodeGroupOp';

/**
 * Typed view of a job's RestPropRender properties (Get Job, Get Job List rows, Create Job
 * and Set Job Properties bodies). Every value travels as a string; a nil value is null.
 * Read-only properties cannot be set; `Password` can be set but never read; `HoldUntil`
 * can be set on Submit and Set Job Properties only. Date-times are rendered in the server's
 * culture (e.g. `9/27/2011 9:53:26 PM`). [D]/[C]
 * 
 * @export
 * @interface Job
 */
export interface Job {
    /**
     * 
     */
    readonly id?: number | null;
    /**
     * 
     */
    name?: string | null;
    /**
     * `DOMAIN\user`.
     */
    readonly owner?: string | null;
    /**
     * Run-as user.
     */
    userName?: string | null;
    /**
     * 
     */
    password?: string | null;
    /**
     * 
     */
    project?: string | null;
    /**
     * Run-time limit.
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
    state?: JobState;
    /**
     * 
     */
    previousState?: JobState;
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
    unitType?: JobUnitType;
    /**
     * Comma-separated node names.
     */
    requestedNodes?: string | null;
    /**
     * 
     */
    isExclusive?: boolean | null;
    /**
     * 
     */
    runUntilCanceled?: boolean | null;
    /**
     * Comma-separated node groups.
     */
    nodeGroups?: string | null;
    /**
     * 
     */
    nodeGroupOp?: JobNodeGroupOp;
    /**
     * 
     */
    failOnTaskFailure?: boolean | null;
    /**
     * 
     */
    autoCalculateMax?: boolean | null;
    /**
     * 
     */
    autoCalculateMin?: boolean | null;
    /**
     * 
     */
    readonly canGrow?: boolean | null;
    /**
     * 
     */
    readonly canShrink?: boolean | null;
    /**
     * 
     */
    preemptable?: boolean | null;
    /**
     * 
     */
    readonly errorMessage?: string | null;
    /**
     * 
     */
    readonly requeueCount?: number | null;
    /**
     * MB.
     */
    minMemory?: number | null;
    /**
     * MB.
     */
    maxMemory?: number | null;
    /**
     * 
     */
    minCoresPerNode?: number | null;
    /**
     * 
     */
    maxCoresPerNode?: number | null;
    /**
     * 
     */
    readonly endpointReference?: string | null;
    /**
     * 
     */
    softwareLicense?: string | null;
    /**
     * 
     */
    orderBy?: string | null;
    /**
     * 
     */
    clientSource?: string | null;
    /**
     * Percent complete. Maintained by the scheduler from the number of tasks that have completed, until a client sets it; from then on it stays as set. [D]
     */
    progress?: number | null;
    /**
     * Set by applications; documented as up to 80 characters. [D]
     */
    progressMessage?: string | null;
    /**
     * 
     */
    targetResourceCount?: number | null;
    /**
     * 
     */
    priority?: JobPriority;
    /**
     * 
     */
    expandedPriority?: number | null;
    /**
     * 
     */
    serviceName?: string | null;
    /**
     * 
     */
    jobTemplate?: string | null;
    /**
     * 
     */
    holdUntil?: Date | null;
    /**
     * 
     */
    notifyOnStart?: boolean | null;
    /**
     * 
     */
    notifyOnCompletion?: boolean | null;
    /**
     * 
     */
    readonly excludedNodes?: string | null;
    /**
     * 
     */
    emailAddress?: string | null;
    /**
     * 
     */
    readonly allocatedNodes?: string | null;
    /**
     * 
     */
    pool?: string | null;
    /**
     * 
     */
    jobValidExitCodes?: string | null;
    /**
     * Comma-separated job ids.
     */
    parentJobIds?: string | null;
    /**
     * 
     */
    childJobIds?: string | null;
    /**
     * 
     */
    failDependentTasks?: boolean | null;
    /**
     * 
     */
    singleNode?: boolean | null;
    /**
     * MB.
     */
    estimatedProcessMemory?: number | null;
    /**
     * Flags by name: Batch, Admin, Service, Broker. [C]
     */
    readonly jobType?: string | null;
    /**
     * 
     */
    readonly pendingReason?: string | null;
    /**
     * 
     */
    readonly failureReason?: string | null;
    /**
     * 
     */
    readonly autoRequeueCount?: number | null;
}



/**
 * Check if a given object implements the Job interface.
 */
export function instanceOfJob(value: object): value is Job {
    return true;
}

export function JobFromJSON(json: any): Job {
    return JobFromJSONTyped(json, false);
}

export function JobFromJSONTyped(json: any, ignoreDiscriminator: boolean): Job {
    if (json == null) {
        return json;
    }
    return {
        
        'id': json['Id'] === undefined ? undefined : json['Id'] === null ? null : json['Id'],
        'name': json['Name'] === undefined ? undefined : json['Name'] === null ? null : json['Name'],
        'owner': json['Owner'] === undefined ? undefined : json['Owner'] === null ? null : json['Owner'],
        'userName': json['UserName'] === undefined ? undefined : json['UserName'] === null ? null : json['UserName'],
        'password': json['Password'] === undefined ? undefined : json['Password'] === null ? null : json['Password'],
        'project': json['Project'] === undefined ? undefined : json['Project'] === null ? null : json['Project'],
        'runtimeSeconds': json['RuntimeSeconds'] === undefined ? undefined : json['RuntimeSeconds'] === null ? null : json['RuntimeSeconds'],
        'hasRuntime': json['HasRuntime'] === undefined ? undefined : json['HasRuntime'] === null ? null : json['HasRuntime'],
        'submitTime': json['SubmitTime'] === undefined ? undefined : json['SubmitTime'] === null ? null : (parseDateTime(json['SubmitTime'])),
        'createTime': json['CreateTime'] === undefined ? undefined : json['CreateTime'] === null ? null : (parseDateTime(json['CreateTime'])),
        'startTime': json['StartTime'] === undefined ? undefined : json['StartTime'] === null ? null : (parseDateTime(json['StartTime'])),
        'endTime': json['EndTime'] === undefined ? undefined : json['EndTime'] === null ? null : (parseDateTime(json['EndTime'])),
        'changeTime': json['ChangeTime'] === undefined ? undefined : json['ChangeTime'] === null ? null : (parseDateTime(json['ChangeTime'])),
        'state': json['State'] == null ? undefined : JobStateFromJSON(json['State']),
        'previousState': json['PreviousState'] == null ? undefined : JobStateFromJSON(json['PreviousState']),
        'minCores': json['MinCores'] === undefined ? undefined : json['MinCores'] === null ? null : json['MinCores'],
        'maxCores': json['MaxCores'] === undefined ? undefined : json['MaxCores'] === null ? null : json['MaxCores'],
        'minNodes': json['MinNodes'] === undefined ? undefined : json['MinNodes'] === null ? null : json['MinNodes'],
        'maxNodes': json['MaxNodes'] === undefined ? undefined : json['MaxNodes'] === null ? null : json['MaxNodes'],
        'minSockets': json['MinSockets'] === undefined ? undefined : json['MinSockets'] === null ? null : json['MinSockets'],
        'maxSockets': json['MaxSockets'] === undefined ? undefined : json['MaxSockets'] === null ? null : json['MaxSockets'],
        'unitType': json['UnitType'] == null ? undefined : JobUnitTypeFromJSON(json['UnitType']),
        'requestedNodes': json['RequestedNodes'] === undefined ? undefined : json['RequestedNodes'] === null ? null : json['RequestedNodes'],
        'isExclusive': json['IsExclusive'] === undefined ? undefined : json['IsExclusive'] === null ? null : json['IsExclusive'],
        'runUntilCanceled': json['RunUntilCanceled'] === undefined ? undefined : json['RunUntilCanceled'] === null ? null : json['RunUntilCanceled'],
        'nodeGroups': json['NodeGroups'] === undefined ? undefined : json['NodeGroups'] === null ? null : json['NodeGroups'],
        'nodeGroupOp': json['NodeGroupOp'] == null ? undefined : JobNodeGroupOpFromJSON(json['NodeGroupOp']),
        'failOnTaskFailure': json['FailOnTaskFailure'] === undefined ? undefined : json['FailOnTaskFailure'] === null ? null : json['FailOnTaskFailure'],
        'autoCalculateMax': json['AutoCalculateMax'] === undefined ? undefined : json['AutoCalculateMax'] === null ? null : json['AutoCalculateMax'],
        'autoCalculateMin': json['AutoCalculateMin'] === undefined ? undefined : json['AutoCalculateMin'] === null ? null : json['AutoCalculateMin'],
        'canGrow': json['CanGrow'] === undefined ? undefined : json['CanGrow'] === null ? null : json['CanGrow'],
        'canShrink': json['CanShrink'] === undefined ? undefined : json['CanShrink'] === null ? null : json['CanShrink'],
        'preemptable': json['Preemptable'] === undefined ? undefined : json['Preemptable'] === null ? null : json['Preemptable'],
        'errorMessage': json['ErrorMessage'] === undefined ? undefined : json['ErrorMessage'] === null ? null : json['ErrorMessage'],
        'requeueCount': json['RequeueCount'] === undefined ? undefined : json['RequeueCount'] === null ? null : json['RequeueCount'],
        'minMemory': json['MinMemory'] === undefined ? undefined : json['MinMemory'] === null ? null : json['MinMemory'],
        'maxMemory': json['MaxMemory'] === undefined ? undefined : json['MaxMemory'] === null ? null : json['MaxMemory'],
        'minCoresPerNode': json['MinCoresPerNode'] === undefined ? undefined : json['MinCoresPerNode'] === null ? null : json['MinCoresPerNode'],
        'maxCoresPerNode': json['MaxCoresPerNode'] === undefined ? undefined : json['MaxCoresPerNode'] === null ? null : json['MaxCoresPerNode'],
        'endpointReference': json['EndpointReference'] === undefined ? undefined : json['EndpointReference'] === null ? null : json['EndpointReference'],
        'softwareLicense': json['SoftwareLicense'] === undefined ? undefined : json['SoftwareLicense'] === null ? null : json['SoftwareLicense'],
        'orderBy': json['OrderBy'] === undefined ? undefined : json['OrderBy'] === null ? null : json['OrderBy'],
        'clientSource': json['ClientSource'] === undefined ? undefined : json['ClientSource'] === null ? null : json['ClientSource'],
        'progress': json['Progress'] === undefined ? undefined : json['Progress'] === null ? null : json['Progress'],
        'progressMessage': json['ProgressMessage'] === undefined ? undefined : json['ProgressMessage'] === null ? null : json['ProgressMessage'],
        'targetResourceCount': json['TargetResourceCount'] === undefined ? undefined : json['TargetResourceCount'] === null ? null : json['TargetResourceCount'],
        'priority': json['Priority'] == null ? undefined : JobPriorityFromJSON(json['Priority']),
        'expandedPriority': json['ExpandedPriority'] === undefined ? undefined : json['ExpandedPriority'] === null ? null : json['ExpandedPriority'],
        'serviceName': json['ServiceName'] === undefined ? undefined : json['ServiceName'] === null ? null : json['ServiceName'],
        'jobTemplate': json['JobTemplate'] === undefined ? undefined : json['JobTemplate'] === null ? null : json['JobTemplate'],
        'holdUntil': json['HoldUntil'] === undefined ? undefined : json['HoldUntil'] === null ? null : (parseDateTime(json['HoldUntil'])),
        'notifyOnStart': json['NotifyOnStart'] === undefined ? undefined : json['NotifyOnStart'] === null ? null : json['NotifyOnStart'],
        'notifyOnCompletion': json['NotifyOnCompletion'] === undefined ? undefined : json['NotifyOnCompletion'] === null ? null : json['NotifyOnCompletion'],
        'excludedNodes': json['ExcludedNodes'] === undefined ? undefined : json['ExcludedNodes'] === null ? null : json['ExcludedNodes'],
        'emailAddress': json['EmailAddress'] === undefined ? undefined : json['EmailAddress'] === null ? null : json['EmailAddress'],
        'allocatedNodes': json['AllocatedNodes'] === undefined ? undefined : json['AllocatedNodes'] === null ? null : json['AllocatedNodes'],
        'pool': json['Pool'] === undefined ? undefined : json['Pool'] === null ? null : json['Pool'],
        'jobValidExitCodes': json['JobValidExitCodes'] === undefined ? undefined : json['JobValidExitCodes'] === null ? null : json['JobValidExitCodes'],
        'parentJobIds': json['ParentJobIds'] === undefined ? undefined : json['ParentJobIds'] === null ? null : json['ParentJobIds'],
        'childJobIds': json['ChildJobIds'] === undefined ? undefined : json['ChildJobIds'] === null ? null : json['ChildJobIds'],
        'failDependentTasks': json['FailDependentTasks'] === undefined ? undefined : json['FailDependentTasks'] === null ? null : json['FailDependentTasks'],
        'singleNode': json['SingleNode'] === undefined ? undefined : json['SingleNode'] === null ? null : json['SingleNode'],
        'estimatedProcessMemory': json['EstimatedProcessMemory'] === undefined ? undefined : json['EstimatedProcessMemory'] === null ? null : json['EstimatedProcessMemory'],
        'jobType': json['JobType'] === undefined ? undefined : json['JobType'] === null ? null : json['JobType'],
        'pendingReason': json['PendingReason'] === undefined ? undefined : json['PendingReason'] === null ? null : json['PendingReason'],
        'failureReason': json['FailureReason'] === undefined ? undefined : json['FailureReason'] === null ? null : json['FailureReason'],
        'autoRequeueCount': json['AutoRequeueCount'] === undefined ? undefined : json['AutoRequeueCount'] === null ? null : json['AutoRequeueCount'],
    };
}

export function JobToJSON(json: any): Job {
    return JobToJSONTyped(json, false);
}

export function JobToJSONTyped(value?: Omit<Job, 'id'|'owner'|'hasRuntime'|'submitTime'|'createTime'|'startTime'|'endTime'|'changeTime'|'canGrow'|'canShrink'|'errorMessage'|'requeueCount'|'endpointReference'|'excludedNodes'|'allocatedNodes'|'jobType'|'pendingReason'|'failureReason'|'autoRequeueCount'> | null, ignoreDiscriminator: boolean = false): any {
    if (value == null) {
        return value;
    }

    return {
        
        'Name': value['name'],
        'UserName': value['userName'],
        'Password': value['password'],
        'Project': value['project'],
        'RuntimeSeconds': value['runtimeSeconds'],
        'State': JobStateToJSON(value['state']),
        'PreviousState': JobStateToJSON(value['previousState']),
        'MinCores': value['minCores'],
        'MaxCores': value['maxCores'],
        'MinNodes': value['minNodes'],
        'MaxNodes': value['maxNodes'],
        'MinSockets': value['minSockets'],
        'MaxSockets': value['maxSockets'],
        'UnitType': JobUnitTypeToJSON(value['unitType']),
        'RequestedNodes': value['requestedNodes'],
        'IsExclusive': value['isExclusive'],
        'RunUntilCanceled': value['runUntilCanceled'],
        'NodeGroups': value['nodeGroups'],
        'NodeGroupOp': JobNodeGroupOpToJSON(value['nodeGroupOp']),
        'FailOnTaskFailure': value['failOnTaskFailure'],
        'AutoCalculateMax': value['autoCalculateMax'],
        'AutoCalculateMin': value['autoCalculateMin'],
        'Preemptable': value['preemptable'],
        'MinMemory': value['minMemory'],
        'MaxMemory': value['maxMemory'],
        'MinCoresPerNode': value['minCoresPerNode'],
        'MaxCoresPerNode': value['maxCoresPerNode'],
        'SoftwareLicense': value['softwareLicense'],
        'OrderBy': value['orderBy'],
        'ClientSource': value['clientSource'],
        'Progress': value['progress'],
        'ProgressMessage': value['progressMessage'],
        'TargetResourceCount': value['targetResourceCount'],
        'Priority': JobPriorityToJSON(value['priority']),
        'ExpandedPriority': value['expandedPriority'],
        'ServiceName': value['serviceName'],
        'JobTemplate': value['jobTemplate'],
        'HoldUntil': value['holdUntil'] == null ? value['holdUntil'] : serializeDateTime(value['holdUntil']),
        'NotifyOnStart': value['notifyOnStart'],
        'NotifyOnCompletion': value['notifyOnCompletion'],
        'EmailAddress': value['emailAddress'],
        'Pool': value['pool'],
        'JobValidExitCodes': value['jobValidExitCodes'],
        'ParentJobIds': value['parentJobIds'],
        'ChildJobIds': value['childJobIds'],
        'FailDependentTasks': value['failDependentTasks'],
        'SingleNode': value['singleNode'],
        'EstimatedProcessMemory': value['estimatedProcessMemory'],
    };
}

