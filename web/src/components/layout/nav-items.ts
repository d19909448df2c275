import type { Scope } from "@core/roles";
import { Activity, ClipboardCheck, Crosshair, Gauge, Landmark, Settings, Siren } from "lucide-react";

export interface NavItem {
  to: "/" | "/traffic" | "/incidents" | "/redteam" | "/governance" | "/compliance" | "/settings";
  label: string;
  icon: typeof Gauge;
  /** the scope needed to read the page; pages a role cannot read leave the navigation */
  scope: Scope | null;
}

export const navItems: readonly NavItem[] = [
  { to: "/", label: "Overview", icon: Gauge, scope: null },
  { to: "/traffic", label: "Traffic", icon: Activity, scope: "audit:read" },
  { to: "/incidents", label: "Incidents", icon: Siren, scope: "incidents:read" },
  { to: "/redteam", label: "Red team", icon: Crosshair, scope: "redteam:read" },
  { to: "/governance", label: "Governance", icon: Landmark, scope: "governance:read" },
  { to: "/compliance", label: "Compliance", icon: ClipboardCheck, scope: "governance:read" },
  { to: "/settings", label: "Settings", icon: Settings, scope: "policy:read" },
];
