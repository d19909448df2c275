import {
  apiErrorBodySchema,
  type Endpoint,
  type EndpointRequest,
  type EndpointResponse,
  endpointPath,
  endpointQueryString,
} from "@core/api/contract";
import { CSRF_HEADER_NAME } from "@core/api/session";
import { z } from "zod";

/** Every failure of a management API call, as the dashboard shows it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    /** the request field the server named (its zod path, dotted), to show the message on that field */
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | undefined;

/** The session's CSRF token, sent on every write (set at sign-in and when the session is read). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once per 401 from a signed-in call (the session expired or the key was revoked). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

function headersFor(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (hasBody) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken !== null) headers[CSRF_HEADER_NAME] = csrfToken;
  return headers;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "Rampart did not answer: check that `rampart serve` is running", null);
  }
}

async function failure(response: Response, what: string): Promise<ApiError> {
  const requestId = response.headers.get("x-rampart-request-id");
  const text = await response.text().catch(() => "");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = apiErrorBodySchema.safeParse(body);
  const error = parsed.success
    ? new ApiError(
        response.status,
        parsed.data.error.code ?? parsed.data.error.type,
        parsed.data.error.message,
        requestId,
        parsed.data.error.param ?? null,
      )
    : new ApiError(response.status, "http_error", `${what} failed with HTTP ${response.status}`, requestId);
  if (response.status === 401 && !what.includes("/api/v1/session")) onUnauthorized?.();
  return error;
}

/**
 * Calls one management API endpoint of the shared contract: builds the URL from the endpoint's path,
 * params and query, sends the CSRF header on writes, and parses the answer with the endpoint's own
 * response schema. The only caller of `fetch` in the dashboard.
 */
export async function call<E extends Endpoint>(
  endpoint: E,
  request: EndpointRequest<E> = {},
): Promise<EndpointResponse<E>> {
  const path = endpointPath(endpoint.path, request.params as Record<string, unknown> | undefined);
  const url = path + endpointQueryString(request.query as Record<string, unknown> | undefined);
  const hasBody = request.body !== undefined;
  const response = await send(url, {
    method: endpoint.method,
    headers: headersFor(endpoint.method, hasBody),
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
  const what = `${endpoint.method} ${endpoint.path}`;
  if (!response.ok) throw await failure(response, what);
  const requestId = response.headers.get("x-rampart-request-id");
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, "bad_response", `${what} did not answer JSON`, requestId);
  }
  const parsed = endpoint.response.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "contract_mismatch",
      `${what} answered in an unexpected shape (${z.prettifyError(parsed.error).split("\n")[0]}); the dashboard and the server may be different versions`,
      requestId,
    );
  }
  return parsed.data as EndpointResponse<E>;
}

export interface Download {
  blob: Blob;
  filename: string;
}

/** Fetches a file (report, evidence pack) with the session; GET, or POST for files built on demand. */
export async function download(
  path: string,
  options: { method?: "GET" | "POST"; body?: unknown } = {},
): Promise<Download> {
  const method = options.method ?? "GET";
  const hasBody = options.body !== undefined;
  const response = await send(path, {
    method,
    headers: { ...headersFor(method, hasBody), accept: "*/*" },
    ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
  });
  if (!response.ok) throw await failure(response, `${method} ${path}`);
  const disposition = response.headers.get("content-disposition") ?? "";
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), filename: match?.[1] ?? path.split("/").pop() ?? "download" };
}

/** Saves a downloaded file through a temporary object URL. */
export function saveDownload({ blob, filename }: Download): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
