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

export interface CancelJobRequest {
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
     * Stop at once, skipping the grace period and the node release task (default false). [D]
     */
    forced?: boolean;
    /**
     * 
     */
    body?: string;
}

export interface CreateJobRequest {
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

export interface CreateJobFromXmlRequest {
    /**
     * 
     */
    body: string;
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
}

export interface GetJobRequest {
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
     * Comma-separated job property names; default all. An unknown name is an error. [D]
     */
    properties?: string;
    /**
     * `RestPropRender` (default): name/value list. `HpcJobXml`: job or task XML document. [D]
     */
    render?: GetJobRenderEnum;
}

export interface GetJobCustomPropertiesRequest {
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
     * Comma-separated names to return; all when omitted. Each name follows the grammar of
     * `Property.Name`, since every requested name comes back as one (unknown names with an
     * empty value). [D]/[I]
     * 
     */
    names?: string;
}

export interface GetJobEnvVariablesRequest {
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
     * Comma-separated names to return; all when omitted. Each name follows the grammar of
     * `Property.Name`, since every requested name comes back as one (unknown names with an
     * empty value). [D]/[I]
     * 
     */
    names?: string;
}

export interface GetJobListRequest {
    /**
     * Operation version. Optional on this SP2-era operation; when absent, errors come back in
     * the SP2 `<string>` format. May instead be sent as the `api-version` URI parameter. [D]
     * 
     */
    apiVersion?: string;
    /**
     * Comma-separated job property names; default `Id,Owner,Name,State,Priority`. An unknown name is an error. [D]
     */
    properties?: string;
    /**
     * Only jobs of this owner (`DOMAIN\user`). [D]
     */
    owner?: string;
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
     * OData-like filter, clauses joined by ` and `: `JobState eq <state>`,
     * `ChangeTimeFrom eq <DateTime>`. Needs `Render=RestPropRender` and api-version
     * 2012-11-01 or later. [D]
     * 
     */
    $filter?: string;
    /**
     * Required together with `$filter`; only `RestPropRender` is documented for lists. [D]
     */
    render?: GetJobListRenderEnum;
    /**
     * Job property to sort by; absent or unknown sorts by `Id`. [D]
     */
    sortJobsBy?: string;
    /**
     * Page size (HPC Pack 2012 R2 Update 3 and later); default 10, at least one row is returned. [D]
     */
    rowsPerRead?: number;
}

export interface RequeueJobRequest {
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
     * 
     */
    property?: Array<Property>;
}

export interface SetJobCustomPropertiesRequest {
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

export interface SetJobEnvVariablesRequest {
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

export interface SetJobPropertiesRequest {
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

export interface SubmitJobRequest {
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

/**
 * 
 */
export class JobsApi extends runtime.BaseAPI {

    /**
     * Creates request options for cancelJob without sending the request
     */
    async cancelJobRequestOpts(requestParameters: CancelJobRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling cancelJob().'
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

        let urlPath = `/Job/{jobId}/Cancel`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['body'] as any,
        };
    }

