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

import * as runtime from '../runtime';
import {
    type HpcObject,
    HpcObjectFromJSON,
    HpcObjectToJSON,
} from '../models/HpcObject';
import {
    type HpcWebServiceFault,
    HpcWebServiceFaultFromJSON,
    HpcWebServiceFaultToJSON,
} from '../models/HpcWebServiceFault';
import {
    type Property,
    PropertyFromJSON,
    PropertyToJSON,
} from '../models/Property';

export interface AddTaskRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * 
     */
    property: Array<Property>;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
}

export interface CancelTaskRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
    /**
     * Stop at once, skipping the grace period and the node release task (default false). [D]
     */
    forced?: boolean;
    /**
     * 
     */
    body?: string;
}

export interface GetTaskRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
    /**
     * Comma-separated task property names; default all. [D]
     */
    properties?: string;
    /**
     * `RestPropRender` (default): name/value list. `HpcJobXml`: job or task XML document. [D]
     */
    render?: GetTaskRenderEnum;
}

export interface GetTaskCustomPropertiesRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
    /**
     * Comma-separated names to return; all when omitted. Each name follows the grammar of
     * `Property.Name`, since every requested name comes back as one (unknown names with an
     * empty value). [D]/[I]
     * 
     */
    names?: string;
}

export interface GetTaskEnvVariablesRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
    /**
     * Comma-separated names to return; all when omitted. Each name follows the grammar of
     * `Property.Name`, since every requested name comes back as one (unknown names with an
     * empty value). [D]/[I]
     * 
     */
    names?: string;
}

export interface GetTaskListRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
    /**
     * Comma-separated task property names; default `TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId`. [D]
     */
    properties?: string;
    /**
     * List each parametric sweep subtask (default true) or only the master task. [D]
     */
    expandParametric?: boolean;
    /**
     * Continuation token from the previous page's `x-ms-continuation-QueryId` header. [D]
     */
    queryId?: string;
    /**
     * SP2 continuation (echo of `x-ms-continuation-CurrentObjectNumber`); deprecated since SP3. [D]
     * @deprecated
     */
    currentObjectNumber?: number;
    /**
     * OData-like filter: `TaskState eq <state>`, `ChangeTimeFrom eq <DateTime>`, joined by ` and `. [D]
     */
    $filter?: string;
    /**
     * Required together with `$filter`; only `RestPropRender` is documented for lists. [D]
     */
    render?: GetTaskListRenderEnum;
    /**
     * Task property to sort by; default task id. [D]
     */
    sortTasksBy?: string;
    /**
     * Page size (HPC Pack 2012 R2 Update 3 and later); default 10, at least one row is returned. [D]
     */
    rowsPerRead?: number;
}

export interface RequeueTaskRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
    /**
     * 
     */
    property?: Array<Property>;
}

export interface SetTaskCustomPropertiesRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * 
     */
    property: Array<Property>;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
}

export interface SetTaskEnvVariablesRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * 
     */
    property: Array<Property>;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
}

export interface SetTaskPropertiesRequest {
    /**
     * Job identifier.
     */
    jobId: number;
    /**
     * Per-job task identifier (`JobTaskId`). [I]
     */
    taskId: number;
    /**
     * 
     */
    property: Array<Property>;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
}

/**
 * 
 */
export class TasksApi extends runtime.BaseAPI {

