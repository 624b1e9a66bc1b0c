/**
 * The HPC Pack REST client for TypeScript: the generated typescript-fetch API classes, put on
 * the DataContract XML wire by `dataContractWire()`. `hpcConfiguration` is all a caller needs.
 */
import { Configuration, type Middleware } from "./generated/runtime";
import { dataContractWire } from "./wire/middleware";

export * from "./generated";
export { dataContractWire, servicePath } from "./wire/middleware";
export { decode, encode, XmlWireError } from "./wire/xmlcodec";

/** The api-version of HPC Pack 2012 to 2016 (the spec's `ApiVersion` examples list the others). */
export const API_VERSION = "2012-11-01.4.0";

export interface HpcOptions {
  /** Service root, e.g. `https://head:443/WindowsHpc` (or `.../WindowsHpc/<cluster>` before 2016). */
  basePath: string;
  username?: string;
  password?: string;
  /** Sent as the `api-version` header on every call (a per-call `apiVersion` wins). */
  apiVersion?: string;
  fetchApi?: typeof fetch;
  middleware?: Middleware[];
}

export function hpcConfiguration(options: HpcOptions): Configuration {
  return new Configuration({
    basePath: options.basePath.replace(/\/+$/, ""),
    username: options.username,
    password: options.password,
    fetchApi: options.fetchApi,
    headers: { "api-version": options.apiVersion ?? API_VERSION },
    // The wire layer last: it sees (and rewrites) what every other middleware produced.
    middleware: [...(options.middleware ?? []), dataContractWire()],
  });
}
