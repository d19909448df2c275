import type { Endpoint, EndpointResponse } from "@core/api/contract";
import { HttpResponse, http } from "msw";

/**
 * An MSW handler for one contract endpoint. The answer is checked against the endpoint's response
 * schema first, so a fixture that drifts from the contract fails the test instead of passing quietly.
 */
export function answer<E extends Endpoint>(
  endpoint: E,
  body: EndpointResponse<E> | ((request: Request, params: Record<string, string>) => EndpointResponse<E>),
  status = endpoint.status ?? 200,
) {
  const method = endpoint.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
  return http[method](`*${endpoint.path}`, ({ request, params }) => {
    const value =
      typeof body === "function"
        ? (body as (request: Request, params: Record<string, string>) => EndpointResponse<E>)(
            request,
            params as Record<string, string>,
          )
        : body;
    const checked = endpoint.response.parse(value);
    return HttpResponse.json(checked as never, { status });
  });
}

/** An error answer in the OpenAI shape the server uses. */
export function failWith(endpoint: Endpoint, status: number, message: string, code = "invalid_request") {
  const method = endpoint.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
  return http[method](`*${endpoint.path}`, () =>
    HttpResponse.json(
      { error: { message, type: "invalid_request_error", code, param: null } },
      { status, headers: { "x-rampart-request-id": "req_test" } },
    ),
  );
}
