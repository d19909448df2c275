import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type {
  Endpoint,
  EndpointBody,
  EndpointParams,
  EndpointQuery,
  EndpointResponse,
} from "../../core/api/contract.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { Principal } from "../../gateway/principal.js";
import { requireScope } from "./management-auth.js";

export interface EndpointCall<E extends Endpoint> {
  params: EndpointParams<E>;
  query: EndpointQuery<E>;
  body: EndpointBody<E>;
  /** the signed-in admin (key or dashboard session); undefined only on public endpoints */
  admin: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Registers a contract endpoint: the admin must hold the endpoint's scope (checked before anything
 * else, so an anonymous caller gets 401, never a validation answer); params, query and body are
 * validated with its schemas (400 naming the field); the answer is serialised through its response
 * schema, so the server cannot drift from what the dashboard parses.
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  admins: Authenticator,
  definition: E,
  handler: (call: EndpointCall<E>) => Promise<EndpointResponse<E>>,
): void {
  const status = definition.status ?? 200;
  app.route({
    method: definition.method,
    url: definition.path,
    schema: {
      ...(definition.params ? { params: definition.params } : {}),
      ...(definition.query ? { querystring: definition.query } : {}),
      ...(definition.body ? { body: definition.body } : {}),
      response: { [status]: definition.response },
    },
    ...(definition.scope === "public"
      ? {}
      : { preValidation: definition.scope ? requireScope(admins, definition.scope) : requireScope(admins) }),
    handler: async (request, reply) => {
      const admin = request.admin;
      if (!admin && definition.scope !== "public")
        throw new Error("requireScope did not set the admin principal");
      const result = await handler({
        params: request.params as EndpointParams<E>,
        query: request.query as EndpointQuery<E>,
        body: request.body as EndpointBody<E>,
        admin: admin as Principal,
        request,
        reply,
      });
      return reply.status(status).send(result);
    },
  });
}