    /**
     * Creates request options for addTask without sending the request
     */
    async addTaskRequestOpts(requestParameters: AddTaskRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling addTask().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling addTask().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/xml';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Tasks`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['property']!.map(PropertyToJSON),
        };
    }

    /**
     * Adds a task, from the given task properties, to a job in the Configuring state and returns the task\'s per-job id (`JobTaskId`). Not idempotent. [D] (per-job id: [I]) 
     * Add Task
     */
    async addTaskRaw(requestParameters: AddTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<number>> {
        const requestOptions = await this.addTaskRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        if (this.isJsonMime(response.headers.get('content-type'))) {
            return new runtime.JSONApiResponse<number>(response);
        } else {
            return new runtime.TextApiResponse(response) as any;
        }
    }

    /**
     * Adds a task, from the given task properties, to a job in the Configuring state and returns the task\'s per-job id (`JobTaskId`). Not idempotent. [D] (per-job id: [I]) 
     * Add Task
     */
    async addTask(requestParameters: AddTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<number> {
        const response = await this.addTaskRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for cancelTask without sending the request
     */
    async cancelTaskRequestOpts(requestParameters: CancelTaskRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling cancelTask().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling cancelTask().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['forced'] != null) {
            queryParameters['Forced'] = requestParameters['forced'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/xml';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}/Cancel`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['body'] as any,
        };
    }

    /**
     * Cancels the task; optional reason body as for Cancel Job. [D]
     * Cancel Task
     */
    async cancelTaskRaw(requestParameters: CancelTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.cancelTaskRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Cancels the task; optional reason body as for Cancel Job. [D]
     * Cancel Task
     */
    async cancelTask(requestParameters: CancelTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.cancelTaskRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for getTask without sending the request
     */
    async getTaskRequestOpts(requestParameters: GetTaskRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling getTask().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling getTask().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['properties'] != null) {
            queryParameters['Properties'] = requestParameters['properties'];
        }

        if (requestParameters['render'] != null) {
            queryParameters['Render'] = requestParameters['render'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * The task\'s properties (default all); `Render=HpcJobXml` gives a task XML element instead. [D]
     * Get Task
     */
    async getTaskRaw(requestParameters: GetTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<Property>>> {
        const requestOptions = await this.getTaskRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(PropertyFromJSON));
    }

    /**
     * The task\'s properties (default all); `Render=HpcJobXml` gives a task XML element instead. [D]
     * Get Task
     */
    async getTask(requestParameters: GetTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<Property>> {
        const response = await this.getTaskRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getTaskCustomProperties without sending the request
     */
    async getTaskCustomPropertiesRequestOpts(requestParameters: GetTaskCustomPropertiesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling getTaskCustomProperties().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling getTaskCustomProperties().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['names'] != null) {
            queryParameters['Names'] = requestParameters['names'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}/CustomProperties`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * The task\'s custom properties (all, or those named in `Names`). [D]
     * Get Task Custom Properties
     */
    async getTaskCustomPropertiesRaw(requestParameters: GetTaskCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<Property>>> {
        const requestOptions = await this.getTaskCustomPropertiesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(PropertyFromJSON));
    }

    /**
     * The task\'s custom properties (all, or those named in `Names`). [D]
     * Get Task Custom Properties
     */
    async getTaskCustomProperties(requestParameters: GetTaskCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<Property>> {
        const response = await this.getTaskCustomPropertiesRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getTaskEnvVariables without sending the request
     */
    async getTaskEnvVariablesRequestOpts(requestParameters: GetTaskEnvVariablesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling getTaskEnvVariables().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling getTaskEnvVariables().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['names'] != null) {
            queryParameters['Names'] = requestParameters['names'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}/EnvVariables`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * The task\'s environment variables (all, or those named in `Names`; missing names give empty values). [D]
     * Get Task Environment Variables
     */
    async getTaskEnvVariablesRaw(requestParameters: GetTaskEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<Property>>> {
        const requestOptions = await this.getTaskEnvVariablesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(PropertyFromJSON));
    }

    /**
     * The task\'s environment variables (all, or those named in `Names`; missing names give empty values). [D]
     * Get Task Environment Variables
     */
    async getTaskEnvVariables(requestParameters: GetTaskEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<Property>> {
        const response = await this.getTaskEnvVariablesRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getTaskList without sending the request
     */
    async getTaskListRequestOpts(requestParameters: GetTaskListRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling getTaskList().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['properties'] != null) {
            queryParameters['Properties'] = requestParameters['properties'];
        }

        if (requestParameters['expandParametric'] != null) {
            queryParameters['ExpandParametric'] = requestParameters['expandParametric'];
        }

        if (requestParameters['queryId'] != null) {
            queryParameters['QueryId'] = requestParameters['queryId'];
        }

        if (requestParameters['currentObjectNumber'] != null) {
            queryParameters['CurrentObjectNumber'] = requestParameters['currentObjectNumber'];
        }

        if (requestParameters['$filter'] != null) {
            queryParameters['$filter'] = requestParameters['$filter'];
        }

        if (requestParameters['render'] != null) {
            queryParameters['Render'] = requestParameters['render'];
        }

        if (requestParameters['sortTasksBy'] != null) {
            queryParameters['SortTasksBy'] = requestParameters['sortTasksBy'];
        }

        if (requestParameters['rowsPerRead'] != null) {
            queryParameters['RowsPerRead'] = requestParameters['rowsPerRead'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Tasks`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * One page of the job\'s tasks (default properties `TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId`). Parametric sweep tasks are expanded into their subtasks unless `ExpandParametric=false`. [D] 
     * Get Task List
     */
    async getTaskListRaw(requestParameters: GetTaskListRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<HpcObject>>> {
        const requestOptions = await this.getTaskListRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(HpcObjectFromJSON));
    }

    /**
     * One page of the job\'s tasks (default properties `TaskId,Name,State,CommandLine,ExitCode,ParentJobId,JobTaskId,InstanceId`). Parametric sweep tasks are expanded into their subtasks unless `ExpandParametric=false`. [D] 
     * Get Task List
     */
    async getTaskList(requestParameters: GetTaskListRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<HpcObject>> {
        const response = await this.getTaskListRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for requeueTask without sending the request
     */
    async requeueTaskRequestOpts(requestParameters: RequeueTaskRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling requeueTask().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling requeueTask().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/xml';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}/Requeue`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['property']!.map(PropertyToJSON),
        };
    }

    /**
     * Moves a Failed, Canceled or Queued task back to Configuring; it runs again when the job is (re)submitted. [D]
     * Requeue Task
     */
    async requeueTaskRaw(requestParameters: RequeueTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.requeueTaskRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Moves a Failed, Canceled or Queued task back to Configuring; it runs again when the job is (re)submitted. [D]
     * Requeue Task
     */
    async requeueTask(requestParameters: RequeueTaskRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.requeueTaskRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for setTaskCustomProperties without sending the request
     */
    async setTaskCustomPropertiesRequestOpts(requestParameters: SetTaskCustomPropertiesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling setTaskCustomProperties().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling setTaskCustomProperties().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling setTaskCustomProperties().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/xml';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}/CustomProperties`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['property']!.map(PropertyToJSON),
        };
    }

    /**
     * Adds or replaces custom properties of the task. [D]
     * Set Task Custom Properties
     */
    async setTaskCustomPropertiesRaw(requestParameters: SetTaskCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.setTaskCustomPropertiesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Adds or replaces custom properties of the task. [D]
     * Set Task Custom Properties
     */
    async setTaskCustomProperties(requestParameters: SetTaskCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.setTaskCustomPropertiesRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for setTaskEnvVariables without sending the request
     */
    async setTaskEnvVariablesRequestOpts(requestParameters: SetTaskEnvVariablesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling setTaskEnvVariables().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling setTaskEnvVariables().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling setTaskEnvVariables().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/xml';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}/EnvVariables`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['property']!.map(PropertyToJSON),
        };
    }

    /**
     * Sets environment variables of the task. [D]
     * Set Task Environment Variables
     */
    async setTaskEnvVariablesRaw(requestParameters: SetTaskEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.setTaskEnvVariablesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Sets environment variables of the task. [D]
     * Set Task Environment Variables
     */
    async setTaskEnvVariables(requestParameters: SetTaskEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.setTaskEnvVariablesRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for setTaskProperties without sending the request
     */
    async setTaskPropertiesRequestOpts(requestParameters: SetTaskPropertiesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling setTaskProperties().'
            );
        }

        if (requestParameters['taskId'] == null) {
            throw new runtime.RequiredError(
                'taskId',
                'Required parameter "taskId" was null or undefined when calling setTaskProperties().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling setTaskProperties().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/xml';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Job/{jobId}/Task/{taskId}`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));
        urlPath = urlPath.replace('{taskId}', encodeURIComponent(String(requestParameters['taskId'])));

        return {
            path: urlPath,
            method: 'PUT',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['property']!.map(PropertyToJSON),
        };
    }

    /**
     * Sets settable task properties. Idempotent. [D]
     * Set Task Properties
     */
    async setTaskPropertiesRaw(requestParameters: SetTaskPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.setTaskPropertiesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Sets settable task properties. Idempotent. [D]
     * Set Task Properties
     */
    async setTaskProperties(requestParameters: SetTaskPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.setTaskPropertiesRaw(requestParameters, initOverrides);
    }

}

/**
 * @export
 */
export const GetTaskRenderEnum = {
    RestPropRender: 'RestPropRender',
    HpcJobXml: 'HpcJobXml',
} as const;
export type GetTaskRenderEnum = typeof GetTaskRenderEnum[keyof typeof GetTaskRenderEnum];
/**
 * @export
 */
export const GetTaskListRenderEnum = {
    RestPropRender: 'RestPropRender',
} as const;
export type GetTaskListRenderEnum = typeof GetTaskListRenderEnum[keyof typeof GetTaskListRenderEnum];