    /**
     * Cancels the job. The optional body is the cancel reason (at most 128 characters); the SP-era sample sends no body at all. Canceling a Canceled job is an error. [D] The answer can come while the job is still Canceling (a JobState [D]) and its tasks are being stopped: a client that needs the end waits for Canceled. [I] The emulator shows this for jobs of more than 250 open tasks and instances. 
     * Cancel Job
     */
    async cancelJobRaw(requestParameters: CancelJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.cancelJobRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Cancels the job. The optional body is the cancel reason (at most 128 characters); the SP-era sample sends no body at all. Canceling a Canceled job is an error. [D] The answer can come while the job is still Canceling (a JobState [D]) and its tasks are being stopped: a client that needs the end waits for Canceled. [I] The emulator shows this for jobs of more than 250 open tasks and instances. 
     * Cancel Job
     */
    async cancelJob(requestParameters: CancelJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.cancelJobRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for createJob without sending the request
     */
    async createJobRequestOpts(requestParameters: CreateJobRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling createJob().'
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

        let urlPath = `/Jobs`;

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['property']!.map(PropertyToJSON),
        };
    }

    /**
     * Creates a job in the Configuring state, without tasks, from the given job properties (any subset of the settable properties of `Job`; an empty list gives the defaults). Enum values may be sent by name or by number. Not idempotent. [D] 
     * Create Job
     */
    async createJobRaw(requestParameters: CreateJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<number>> {
        const requestOptions = await this.createJobRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        if (this.isJsonMime(response.headers.get('content-type'))) {
            return new runtime.JSONApiResponse<number>(response);
        } else {
            return new runtime.TextApiResponse(response) as any;
        }
    }

    /**
     * Creates a job in the Configuring state, without tasks, from the given job properties (any subset of the settable properties of `Job`; an empty list gives the defaults). Enum values may be sent by name or by number. Not idempotent. [D] 
     * Create Job
     */
    async createJob(requestParameters: CreateJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<number> {
        const response = await this.createJobRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for createJobFromXml without sending the request
     */
    async createJobFromXmlRequestOpts(requestParameters: CreateJobFromXmlRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['body'] == null) {
            throw new runtime.RequiredError(
                'body',
                'Required parameter "body" was null or undefined when calling createJobFromXml().'
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

        let urlPath = `/Jobs/JobFile`;

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['body'] as any,
        };
    }

    /**
     * Creates a job, with its tasks, from a job XML document (the `HpcJobXml` rendering of Get Job, root `Job` in `http://schemas.microsoft.com/HPCS2008R2/scheduler/`). Not idempotent. [D] 
     * Create Job From XML
     */
    async createJobFromXmlRaw(requestParameters: CreateJobFromXmlRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<number>> {
        const requestOptions = await this.createJobFromXmlRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        if (this.isJsonMime(response.headers.get('content-type'))) {
            return new runtime.JSONApiResponse<number>(response);
        } else {
            return new runtime.TextApiResponse(response) as any;
        }
    }

    /**
     * Creates a job, with its tasks, from a job XML document (the `HpcJobXml` rendering of Get Job, root `Job` in `http://schemas.microsoft.com/HPCS2008R2/scheduler/`). Not idempotent. [D] 
     * Create Job From XML
     */
    async createJobFromXml(requestParameters: CreateJobFromXmlRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<number> {
        const response = await this.createJobFromXmlRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getJob without sending the request
     */
    async getJobRequestOpts(requestParameters: GetJobRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling getJob().'
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

        let urlPath = `/Job/{jobId}`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * The job\'s properties (default: all) as a name/value list. With `Render=HpcJobXml` the body is instead a job XML document (see `JobXml`). [D] 
     * Get Job
     */
    async getJobRaw(requestParameters: GetJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<Property>>> {
        const requestOptions = await this.getJobRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(PropertyFromJSON));
    }

    /**
     * The job\'s properties (default: all) as a name/value list. With `Render=HpcJobXml` the body is instead a job XML document (see `JobXml`). [D] 
     * Get Job
     */
    async getJob(requestParameters: GetJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<Property>> {
        const response = await this.getJobRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getJobCustomProperties without sending the request
     */
    async getJobCustomPropertiesRequestOpts(requestParameters: GetJobCustomPropertiesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling getJobCustomProperties().'
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

        let urlPath = `/Job/{jobId}/CustomProperties`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * The job\'s custom properties (all, or those named in `Names`). [D]
     * Get Job Custom Properties
     */
    async getJobCustomPropertiesRaw(requestParameters: GetJobCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<Property>>> {
        const requestOptions = await this.getJobCustomPropertiesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(PropertyFromJSON));
    }

    /**
     * The job\'s custom properties (all, or those named in `Names`). [D]
     * Get Job Custom Properties
     */
    async getJobCustomProperties(requestParameters: GetJobCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<Property>> {
        const response = await this.getJobCustomPropertiesRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getJobEnvVariables without sending the request
     */
    async getJobEnvVariablesRequestOpts(requestParameters: GetJobEnvVariablesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling getJobEnvVariables().'
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

        let urlPath = `/Job/{jobId}/EnvVariables`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * The job\'s environment variables (all, or those named in `Names`; a missing name comes back with an empty value). [D]
     * Get Job Environment Variables
     */
    async getJobEnvVariablesRaw(requestParameters: GetJobEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<Property>>> {
        const requestOptions = await this.getJobEnvVariablesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(PropertyFromJSON));
    }

    /**
     * The job\'s environment variables (all, or those named in `Names`; a missing name comes back with an empty value). [D]
     * Get Job Environment Variables
     */
    async getJobEnvVariables(requestParameters: GetJobEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<Property>> {
        const response = await this.getJobEnvVariablesRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getJobList without sending the request
     */
    async getJobListRequestOpts(requestParameters: GetJobListRequest): Promise<runtime.RequestOpts> {
        const queryParameters: any = {};

        if (requestParameters['properties'] != null) {
            queryParameters['Properties'] = requestParameters['properties'];
        }

        if (requestParameters['owner'] != null) {
            queryParameters['Owner'] = requestParameters['owner'];
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

        if (requestParameters['sortJobsBy'] != null) {
            queryParameters['SortJobsBy'] = requestParameters['sortJobsBy'];
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

        let urlPath = `/Jobs`;

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * One page of jobs, each as the requested properties (default `Id,Owner,Name,State,Priority`). Follow `x-ms-continuation-QueryId` for the next page. [D] 
     * Get Job List
     */
    async getJobListRaw(requestParameters: GetJobListRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<HpcObject>>> {
        const requestOptions = await this.getJobListRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(HpcObjectFromJSON));
    }

    /**
     * One page of jobs, each as the requested properties (default `Id,Owner,Name,State,Priority`). Follow `x-ms-continuation-QueryId` for the next page. [D] 
     * Get Job List
     */
    async getJobList(requestParameters: GetJobListRequest = {}, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<HpcObject>> {
        const response = await this.getJobListRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for requeueJob without sending the request
     */
    async requeueJobRequestOpts(requestParameters: RequeueJobRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling requeueJob().'
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

        let urlPath = `/Job/{jobId}/Requeue`;
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
     * Requeues a Canceled or Failed job (any other state is an error). The body is an empty property list; its children are ignored. [D] 
     * Requeue Job
     */
    async requeueJobRaw(requestParameters: RequeueJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.requeueJobRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Requeues a Canceled or Failed job (any other state is an error). The body is an empty property list; its children are ignored. [D] 
     * Requeue Job
     */
    async requeueJob(requestParameters: RequeueJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.requeueJobRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for setJobCustomProperties without sending the request
     */
    async setJobCustomPropertiesRequestOpts(requestParameters: SetJobCustomPropertiesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling setJobCustomProperties().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling setJobCustomProperties().'
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

        let urlPath = `/Job/{jobId}/CustomProperties`;
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
     * Adds or replaces custom properties of the job. [D]
     * Set Job Custom Properties
     */
    async setJobCustomPropertiesRaw(requestParameters: SetJobCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.setJobCustomPropertiesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Adds or replaces custom properties of the job. [D]
     * Set Job Custom Properties
     */
    async setJobCustomProperties(requestParameters: SetJobCustomPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.setJobCustomPropertiesRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for setJobEnvVariables without sending the request
     */
    async setJobEnvVariablesRequestOpts(requestParameters: SetJobEnvVariablesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling setJobEnvVariables().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling setJobEnvVariables().'
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

        let urlPath = `/Job/{jobId}/EnvVariables`;
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
     * Sets environment variables for every task of the job; an empty or nil value removes the variable. [D]/[I]
     * Set Job Environment Variables
     */
    async setJobEnvVariablesRaw(requestParameters: SetJobEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.setJobEnvVariablesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Sets environment variables for every task of the job; an empty or nil value removes the variable. [D]/[I]
     * Set Job Environment Variables
     */
    async setJobEnvVariables(requestParameters: SetJobEnvVariablesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.setJobEnvVariablesRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for setJobProperties without sending the request
     */
    async setJobPropertiesRequestOpts(requestParameters: SetJobPropertiesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling setJobProperties().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling setJobProperties().'
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

        let urlPath = `/Job/{jobId}`;
        urlPath = urlPath.replace('{jobId}', encodeURIComponent(String(requestParameters['jobId'])));

        return {
            path: urlPath,
            method: 'PUT',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['property']!.map(PropertyToJSON),
        };
    }

    /**
     * Sets settable job properties. Idempotent. [D]
     * Set Job Properties
     */
    async setJobPropertiesRaw(requestParameters: SetJobPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.setJobPropertiesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Sets settable job properties. Idempotent. [D]
     * Set Job Properties
     */
    async setJobProperties(requestParameters: SetJobPropertiesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.setJobPropertiesRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for submitJob without sending the request
     */
    async submitJobRequestOpts(requestParameters: SubmitJobRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['jobId'] == null) {
            throw new runtime.RequiredError(
                'jobId',
                'Required parameter "jobId" was null or undefined when calling submitJob().'
            );
        }

        if (requestParameters['property'] == null) {
            throw new runtime.RequiredError(
                'property',
                'Required parameter "property" was null or undefined when calling submitJob().'
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

        let urlPath = `/Job/{jobId}/Submit`;
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
     * Submits a job in the Configuring state, after setting the given properties (typically `UserName` and `Password` when credentials are not cached). Validation happens asynchronously. [D] 
     * Submit Job
     */
    async submitJobRaw(requestParameters: SubmitJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.submitJobRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Submits a job in the Configuring state, after setting the given properties (typically `UserName` and `Password` when credentials are not cached). Validation happens asynchronously. [D] 
     * Submit Job
     */
    async submitJob(requestParameters: SubmitJobRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.submitJobRaw(requestParameters, initOverrides);
    }

}

/**
 * @export
 */
export const GetJobRenderEnum = {
    RestPropRender: 'RestPropRender',
    HpcJobXml: 'HpcJobXml',
} as const;
export type GetJobRenderEnum = typeof GetJobRenderEnum[keyof typeof GetJobRenderEnum];
/**
 * @export
 */
export const GetJobListRenderEnum = {
    RestPropRender: 'RestPropRender',
} as const;
export type GetJobListRenderEnum = typeof GetJobListRenderEnum[keyof typeof GetJobListRenderEnum];
