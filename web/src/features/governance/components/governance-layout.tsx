import { Link, Outlet } from "@tanstack/react-router";

const sections = [
  { to: "/governance", label: "Summary", exact: true },
  { to: "/governance/assets", label: "Assets", exact: false },
  { to: "/governance/raci", label: "RACI", exact: false },
  { to: "/governance/risks", label: "Risks", exact: false },
  { to: "/governance/policies", label: "Policies", exact: false },
  { to: "/governance/data-classes", label: "Data classes", exact: false },
  { to: "/governance/acceptable-use", label: "Acceptable use", exact: false },
  { to: "/governance/audits", label: "Audits", exact: false },
  { to: "/governance/training", label: "Training", exact: false },
  { to: "/governance/ai-incidents", label: "AI incidents", exact: false },
] as const;

/** The governance pages under one sub-navigation; the current section is marked for assistive tech. */
export function GovernanceLayout() {
  return (
    <>
      <nav aria-label="Governance sections" className="mb-4 border-b border-border">
        <ul className="-mb-px flex flex-wrap gap-1">
          {sections.map((section) => (
            <li key={section.to}>
              <Link
                to={section.to}
                activeOptions={{ exact: section.exact }}
                className="inline-block border-b-2 border-transparent px-3 py-2 text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring data-[status=active]:border-primary data-[status=active]:font-semibold"
              >
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
