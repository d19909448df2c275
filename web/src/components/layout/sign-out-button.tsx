import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { signOutNow } from "@/lib/session";

export function SignOutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={async () => {
        await signOutNow().catch(() => undefined);
        queryClient.clear();
        await navigate({ to: "/sign-in", search: {} });
      }}
    >
      <LogOut aria-hidden="true" /> Sign out
    </Button>
  );
}
