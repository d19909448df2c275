import { setupServer } from "msw/node";

/** The mock management API of component tests; each test adds handlers typed by the core contract. */
export const server = setupServer();
