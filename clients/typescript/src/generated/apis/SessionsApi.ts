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
    type BrokerClientStatus,
    BrokerClientStatusFromJSON,
    BrokerClientStatusToJSON,
} from '../models/BrokerClientStatus';
import {
    type BrokerClientStatusCode,
    BrokerClientStatusCodeFromJSON,
    BrokerClientStatusCodeToJSON,
} from '../models/BrokerClientStatusCode';
import {
    type HpcWebServiceFault,
    HpcWebServiceFaultFromJSON,
    HpcWebServiceFaultToJSON,
} from '../models/HpcWebServiceFault';
import {
    type Version,
    VersionFromJSON,
    VersionToJSON,
} from '../models/Version';
import {
    type WebSessionInfo,
    WebSessionInfoFromJSON,
    WebSessionInfoToJSON,
} from '../models/WebSessionInfo';
import {
    type WebSessionStartInfo,
    WebSessionStartInfoFromJSON,
    WebSessionStartInfoToJSON,
} from '../models/WebSessionStartInfo';

export interface AttachSessionRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * True for a durable session, false for an interactive one. [D]
     */
    durable: boolean;
    /**
     * SOA session identifier (the service job's id).
     */
    sessionId: number;
}

export interface CloseSessionRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * SOA session identifier (the service job's id).
     */
    sessionId: number;
}

export interface CommitRequestsRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * SOA session identifier (the service job's id).
     */
    sessionId: number;
    /**
     * Batch (broker client) name; at most 128 characters. [C]
     */
    batchName: string;
}

export interface CreateSessionRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * True for a durable session, false for an interactive one. [D]
     */
    durable: boolean;
    /**
     * 
     */
    webSessionStartInfo: WebSessionStartInfo;
}

export interface GetBatchStatusRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * SOA session identifier (the service job's id).
     */
    sessionId: number;
    /**
     * Batch (broker client) name; at most 128 characters. [C]
     */
    batchName: string;
}

export interface GetResponsesRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * SOA session identifier (the service job's id).
     */
    sessionId: number;
    /**
     * Batch (broker client) name; at most 128 characters. [C]
     */
    batchName: string;
    /**
     * The session's service is a generic service (text message format). Default false. [D]
     */
    genericservice?: boolean;
    /**
     * Maximum number of responses to return; -1 (default) returns all. [D]
     */
    count?: number;
    /**
     * Only responses to requests with this SOAP action; empty for any. [D]
     */
    action?: string;
    /**
     * True moves the response cursor back to the start and keeps responses already returned;
     * false continues after the last returned response (interactive sessions then delete the
     * ones already returned). [D]
     * 
     */
    reset?: boolean;
    /**
     * Undocumented; echoed into each response's `HPCServer2008_Broker_ResponseCallbackId` header. [C]/[I]
     */
    clientdata?: string;
}

export interface GetServiceVersionsRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * SOA service name (registration file name without `.config`).
     */
    serviceName: string;
}

export interface PurgeBatchRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * SOA session identifier (the service job's id).
     */
    sessionId: number;
    /**
     * Batch (broker client) name; at most 128 characters. [C]
     */
    batchName: string;
}

export interface SendRequestsRequest {
    /**
     * Operation version. Required on this operation (400 without it). May instead be sent as
     * the `api-version` URI parameter; the header wins when both are present. [D]
     * 
     */
    apiVersion: string;
    /**
     * SOA session identifier (the service job's id).
     */
    sessionId: number;
    /**
     * Batch (broker client) name; at most 128 characters. [C]
     */
    batchName: string;
    /**
     * 
     */
    body: Blob;
    /**
     * The session's service is a generic service (text message format). Default false. [D]
     */
    genericservice?: boolean;
    /**
     * These are the batch's last requests; commit the batch (answers 201). Default false. [D]
     */
    commit?: boolean;
}

/**
 * 
 */
export class SessionsApi extends runtime.BaseAPI {

