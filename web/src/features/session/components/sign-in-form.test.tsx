import { signIn } from "@core/api/session";
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp, sessionFor } from "@/test/render";
import { SignInForm } from "./sign-in-form";

describe("SignInForm", () => {
  it("asks for a key before calling the server", async () => {
    const onSignedIn = vi.fn();
    const { user } = await renderWithApp(<SignInForm onSignedIn={onSignedIn} />);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText(/paste an admin key/)).toBeInTheDocument();
    expect(screen.getByLabelText("Admin key")).toHaveAttribute("aria-invalid", "true");
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("signs in with a valid key and stores the session in the query cache, not the key", async () => {
    let sentKey = "";
    server.use(
      answer(signIn, (request) => {
        void request
          .clone()
          .json()
          .then((body: { key: string }) => {
            sentKey = body.key;
          });
        return sessionFor("auditor");
      }),
    );
    const onSignedIn = vi.fn();
    const { user, queryClient } = await renderWithApp(<SignInForm onSignedIn={onSignedIn} />);
    await user.type(screen.getByLabelText("Admin key"), "rk_valid_admin_key");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(sentKey).toBe("rk_valid_admin_key");
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain("rk_valid_admin_key");
    expect(screen.getByLabelText("Admin key")).toHaveValue("");
  });

  it("explains a refused key and how to make one", async () => {
    server.use(failWith(signIn, 401, "invalid API key", "invalid_api_key"));
    const { user } = await renderWithApp(<SignInForm onSignedIn={() => undefined} />);
    await user.type(screen.getByLabelText("Admin key"), "rk_wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("rampart keys create --kind admin");
  });
});
