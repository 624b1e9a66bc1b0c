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

import { mapValues } from '../runtime';
/**
 * One entry of a .NET `Dictionary<string,string>`. [I]
 * @export
 * @interface KeyValueOfstringstring
 */
export interface KeyValueOfstringstring {
    /**
     * 
     */
    key: string;
    /**
     * 
     */
    value: string;
}

/**
 * Check if a given object implements the KeyValueOfstringstring interface.
 */
export function instanceOfKeyValueOfstringstring(value: object): value is KeyValueOfstringstring {
    if ((!('key' in (value as Record<string, any>)) && !('Key' in (value as Record<string, any>))) || ((value as Record<string, any>)['key'] === undefined && (value as Record<string, any>)['Key'] === undefined)) return false;
    if ((!('value' in (value as Record<string, any>)) && !('Value' in (value as Record<string, any>))) || ((value as Record<string, any>)['value'] === undefined && (value as Record<string, any>)['Value'] === undefined)) return false;
    return true;
}

export function KeyValueOfstringstringFromJSON(json: any): KeyValueOfstringstring {
    return KeyValueOfstringstringFromJSONTyped(json, false);
}

export function KeyValueOfstringstringFromJSONTyped(json: any, ignoreDiscriminator: boolean): KeyValueOfstringstring {
    if (json == null) {
        return json;
    }
    return {
        
        'key': json['Key'],
        'value': json['Value'],
    };
}

export function KeyValueOfstringstringToJSON(json: any): KeyValueOfstringstring {
    return KeyValueOfstringstringToJSONTyped(json, false);
}

export function KeyValueOfstringstringToJSONTyped(value?: KeyValueOfstringstring | null, ignoreDiscriminator: boolean = false): any {
    if (value == null) {
        return value;
    }

    return {
        
        'Key': value['key'],
        'Value': value['value'],
    };
}