    /**
     * Creates request options for attachSession without sending the request
     */
    async attachSessionRequestOpts(requestParameters: AttachSessionRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling attachSession().'
            );
        }

        if (requestParameters['durable'] == null) {
            throw new runtime.RequiredError(
                'durable',
                'Required parameter "durable" was null or undefined when calling attachSession().'
            );
        }

        if (requestParameters['sessionId'] == null) {
            throw new runtime.RequiredError(
                'sessionId',
                'Required parameter "sessionId" was null or undefined when calling attachSession().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['durable'] != null) {
            queryParameters['durable'] = requestParameters['durable'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Session/{sessionId}/Attach`;
        urlPath = urlPath.replace('{sessionId}', encodeURIComponent(String(requestParameters['sessionId'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * Connects to an existing session. [D]
     * Attach to Session
     */
    async attachSessionRaw(requestParameters: AttachSessionRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<WebSessionInfo>> {
        const requestOptions = await this.attachSessionRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => WebSessionInfoFromJSON(jsonValue));
    }

    /**
     * Connects to an existing session. [D]
     * Attach to Session
     */
    async attachSession(requestParameters: AttachSessionRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<WebSessionInfo> {
        const response = await this.attachSessionRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for closeSession without sending the request
     */
    async closeSessionRequestOpts(requestParameters: CloseSessionRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling closeSession().'
            );
        }

        if (requestParameters['sessionId'] == null) {
            throw new runtime.RequiredError(
                'sessionId',
                'Required parameter "sessionId" was null or undefined when calling closeSession().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Session/{sessionId}/Close`;
        urlPath = urlPath.replace('{sessionId}', encodeURIComponent(String(requestParameters['sessionId'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * Ends the session\'s service job and deletes its response messages. Sent with `Content-Length 0`. [D]
     * Close Session
     */
    async closeSessionRaw(requestParameters: CloseSessionRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.closeSessionRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Ends the session\'s service job and deletes its response messages. Sent with `Content-Length 0`. [D]
     * Close Session
     */
    async closeSession(requestParameters: CloseSessionRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.closeSessionRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for commitRequests without sending the request
     */
    async commitRequestsRequestOpts(requestParameters: CommitRequestsRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling commitRequests().'
            );
        }

        if (requestParameters['sessionId'] == null) {
            throw new runtime.RequiredError(
                'sessionId',
                'Required parameter "sessionId" was null or undefined when calling commitRequests().'
            );
        }

        if (requestParameters['batchName'] == null) {
            throw new runtime.RequiredError(
                'batchName',
                'Required parameter "batchName" was null or undefined when calling commitRequests().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Session/{sessionId}/batch/{batchName}/Commit`;
        urlPath = urlPath.replace('{sessionId}', encodeURIComponent(String(requestParameters['sessionId'])));
        urlPath = urlPath.replace('{batchName}', encodeURIComponent(String(requestParameters['batchName'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * Commits the requests sent earlier with `commit=false`. Sent with `Content-Length 0`. [D]
     * Indicate the End of Requests
     */
    async commitRequestsRaw(requestParameters: CommitRequestsRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.commitRequestsRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Commits the requests sent earlier with `commit=false`. Sent with `Content-Length 0`. [D]
     * Indicate the End of Requests
     */
    async commitRequests(requestParameters: CommitRequestsRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.commitRequestsRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for createSession without sending the request
     */
    async createSessionRequestOpts(requestParameters: CreateSessionRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling createSession().'
            );
        }

        if (requestParameters['durable'] == null) {
            throw new runtime.RequiredError(
                'durable',
                'Required parameter "durable" was null or undefined when calling createSession().'
            );
        }

        if (requestParameters['webSessionStartInfo'] == null) {
            throw new runtime.RequiredError(
                'webSessionStartInfo',
                'Required parameter "webSessionStartInfo" was null or undefined when calling createSession().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['durable'] != null) {
            queryParameters['durable'] = requestParameters['durable'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/xml';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Sessions/Create`;

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: WebSessionStartInfoToJSON(requestParameters['webSessionStartInfo']),
        };
    }

    /**
     * Starts a SOA session (a service job plus a broker). In XML the children of `WebSessionStartInfo` must be in ordinal alphabetical order. Not idempotent. [D] 
     * Create Session
     */
    async createSessionRaw(requestParameters: CreateSessionRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<WebSessionInfo>> {
        const requestOptions = await this.createSessionRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => WebSessionInfoFromJSON(jsonValue));
    }

    /**
     * Starts a SOA session (a service job plus a broker). In XML the children of `WebSessionStartInfo` must be in ordinal alphabetical order. Not idempotent. [D] 
     * Create Session
     */
    async createSession(requestParameters: CreateSessionRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<WebSessionInfo> {
        const response = await this.createSessionRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getBatchStatus without sending the request
     */
    async getBatchStatusRequestOpts(requestParameters: GetBatchStatusRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling getBatchStatus().'
            );
        }

        if (requestParameters['sessionId'] == null) {
            throw new runtime.RequiredError(
                'sessionId',
                'Required parameter "sessionId" was null or undefined when calling getBatchStatus().'
            );
        }

        if (requestParameters['batchName'] == null) {
            throw new runtime.RequiredError(
                'batchName',
                'Required parameter "batchName" was null or undefined when calling getBatchStatus().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Session/{sessionId}/batch/{batchName}/Status`;
        urlPath = urlPath.replace('{sessionId}', encodeURIComponent(String(requestParameters['sessionId'])));
        urlPath = urlPath.replace('{batchName}', encodeURIComponent(String(requestParameters['batchName'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * State of the batch. JSON gives the number, XML the enum name. [D]/[C]
     * Get Request Status
     */
    async getBatchStatusRaw(requestParameters: GetBatchStatusRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<BrokerClientStatus>> {
        const requestOptions = await this.getBatchStatusRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => BrokerClientStatusFromJSON(jsonValue));
    }

    /**
     * State of the batch. JSON gives the number, XML the enum name. [D]/[C]
     * Get Request Status
     */
    async getBatchStatus(requestParameters: GetBatchStatusRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<BrokerClientStatus> {
        const response = await this.getBatchStatusRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getResponses without sending the request
     */
    async getResponsesRequestOpts(requestParameters: GetResponsesRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling getResponses().'
            );
        }

        if (requestParameters['sessionId'] == null) {
            throw new runtime.RequiredError(
                'sessionId',
                'Required parameter "sessionId" was null or undefined when calling getResponses().'
            );
        }

        if (requestParameters['batchName'] == null) {
            throw new runtime.RequiredError(
                'batchName',
                'Required parameter "batchName" was null or undefined when calling getResponses().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['genericservice'] != null) {
            queryParameters['genericservice'] = requestParameters['genericservice'];
        }

        if (requestParameters['count'] != null) {
            queryParameters['count'] = requestParameters['count'];
        }

        if (requestParameters['action'] != null) {
            queryParameters['action'] = requestParameters['action'];
        }

        if (requestParameters['reset'] != null) {
            queryParameters['reset'] = requestParameters['reset'];
        }

        if (requestParameters['clientdata'] != null) {
            queryParameters['clientdata'] = requestParameters['clientdata'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Session/{sessionId}/batch/{batchName}/Response`;
        urlPath = urlPath.replace('{sessionId}', encodeURIComponent(String(requestParameters['sessionId'])));
        urlPath = urlPath.replace('{batchName}', encodeURIComponent(String(requestParameters['batchName'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * Streams the batch\'s responses (chunked): a message array of SOAP envelopes ending with an `EndOfResponses` envelope (action `http://hpc.microsoft.com/EndOfGetResponse`), or for a generic service `action U+FFFF output U+FFFF userdata U+0000 ...` ending with `http://hpc.microsoft.com/EndOfGetResponse U+FFFF count U+FFFF reason U+0000`. `clientdata` is undocumented; Microsoft\'s client always sends it. [D]/[C] When a response counts as returned is not documented: the emulator counts a stream\'s responses only once its whole body, EndOfResponses included, went to a connection that was still open, so a stream cut anywhere re-delivers all of them; after an interruption a client re-reads with `reset=true` and skips what it has. [I] 
     * Get Responses
     */
    async getResponsesRaw(requestParameters: GetResponsesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<runtime.HttpFile>> {
        const requestOptions = await this.getResponsesRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.BlobApiResponse(response);
    }

    /**
     * Streams the batch\'s responses (chunked): a message array of SOAP envelopes ending with an `EndOfResponses` envelope (action `http://hpc.microsoft.com/EndOfGetResponse`), or for a generic service `action U+FFFF output U+FFFF userdata U+0000 ...` ending with `http://hpc.microsoft.com/EndOfGetResponse U+FFFF count U+FFFF reason U+0000`. `clientdata` is undocumented; Microsoft\'s client always sends it. [D]/[C] When a response counts as returned is not documented: the emulator counts a stream\'s responses only once its whole body, EndOfResponses included, went to a connection that was still open, so a stream cut anywhere re-delivers all of them; after an interruption a client re-reads with `reset=true` and skips what it has. [I] 
     * Get Responses
     */
    async getResponses(requestParameters: GetResponsesRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.HttpFile> {
        const response = await this.getResponsesRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for getServiceVersions without sending the request
     */
    async getServiceVersionsRequestOpts(requestParameters: GetServiceVersionsRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling getServiceVersions().'
            );
        }

        if (requestParameters['serviceName'] == null) {
            throw new runtime.RequiredError(
                'serviceName',
                'Required parameter "serviceName" was null or undefined when calling getServiceVersions().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/SoaService/{serviceName}/Versions`;
        urlPath = urlPath.replace('{serviceName}', encodeURIComponent(String(requestParameters['serviceName'])));

        return {
            path: urlPath,
            method: 'GET',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * Versions of a registered SOA service. Undocumented; used by Microsoft\'s SOA client with the web transport. A service registered without a version yields a single 0.0. [C]/[I] 
     * Get Service Versions
     */
    async getServiceVersionsRaw(requestParameters: GetServiceVersionsRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<Array<Version>>> {
        const requestOptions = await this.getServiceVersionsRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.JSONApiResponse(response, (jsonValue) => jsonValue.map(VersionFromJSON));
    }

    /**
     * Versions of a registered SOA service. Undocumented; used by Microsoft\'s SOA client with the web transport. A service registered without a version yields a single 0.0. [C]/[I] 
     * Get Service Versions
     */
    async getServiceVersions(requestParameters: GetServiceVersionsRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<Array<Version>> {
        const response = await this.getServiceVersionsRaw(requestParameters, initOverrides);
        return await response.value();
    }

    /**
     * Creates request options for purgeBatch without sending the request
     */
    async purgeBatchRequestOpts(requestParameters: PurgeBatchRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling purgeBatch().'
            );
        }

        if (requestParameters['sessionId'] == null) {
            throw new runtime.RequiredError(
                'sessionId',
                'Required parameter "sessionId" was null or undefined when calling purgeBatch().'
            );
        }

        if (requestParameters['batchName'] == null) {
            throw new runtime.RequiredError(
                'batchName',
                'Required parameter "batchName" was null or undefined when calling purgeBatch().'
            );
        }

        const queryParameters: any = {};

        const headerParameters: runtime.HTTPHeaders = {};

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Session/{sessionId}/batch/{batchName}/Purge`;
        urlPath = urlPath.replace('{sessionId}', encodeURIComponent(String(requestParameters['sessionId'])));
        urlPath = urlPath.replace('{batchName}', encodeURIComponent(String(requestParameters['batchName'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
        };
    }

    /**
     * Deletes a batch sent earlier, with its requests and responses. Sent with `Content-Length 0`. [D]
     * Delete Requests (Purge)
     */
    async purgeBatchRaw(requestParameters: PurgeBatchRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.purgeBatchRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Deletes a batch sent earlier, with its requests and responses. Sent with `Content-Length 0`. [D]
     * Delete Requests (Purge)
     */
    async purgeBatch(requestParameters: PurgeBatchRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.purgeBatchRaw(requestParameters, initOverrides);
    }

    /**
     * Creates request options for sendRequests without sending the request
     */
    async sendRequestsRequestOpts(requestParameters: SendRequestsRequest): Promise<runtime.RequestOpts> {
        if (requestParameters['apiVersion'] == null) {
            throw new runtime.RequiredError(
                'apiVersion',
                'Required parameter "apiVersion" was null or undefined when calling sendRequests().'
            );
        }

        if (requestParameters['sessionId'] == null) {
            throw new runtime.RequiredError(
                'sessionId',
                'Required parameter "sessionId" was null or undefined when calling sendRequests().'
            );
        }

        if (requestParameters['batchName'] == null) {
            throw new runtime.RequiredError(
                'batchName',
                'Required parameter "batchName" was null or undefined when calling sendRequests().'
            );
        }

        if (requestParameters['body'] == null) {
            throw new runtime.RequiredError(
                'body',
                'Required parameter "body" was null or undefined when calling sendRequests().'
            );
        }

        const queryParameters: any = {};

        if (requestParameters['genericservice'] != null) {
            queryParameters['genericservice'] = requestParameters['genericservice'];
        }

        if (requestParameters['commit'] != null) {
            queryParameters['commit'] = requestParameters['commit'];
        }

        const headerParameters: runtime.HTTPHeaders = {};

        headerParameters['Content-Type'] = 'application/octet-stream';

        if (requestParameters['apiVersion'] != null) {
            headerParameters['api-version'] = String(requestParameters['apiVersion']);
        }

        if (this.configuration && (this.configuration.username !== undefined || this.configuration.password !== undefined)) {
            headerParameters["Authorization"] = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);
        }

        let urlPath = `/Session/{sessionId}/batch/{batchName}`;
        urlPath = urlPath.replace('{sessionId}', encodeURIComponent(String(requestParameters['sessionId'])));
        urlPath = urlPath.replace('{batchName}', encodeURIComponent(String(requestParameters['batchName'])));

        return {
            path: urlPath,
            method: 'POST',
            headers: headerParameters,
            query: queryParameters,
            body: requestParameters['body'] as any,
        };
    }

    /**
     * Sends requests into the batch (a broker client named `batchName`). For a normal service the body is an XML element (the client names it `HPCServer2008_WebAPI_MessageArray`) holding one SOAP 1.2 / WS-Addressing envelope per request; for a generic service (`genericservice=true`) it is text `input U+FFFF userdata U+0000 ...`. Answers 201 when `commit=true`. Not idempotent: a resent body enqueues the requests again. [D] 
     * Send Requests
     */
    async sendRequestsRaw(requestParameters: SendRequestsRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<runtime.ApiResponse<void>> {
        const requestOptions = await this.sendRequestsRequestOpts(requestParameters);
        const response = await this.request(requestOptions, initOverrides);

        return new runtime.VoidApiResponse(response);
    }

    /**
     * Sends requests into the batch (a broker client named `batchName`). For a normal service the body is an XML element (the client names it `HPCServer2008_WebAPI_MessageArray`) holding one SOAP 1.2 / WS-Addressing envelope per request; for a generic service (`genericservice=true`) it is text `input U+FFFF userdata U+0000 ...`. Answers 201 when `commit=true`. Not idempotent: a resent body enqueues the requests again. [D] 
     * Send Requests
     */
    async sendRequests(requestParameters: SendRequestsRequest, initOverrides?: RequestInit | runtime.InitOverrideFunction): Promise<void> {
        await this.sendRequestsRaw(requestParameters, initOverrides);
    }

}
