import { z } from "zod";
import { assetKinds } from "./asset-kinds";

/** The inventory's kind filter lives in the URL; an unknown kind is dropped rather than failing. */
export const assetsSearchSchema = z.object({
  kind: z.enum(assetKinds).optional().catch(undefined),
});
export type AssetsSearch = z.infer<typeof assetsSearchSchema>;

export const assetKindParamSchema = z.enum(assetKinds);
