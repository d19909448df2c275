import { verifyAudit } from "@core/api/audit";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { auditKeys } from "@/features/traffic";
import { call } from "@/lib/api-client";
import { overviewKeys } from "./queries";

/**
 * "Verify now": replays the audit chains on the server, which records the result as an
 * `audit.verification` event; the overview (its chain status) and the trail's lists then refresh.
 */
export function useVerifyAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    // every node; an empty object rather than no body (the route refuses a missing body)
    mutationFn: () => call(verifyAudit, { body: {} }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: overviewKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}
