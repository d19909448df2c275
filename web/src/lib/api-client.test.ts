import { signIn } from "@core/api/session";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { ApiError, call, setCsrfToken } from "./api-client";

describe("api client", () => {
  it("turns an OpenAI-shaped error into an ApiError with the field the server named", async () => {
    server.use(
      http.post("*/api/v1/session", () =>
        HttpResponse.json(
          {
            error: {
              message: "key: too long",
              type: "invalid_request_error",
              code: "invalid_request",
              param: "key",
            },
          },
          { status: 400, headers: { "x-rampart-request-id": "req_1" } },
        ),
      ),
    );
    const error = await call(signIn, { body: { key: "x" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", param: "key", requestId: "req_1" });
  });

  it("refuses an answer that does not match the contract", async () => {
    server.use(
      http.post("*/api/v1/session", () => HttpResponse.json({ admin: "not an object" }, { status: 201 })),
    );
    await expect(call(signIn, { body: { key: "x" } })).rejects.toMatchObject({ code: "contract_mismatch" });
  });

  it("sends the CSRF token on writes only", async () => {
    setCsrfToken("token-1");
    let header: string | null = null;
    server.use(
      http.post("*/api/v1/session", ({ request }) => {
        header = request.headers.get("x-rampart-csrf");
        return HttpResponse.json(
          { error: { message: "no", type: "invalid_request_error", code: "invalid_api_key", param: null } },
          { status: 401 },
        );
      }),
    );
    await call(signIn, { body: { key: "x" } }).catch(() => undefined);
    expect(header).toBe("token-1");
    server.use(failWith(signIn, 500, "boom", "internal_error"));
    await expect(call(signIn, { body: { key: "x" } })).rejects.toMatchObject({
      status: 500,
      message: "boom",
    });
  });
});
